"""Spherical geometry of the matching room: distances, bounding boxes and the latitude bands
that index needs.

Pure functions on floats (degrees in, kilometres out); no Django. The Earth is the sphere of
geopy's ``great_circle`` (mean radius 6,371.009 km), so distances here agree with it.
"""

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.009
# Height of one latitude band of the search index, in degrees (about 1.1 km).
BAND_DEG = 0.01
# Boxes are widened by this much (about 1 cm) so floating-point rounding never drops a point
# lying exactly on the circle.
EDGE_MARGIN_DEG = 1e-7


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class BoundingBox:
    """The smallest latitude/longitude box holding a circle on the sphere.

    ``longitude_ranges`` holds one range, or two when the box crosses the antimeridian, or the
    whole circle of longitudes when the circle contains a pole.
    """

    min_latitude: float
    max_latitude: float
    longitude_ranges: tuple[tuple[float, float], ...]


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine form, stable for short and long distances)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(latitude: float, longitude: float, radius_km: float) -> BoundingBox:
    """The box of every point within ``radius_km`` of the centre (exact on the sphere).

    The longitude half-width is asin(sin δ / cos φ) where δ is the angular radius: the widest
    point of the circle, which lies poleward of the centre's latitude. A circle that reaches a
    pole spans every longitude; one that crosses ±180° is split in two ranges.
    """
    delta = radius_km / EARTH_RADIUS_KM
    phi = math.radians(latitude)
    min_lat = math.degrees(phi - delta) - EDGE_MARGIN_DEG
    max_lat = math.degrees(phi + delta) + EDGE_MARGIN_DEG
    if max_lat >= 90.0 or min_lat <= -90.0 or delta >= math.pi / 2:
        return BoundingBox(max(min_lat, -90.0), min(max_lat, 90.0), ((-180.0, 180.0),))
    half_width = math.degrees(math.asin(min(1.0, math.sin(delta) / math.cos(phi))))
    half_width += EDGE_MARGIN_DEG
    west, east = longitude - half_width, longitude + half_width
    if west < -180.0:
        ranges = ((west + 360.0, 180.0), (-180.0, east))
    elif east > 180.0:
        ranges = ((west, 180.0), (-180.0, east - 360.0))
    else:
        ranges = ((west, east),)
    return BoundingBox(min_lat, max_lat, ranges)


def latitude_band(latitude: float) -> int:
    """The index band of a latitude: bands are ``BAND_DEG`` high, counted from the south pole."""
    return math.floor((latitude + 90.0) / BAND_DEG)


def band_ranges(box: BoundingBox) -> list[tuple[int, float, float]]:
    """(band, west, east) triples covering the box: one index range scan each."""
    first, last = latitude_band(box.min_latitude), latitude_band(box.max_latitude)
    return [
        (band, west, east) for band in range(first, last + 1) for west, east in box.longitude_ranges
    ]


def valid_point(latitude: float, longitude: float) -> bool:
    return (
        math.isfinite(latitude)
        and math.isfinite(longitude)
        and -90.0 <= latitude <= 90.0
        and -180.0 <= longitude <= 180.0
    )
