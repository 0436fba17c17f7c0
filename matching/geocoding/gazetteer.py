"""The offline geocoder: French postcodes and commune names from the shipped gazetteer.

matching/data/gazetteer-fr.csv.gz is built by scripts/build_gazetteer.py from the GeoNames
postal-code data (CC BY 4.0). It is read once per process (about 0.2 s) and kept in memory.
"""

import csv
import gzip
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from matching.geocoding.base import GeocodedPoint, PlaceNotFound
from matching.geocoding.normalise import (
    department_of_postcode,
    normalise_name,
    split_department,
    split_postcode,
)

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer-fr.csv.gz"
SOURCE = "gazetteer"


@dataclass(frozen=True)
class Commune:
    name: str
    latitude: float
    longitude: float
    territory: str
    postcodes: tuple[str, ...]

    @property
    def departments(self) -> set[str]:
        return {department_of_postcode(postcode) for postcode in self.postcodes}


@dataclass(frozen=True)
class Postcode:
    code: str
    latitude: float
    longitude: float
    territory: str
    label_name: str
    communes: tuple[str, ...]


class Gazetteer:
    """Postcodes and commune names of France, metropolitan and overseas."""

    def __init__(self, rows):
        by_point = defaultdict(set)
        postal_rows = defaultdict(list)
        for postcode, name, latitude, longitude, territory, postal in rows:
            by_point[(name, latitude, longitude, territory)].add(postcode)
            if postal:
                postal_rows[postcode].append((name, latitude, longitude, territory))
        names = defaultdict(list)
        for (name, latitude, longitude, territory), postcodes in by_point.items():
            commune = Commune(name, latitude, longitude, territory, tuple(sorted(postcodes)))
            names[normalise_name(name)].append(commune)
        self.names = {
            key: sorted(communes, key=lambda c: (-len(c.postcodes), c.postcodes[0]))
            for key, communes in names.items()
        }
        self.postcodes = {
            code: _postcode_from_rows(code, members) for code, members in postal_rows.items()
        }

    @classmethod
    def from_file(cls, path: Path = GAZETTEER_PATH) -> "Gazetteer":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            reader = csv.reader(io.StringIO(handle.read()))
            next(reader)
            rows = [
                (code, name, float(lat), float(lon), territory, postal == "1")
                for code, name, lat, lon, territory, postal in reader
            ]
        return cls(rows)

    def communes_named(self, name: str) -> list[Commune]:
        """Communes whose name matches, best first (the one with most postcodes leads)."""
        key = normalise_name(name)
        if key in self.names:
            return self.names[key]
        head, department = split_department(key)
        if department:
            return [c for c in self.names.get(head, []) if department in c.departments]
        return []


def _postcode_from_rows(code: str, members: list) -> Postcode:
    latitude = sum(m[1] for m in members) / len(members)
    longitude = sum(m[2] for m in members) / len(members)
    nearest = min(members, key=lambda m: (m[1] - latitude) ** 2 + (m[2] - longitude) ** 2)
    return Postcode(
        code=code,
        latitude=round(latitude, 4),
        longitude=round(longitude, 4),
        territory=members[0][3],
        label_name=nearest[0],
        communes=tuple(sorted(m[0] for m in members)),
    )


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.from_file()


class OfflineGeocoder:
    """Resolves '75011', '75011 Paris', 'Paris 11e', 'St-Étienne', 'Saint-Denis (93)'.

    A full address ('12 rue X, 69003 Lyon') resolves to its postcode (and commune when the
    postcode covers several): the gazetteer knows no streets.
    """

    source = SOURCE

    def __init__(self, data: Gazetteer | None = None):
        self._data = data

    @property
    def data(self) -> Gazetteer:
        return self._data or gazetteer()

    def geocode(self, query: str) -> GeocodedPoint:
        query = (query or "").strip()
        if not query:
            raise PlaceNotFound(_("Indiquez un code postal ou une commune."))
        code, rest = split_postcode(query)
        if code:
            return self._by_postcode(code, rest)
        communes = self.data.communes_named(rest)
        if not communes:
            raise PlaceNotFound(
                _("Commune inconnue : « %(query)s ». Essayez avec son code postal.")
                % {"query": query[:80]}
            )
        best = communes[0]
        return GeocodedPoint(
            latitude=best.latitude,
            longitude=best.longitude,
            label=f"{best.name} ({best.postcodes[0]})",
            source=SOURCE,
            postcode=best.postcodes[0],
            town=best.name,
        )

    def _by_postcode(self, code: str, rest: str) -> GeocodedPoint:
        postcode = self.data.postcodes.get(code)
        if postcode is None:
            raise PlaceNotFound(_("Code postal inconnu : %(code)s.") % {"code": code})
        if rest:
            wanted = _commune_part(rest)
            for commune in self.data.communes_named(wanted) if wanted else []:
                if code in commune.postcodes and commune.name in postcode.communes:
                    return GeocodedPoint(
                        latitude=commune.latitude,
                        longitude=commune.longitude,
                        label=f"{code} {commune.name}",
                        source=SOURCE,
                        postcode=code,
                        town=commune.name,
                    )
        return GeocodedPoint(
            latitude=postcode.latitude,
            longitude=postcode.longitude,
            label=f"{code} {postcode.label_name}",
            source=SOURCE,
            postcode=code,
            town=postcode.label_name,
        )


def _commune_part(rest: str) -> str:
    """The commune in what follows a postcode: the last comma-separated part ('Lyon')."""
    return rest.split(",")[-1].strip()
