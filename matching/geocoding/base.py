"""The one geocoding interface: a query in, a point with a label out, or a clear error."""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class GeocodedPoint:
    latitude: float
    longitude: float
    label: str
    source: str
    postcode: str = ""
    town: str = ""


class GeocodingError(Exception):
    """A query that cannot be turned into a point; ``str()`` is a message for people."""


class PlaceNotFound(GeocodingError):
    """The query names no known place (unknown postcode or commune, empty query)."""


class GeocoderUnavailable(GeocodingError):
    """The geocoding service failed or timed out: worth retrying later."""


class Geocoder(Protocol):
    source: str

    def geocode(self, query: str) -> GeocodedPoint:
        """The best point for ``query``; raises PlaceNotFound or GeocoderUnavailable."""
        ...
