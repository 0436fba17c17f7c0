"""The near-me page and its form never answer 500, whatever is typed or forged in the URL."""

import pytest
from hypothesis import given

from tests.hardening.strategies import bounded, fresh_limits, hostile_text, numbers, params

pytestmark = pytest.mark.django_db

URL = "/fr/pres-de-chez-moi/"
FIELDS = ["q", "lat", "lon", "radius_km", "challenge", "kind", "skill", "page"]


@bounded
@given(query=params(FIELDS))
def test_any_query_string_gets_a_page_or_a_400_never_a_server_error(client, query):
    fresh_limits()
    response = client.get(URL, query)
    assert response.status_code in (200, 400), response.status_code


@bounded
@given(lat=numbers(), lon=numbers(), radius=numbers(), page=numbers())
def test_forged_coordinates_radius_and_page_are_refused_with_400_or_searched(
    client, lat, lon, radius, page
):
    fresh_limits()
    response = client.get(URL, {"lat": lat, "lon": lon, "radius_km": radius, "page": page})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert 'role="alert"' in response.content.decode() or "invalide" in (
            response.content.decode()
        )


@bounded
@given(q=hostile_text())
def test_any_place_name_is_found_or_explained_with_a_400(client, q):
    fresh_limits()
    response = client.get(URL, {"q": q})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "nan", "lon": "2.35"},
        {"lat": "48.85", "lon": "inf"},
        {"lat": "91", "lon": "2.35"},
        {"lat": "48.85", "lon": "-181"},
        {"q": "75011", "radius_km": "-5"},
        {"q": "75011", "radius_km": "10000000000000000000000"},
        {"q": "75011", "page": "-1"},
        {"q": "75011", "page": "99999999999999999999"},
        {"q": "7501\x001"},
        {"q": "x" * 100_000},
    ],
)
def test_known_bad_values_answer_400(client, query):
    assert client.get(URL, query).status_code == 400
