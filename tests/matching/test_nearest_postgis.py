"""The PostGIS engine (PostgreSQL with the postgis extension) answers exactly like the portable
engine: same needs, same order, same distances. The rest of tests/matching runs on whichever
engine the database offers (CI's services leg: PostGIS; then once more with the portable one)."""

import random

from django.test import override_settings

import pytest

from challenges.models import ChallengePage
from matching import geo
from matching.services import nearest_open_needs, nearest_postgis
from tests.matching.test_nearest import CENTRES, RADII_KM, _destination, random_needs  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgis():
    if not nearest_postgis.postgis_installed():
        pytest.skip("PostGIS is not installed in this database (CI's services leg has it)")


def _answer(engine: str, point, radius_km, **options):
    with override_settings(NEARBY_ENGINE=engine):
        return [
            (round(match.distance_km, 9), match.need.pk)
            for match in nearest_open_needs(point, radius_km, **options)
        ]


@pytest.mark.usefixtures("postgis")
def test_both_engines_give_the_same_answers(random_needs):  # noqa: F811
    rnd = random.Random(11)
    challenges = list(ChallengePage.objects.live())
    for index in range(150):
        lat, lon = rnd.choice(list(CENTRES.values()))
        lat, lon = _destination(lat, lon, rnd.uniform(0, 150), rnd.uniform(0, 360))
        options = {"limit": rnd.choice([1, 5, 20, 100])}
        if index % 4 == 0:
            options["challenge"] = rnd.choice(challenges)
        radius = rnd.choice(RADII_KM)
        portable = _answer("portable", geo.Point(lat, lon), radius, **options)
        assert _answer("postgis", geo.Point(lat, lon), radius, **options) == portable


def test_the_portable_engine_serves_without_postgis():
    with override_settings(NEARBY_ENGINE="auto"):
        assert nearest_postgis.enabled() == nearest_postgis.postgis_installed()
    with override_settings(NEARBY_ENGINE="portable"):
        assert not nearest_postgis.enabled()
