"""The nearest-needs engine against brute force: every result within the radius, no open need
within the radius missed, ranked by distance, on random data around France, overseas, at high
latitudes, across the antimeridian and just inside or outside each circle's edge."""

import datetime
import functools
import math
import random

from django.utils import timezone

import pytest
from geopy.distance import great_circle

from matching import geo
from matching.models import Need, NeedStatus, PlaceKind, Skill
from matching.services import nearest_open_needs
from tests.matching.factories import NeedFactory, PlaceFactory, bulk_needs

pytestmark = pytest.mark.django_db

CENTRES = {
    "Paris": (48.8566, 2.3522),
    "Lyon": (45.7640, 4.8357),
    "Brest": (48.3904, -4.4861),
    "La Réunion": (-20.8823, 55.4504),
    "Guadeloupe": (16.2410, -61.5331),
    "Martinique": (14.6161, -61.0588),
    "Guyane": (4.9224, -52.3135),
    "Mayotte": (-12.7806, 45.2279),
    "Saint-Pierre-et-Miquelon": (46.7811, -56.1764),
    "Nouvelle-Calédonie": (-22.2758, 166.4580),
    "Polynésie": (-17.5516, -149.5585),
    "Wallis (antimeridian)": (-14.2667, -179.99),
    "Svalbard (high latitude)": (78.22, 15.65),
    "near the North Pole": (89.7, 120.0),
    "near the South Pole": (-89.6, -45.0),
}
RADII_KM = [0.5, 5, 20, 100, 200]


def _destination(lat, lon, km, bearing):
    point = great_circle(kilometers=km).destination((lat, lon), bearing)
    return point.latitude, point.longitude


def _widest_bearing(lat: float, radius_km: float) -> float:
    """The bearing at which a circle reaches its easternmost longitude (cos θ = tan δ tan φ)."""
    delta = radius_km / geo.EARTH_RADIUS_KM
    cosine = math.tan(delta) * math.tan(math.radians(lat))
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


def _random_points(rnd: random.Random) -> list[tuple[float, float]]:
    """Clusters around each centre, plus points just inside and just outside every radius at
    many bearings (the box's corners and its widest longitude included)."""
    points = []
    for lat, lon in CENTRES.values():
        for _ in range(60):
            points.append(_destination(lat, lon, rnd.uniform(0, 250), rnd.uniform(0, 360)))
        for radius in RADII_KM:
            widest = _widest_bearing(lat, radius)
            for bearing in [*range(0, 360, 30), 45, 135, 225, 315, widest, 360 - widest]:
                for factor in (0.999, 1.001):
                    points.append(_destination(lat, lon, radius * factor, bearing))
    return points


def _brute_force(lat, lon, radius_km, *, challenge_ids=None, kind="", skill=""):
    """(distance, -urgency, -remaining, id) of every open need within the radius, sorted."""
    now = timezone.now()
    rows = []
    for need in Need.objects.filter(status=NeedStatus.OPEN, latitude__isnull=False):
        if need.quantity_pledged >= need.quantity_wanted:
            continue
        if need.ends_at is not None and need.ends_at <= now:
            continue
        if challenge_ids is not None and need.challenge_id not in challenge_ids:
            continue
        if (kind and need.place_kind != kind) or (skill and need.skill != skill):
            continue
        distance = great_circle((lat, lon), (need.latitude, need.longitude)).km
        if distance <= radius_km:
            remaining = need.quantity_wanted - need.quantity_pledged
            # Rank with the engine's own float so that exact ties (points on one circle) break
            # the same way; membership above is decided by geopy.
            ours = geo.great_circle_km(lat, lon, need.latitude, need.longitude)
            assert math.isclose(ours, distance, rel_tol=1e-9, abs_tol=1e-9)
            rows.append((ours, -need.urgency, -remaining, need.pk))
    rows.sort()
    return rows


@functools.cache
def random_points() -> tuple[tuple[float, float], ...]:
    return tuple(_random_points(random.Random(20200401)))


@pytest.fixture
def random_needs():
    rnd = random.Random(4)
    return bulk_needs(  # a spread of urgencies and remaining quantities to rank by
        random_points(),
        vary=lambda _index: {
            "urgency": rnd.choice([1, 2, 3, 4]),
            "quantity_pledged": rnd.randint(0, 9),
        },
    )


@pytest.mark.parametrize("centre", list(CENTRES))
def test_results_match_brute_force_around_each_territory(random_needs, centre):
    lat, lon = CENTRES[centre]
    for radius in RADII_KM:
        expected = _brute_force(lat, lon, radius)
        found = nearest_open_needs(geo.Point(lat, lon), radius, limit=100)
        assert [m.need.pk for m in found] == [row[3] for row in expected[:100]], (centre, radius)
        for match, row in zip(found, expected, strict=False):
            assert match.distance_km <= radius
            assert math.isclose(match.distance_km, row[0], rel_tol=1e-3)


def test_queries_from_random_points_match_brute_force_for_the_twenty_nearest(random_needs):
    rnd = random.Random(7)
    for _ in range(60):
        lat, lon = rnd.choice(list(CENTRES.values()))
        lat, lon = _destination(lat, lon, rnd.uniform(0, 150), rnd.uniform(0, 360))
        radius = rnd.choice(RADII_KM)
        expected = _brute_force(lat, lon, radius)[:20]
        found = nearest_open_needs(geo.Point(lat, lon), radius, limit=20)
        assert [m.need.pk for m in found] == [row[3] for row in expected]


def test_distances_agree_with_geopy_to_a_thousandth(random_needs):
    lat, lon = CENTRES["Paris"]
    for match in nearest_open_needs(geo.Point(lat, lon), 200, limit=100):
        expected = great_circle((lat, lon), (match.need.latitude, match.need.longitude)).km
        assert math.isclose(match.distance_km, expected, rel_tol=1e-3)


def test_pages_follow_each_other_without_gap_or_overlap(random_needs):
    point = geo.Point(*CENTRES["Lyon"])
    everything = [m.need.pk for m in nearest_open_needs(point, 200, limit=60)]
    pages = [
        m.need.pk
        for offset in (0, 20, 40)
        for m in nearest_open_needs(point, 200, limit=20, offset=offset)
    ]
    assert pages == everything


def test_closed_expired_and_fully_pledged_needs_are_left_out():
    lat, lon = 47.0, 1.0
    open_need, *others = bulk_needs([(lat, lon)] * 5)
    Need.objects.filter(pk=others[0].pk).update(status=NeedStatus.CLOSED)
    Need.objects.filter(pk=others[1].pk).update(status=NeedStatus.DRAFT)
    Need.objects.filter(pk=others[2].pk).update(
        ends_at=timezone.now() - datetime.timedelta(hours=1)
    )
    Need.objects.filter(pk=others[3].pk).update(quantity_pledged=10)
    found = nearest_open_needs(geo.Point(lat, lon), 1)
    assert [m.need.pk for m in found] == [open_need.pk]


def test_same_place_needs_rank_by_urgency_then_remaining_quantity():
    place = PlaceFactory(latitude=46.1, longitude=2.1)
    low = NeedFactory(place=place, urgency=1, quantity_wanted=100)
    urgent_small = NeedFactory(place=place, urgency=4, quantity_wanted=5)
    urgent_large = NeedFactory(place=place, urgency=4, quantity_wanted=50)
    found = nearest_open_needs(geo.Point(46.1, 2.1), 5)
    assert [m.need.pk for m in found] == [urgent_large.pk, urgent_small.pk, low.pk]


def test_challenge_filter_matches_the_challenge_in_both_languages(
    caregivers_fr, caregivers_en, farmers_fr
):
    french = bulk_needs([(44.0, 3.0)], challenge=caregivers_fr)[0]
    english = bulk_needs([(44.001, 3.0)], challenge=caregivers_en)[0]
    bulk_needs([(44.002, 3.0)], challenge=farmers_fr)
    for challenge in (caregivers_fr, caregivers_en):
        found = nearest_open_needs(geo.Point(44.0, 3.0), 5, challenge=challenge)
        assert {m.need.pk for m in found} == {french.pk, english.pk}


def test_kind_and_skill_filters(random_needs):
    farm = bulk_needs([(45.0, 0.5)], place_kind=PlaceKind.FARM, skill=Skill.MANUAL)[0]
    bulk_needs([(45.0, 0.5001)], place_kind=PlaceKind.HOSPITAL, skill=Skill.MANUAL)
    bulk_needs([(45.0, 0.5002)], place_kind=PlaceKind.FARM, skill=Skill.COOKING)
    found = nearest_open_needs(geo.Point(45.0, 0.5), 5, kind=PlaceKind.FARM, skill=Skill.MANUAL)
    assert [m.need.pk for m in found] == [farm.pk]


def test_needs_are_placed_at_their_place_public_precision():
    place = PlaceFactory(latitude=48.123456, longitude=2.654321, public_precision=2)
    need = NeedFactory(place=place)
    assert (need.latitude, need.longitude) == (48.12, 2.65)
    place.public_precision = 3
    place.save()
    need.refresh_from_db()
    assert (need.latitude, need.longitude) == (48.123, 2.654)


def test_moving_a_place_moves_its_needs_in_the_index():
    place = PlaceFactory(latitude=43.0, longitude=1.0)
    need = NeedFactory(place=place)
    place.latitude, place.longitude = 50.0, 3.0
    place.save()
    assert not nearest_open_needs(geo.Point(43.0, 1.0), 10)
    assert [m.need.pk for m in nearest_open_needs(geo.Point(50.0, 3.0), 10)] == [need.pk]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"radius_km": 0}, "radius_km"),
        ({"radius_km": 201}, "radius_km"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
    ],
)
def test_out_of_range_arguments_are_refused(kwargs, message):
    arguments = {"radius_km": 10, **kwargs}
    with pytest.raises(ValueError, match=message):
        nearest_open_needs(geo.Point(45.0, 5.0), **arguments)


def test_an_invalid_point_is_refused():
    with pytest.raises(ValueError, match="invalid point"):
        nearest_open_needs(geo.Point(91.0, 0.0), 10)
