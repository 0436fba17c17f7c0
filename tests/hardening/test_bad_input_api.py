"""The public JSON API (needs near a point, geocoding, actions) answers 400, never 500."""

import json

import pytest
from hypothesis import given

from tests.hardening.strategies import bounded, fresh_limits, hostile_text, numbers, params

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/needs/"
NEED_FIELDS = ["lat", "lon", "postcode", "radius_km", "challenge", "kind", "skill", "limit"]


# An unknown ?format= is DRF's 404, which LocaleMiddleware turns into a 302 to /fr/api/v1/…
# (Wagtail's catch-all route makes any prefixed path "valid"): odd for an API, not a 500.
NOT_FOUND = (302, 404)


def _is_error_body(response) -> bool:
    body = json.loads(response.content)
    return isinstance(body, dict) and "detail" in body


@bounded
@given(query=params(NEED_FIELDS))
def test_needs_api_answers_any_query_string_without_a_server_error(client, query):
    fresh_limits()
    response = client.get(NEEDS, query)
    assert response.status_code in (200, 400, *NOT_FOUND), response.status_code


@bounded
@given(lat=numbers(), lon=numbers(), radius=numbers(), limit=numbers())
def test_needs_api_refuses_forged_numbers_with_a_400_and_a_message(client, lat, lon, radius, limit):
    fresh_limits()
    query = {"lat": lat, "lon": lon, "radius_km": radius, "limit": limit}
    response = client.get(NEEDS, query)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert _is_error_body(response)


@bounded
@given(postcode=hostile_text())
def test_needs_api_geocodes_any_postcode_text_or_refuses_it(client, postcode):
    fresh_limits()
    response = client.get(NEEDS, {"postcode": postcode})
    assert response.status_code in (200, 400)


@bounded
@given(q=hostile_text())
def test_geocode_api_answers_any_text_with_a_point_or_a_400(client, q):
    fresh_limits()
    response = client.get("/api/v1/geocode/", {"q": q})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        body = json.loads(response.content)
        assert -90 <= body["lat"] <= 90 and -180 <= body["lon"] <= 180


@bounded
@given(query=params(["q", "challenge", "mode", "duration", "partner", "new", "sort", "page"]))
def test_actions_api_answers_any_filter_without_a_server_error(client, query):
    fresh_limits()
    response = client.get("/api/v1/actions/", query)
    assert response.status_code in (200, 400, *NOT_FOUND), response.status_code


@pytest.mark.parametrize(
    "query",
    [
        {"lat": "NaN", "lon": "2"},
        {"lat": "48", "lon": "Infinity"},
        {"lat": "-91", "lon": "2"},
        {"lat": "48", "lon": "181"},
        {"lat": "48", "lon": "2", "radius_km": "-1"},
        {"lat": "48", "lon": "2", "radius_km": "0"},
        {"lat": "48", "lon": "2", "radius_km": "1e308"},
        {"lat": "48", "lon": "2", "radius_km": "nan"},
        {"lat": "48", "lon": "2", "limit": "-3"},
        {"lat": "48", "lon": "2", "limit": "99999999999999999999999"},
        {"postcode": "\x00"},
        {"postcode": "9" * 100_000},
    ],
)
def test_needs_api_known_bad_values_answer_400(client, query):
    response = client.get(NEEDS, query)
    assert response.status_code == 400
    assert _is_error_body(response)


@pytest.fixture
def partner_api(fr):
    from rest_framework.test import APIClient

    from challenges.models import PartnerPage
    from partners.models import PartnerMember, PartnerRole
    from tests.factories import UserFactory

    partner = PartnerPage.objects.get(locale=fr, slug="la-cloche")
    user = UserFactory(username="bad-input-partner", email="bad@la-cloche.example.org")
    PartnerMember.objects.create(user=user, partner=partner, role=PartnerRole.OWNER)
    api = APIClient()
    api.force_login(user)
    return api


def test_partner_need_with_an_out_of_range_challenge_id_is_refused_with_400(partner_api):
    body = {"title": "Couvertures", "quantity_wanted": 2, "unit": "u"}
    response = partner_api.post(
        "/api/v1/partner/needs/", {**body, "challenge": "290322408937561096192"}, format="json"
    )
    assert response.status_code == 400
