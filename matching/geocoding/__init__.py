"""Geocoding behind one interface (see base.Geocoder).

``offline`` (the embedded default) reads the shipped gazetteer; ``ban`` and ``nominatim`` call
geopy's BANFrance and Nominatim with a rate limiter and a cache. ``get_geocoder()`` returns the
one chosen by the GEOCODER setting; ``geocode_query()`` is what pages and the API use for what
volunteers type: the gazetteer first, the configured service only for what it does not know.
"""

from matching.geocoding.base import (
    GeocodedPoint,
    Geocoder,
    GeocoderUnavailable,
    GeocodingError,
    PlaceNotFound,
)
from matching.geocoding.gazetteer import OfflineGeocoder, gazetteer
from matching.geocoding.online import geocode_query, get_geocoder

__all__ = [
    "GeocodedPoint",
    "Geocoder",
    "GeocoderUnavailable",
    "GeocodingError",
    "OfflineGeocoder",
    "PlaceNotFound",
    "gazetteer",
    "geocode_query",
    "get_geocoder",
]
