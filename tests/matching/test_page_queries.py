"""The near-me page and a need's page run as many queries for few results as for many (a full
page of needs; a need with many volunteers)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from matching import services
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory
from tests.matching.test_pages import near_me_url, need_url

pytestmark = pytest.mark.django_db
# A point in the Atlantic: no demo need within 5 km, only this test's.
LATITUDE, LONGITUDE = 47.0, -5.5
SEARCH = {"lat": str(LATITUDE), "lon": str(LONGITUDE), "radius_km": 5}


def queries_of(client, url, params=None) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_near_me_page_runs_as_many_queries_for_a_full_page(client):
    place = PlaceFactory(name="Centre social témoin", latitude=LATITUDE, longitude=LONGITUDE)
    NeedFactory(place=place, title="Seul besoin témoin")
    client.get(near_me_url(), SEARCH)  # warm caches (site root paths, locales)
    few, few_html = queries_of(client, near_me_url(), SEARCH)
    for number in range(30):
        place = PlaceFactory(name=f"Lieu {number}", latitude=LATITUDE, longitude=LONGITUDE)
        NeedFactory(place=place, title=f"Nombreux {number}")
    many, many_html = queries_of(client, near_me_url(), SEARCH)
    for number in range(30):
        place = PlaceFactory(name=f"Autre lieu {number}", latitude=LATITUDE, longitude=LONGITUDE)
        NeedFactory(place=place, title=f"Encore {number}")
    more, more_html = queries_of(client, near_me_url(), SEARCH)
    assert few_html.count('class="need-card"') == 1
    assert many_html.count('class="need-card"') == more_html.count('class="need-card"') == 20
    # Never one query per result. The portable engine's search ring grows up to the radius in a
    # sparse area (few results may cost more ranking queries); PostGIS reads the ties of a full
    # page in one more candidate query.
    assert more == many <= few + 1


def test_the_need_page_runs_as_many_queries_for_many_volunteers(client):
    need = NeedFactory(quantity_wanted=50)
    client.get(need_url(need))  # warm caches
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    one, one_html = queries_of(client, need_url(need))
    for _ in range(8):
        services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    nine, nine_html = queries_of(client, need_url(need))
    assert one == nine
    assert "9" in nine_html and one_html != nine_html
