"""Spherical geometry: distances agree with geopy; boxes hold their whole circle, at the poles
and across the antimeridian too."""

import math

from geopy.distance import great_circle
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import geo

latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)
radii_km = st.floats(min_value=0.01, max_value=200)
bearings = st.floats(min_value=0, max_value=360)


@settings(max_examples=500)
@given(latitudes, longitudes, latitudes, longitudes)
def test_distance_agrees_with_geopy_great_circle_to_a_thousandth(lat1, lon1, lat2, lon2):
    expected = great_circle((lat1, lon1), (lat2, lon2)).km
    assert math.isclose(
        geo.great_circle_km(lat1, lon1, lat2, lon2), expected, rel_tol=1e-3, abs_tol=1e-6
    )


def _inside(box: geo.BoundingBox, lat: float, lon: float) -> bool:
    return box.min_latitude <= lat <= box.max_latitude and any(
        west <= lon <= east for west, east in box.longitude_ranges
    )


@settings(max_examples=1000)
@given(latitudes, longitudes, radii_km, bearings, st.floats(min_value=0, max_value=1))
def test_every_point_of_the_circle_lies_in_its_bounding_box(lat, lon, radius, bearing, fraction):
    destination = great_circle(kilometers=radius * fraction).destination((lat, lon), bearing)
    box = geo.bounding_box(lat, lon, radius)
    assert _inside(box, destination.latitude, destination.longitude)


def test_box_reaching_a_pole_spans_every_longitude():
    box = geo.bounding_box(89.5, 10.0, 100)
    assert box.longitude_ranges == ((-180.0, 180.0),)
    assert box.max_latitude == 90.0


def test_box_crossing_the_antimeridian_is_split_in_two():
    box = geo.bounding_box(-14.3, -179.9, 50)  # Wallis-et-Futuna side of the date line
    (west_range, east_range) = box.longitude_ranges
    assert west_range[1] == 180.0 and west_range[0] > 179.0
    assert east_range[0] == -180.0 and east_range[1] < -179.0


def test_box_is_no_wider_than_needed_at_mid_latitudes():
    box = geo.bounding_box(48.85, 2.35, 20)
    ((west, east),) = box.longitude_ranges
    assert 0.27 < (east - west) / 2 < 0.28  # 20 km / (111.2 km × cos 48.85°)
    assert 0.17 < (box.max_latitude - box.min_latitude) / 2 < 0.19


def test_band_ranges_cover_the_box_band_by_band():
    box = geo.bounding_box(45.0, 5.0, 5)
    ranges = geo.band_ranges(box)
    bands = [band for band, _w, _e in ranges]
    assert bands == list(
        range(geo.latitude_band(box.min_latitude), geo.latitude_band(box.max_latitude) + 1)
    )
