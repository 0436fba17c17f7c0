"""Cached rankings of the nearest needs: served again for the same search, dropped when a need
changes, and never showing a need that was closed or pledged in full since."""

from django.test import override_settings

import pytest

from matching import geo, services
from matching.models import NeedStatus
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ranking_cache_on")]

POINT = geo.Point(43.2965, 5.3698)  # Marseille


@pytest.fixture
def ranking_cache_on():
    with override_settings(NEARBY_CACHE_SECONDS=30):
        yield


@pytest.fixture
def needs():
    place = PlaceFactory(latitude=43.2966, longitude=5.3699, postcode="13001", town="Marseille")
    return [NeedFactory(place=place, title=f"Cache {n}", quantity_wanted=3) for n in range(3)]


def _ids(matches):
    return [match.need.pk for match in matches]


def test_the_same_search_is_answered_from_the_cache(needs, django_assert_num_queries):
    first = services.nearest_open_needs(POINT, 5)
    with django_assert_num_queries(1):  # the needs themselves, re-read; no ranking query
        again = services.nearest_open_needs(POINT, 5)
    assert _ids(again) == _ids(first) and len(first) >= 3


def test_a_new_need_drops_the_cached_rankings(needs):
    before = _ids(services.nearest_open_needs(POINT, 5, limit=100))
    added = NeedFactory(place=needs[0].place, title="Nouveau")
    after = _ids(services.nearest_open_needs(POINT, 5, limit=100))
    assert added.pk in after and added.pk not in before


def test_a_need_pledged_in_full_since_is_left_out_of_a_cached_ranking(needs):
    assert needs[0].pk in _ids(services.nearest_open_needs(POINT, 5, limit=100))
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=needs[0].pk, quantity=3)
    assert needs[0].pk not in _ids(services.nearest_open_needs(POINT, 5, limit=100))


def test_a_closed_need_is_left_out(needs):
    services.nearest_open_needs(POINT, 5, limit=100)
    needs[1].status = NeedStatus.CLOSED
    needs[1].save()
    assert needs[1].pk not in _ids(services.nearest_open_needs(POINT, 5, limit=100))
