"""GET /api/v1/needs/ and /api/v1/geocode/: sorted results with the documented fields, GeoJSON
on request, 400 with a JSON message for any bad input, never a 500, never a volunteer."""

import math

import pytest
from geopy.distance import great_circle

from matching import services
from matching.api import NeedSearchParams
from matching.models import PlaceKind
from tests.api_errors import assert_the_api_error_format
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "id",
    "title",
    "kind",
    "challenge",
    "distance_km",
    "lat",
    "lon",
    "quantity_wanted",
    "quantity_remaining",
    "unit",
    "urgency",
    "place",
    "town",
    "url",
}
ORIGIN = (46.2, 4.9)  # between Lyon and Mâcon, away from the demo places


@pytest.fixture
def needs_near_origin(caregivers_fr):
    near = PlaceFactory(latitude=46.21, longitude=4.9, kind=PlaceKind.HOSPITAL, public_precision=2)
    far = PlaceFactory(latitude=46.3, longitude=4.9, kind=PlaceKind.FARM, public_precision=2)
    return [
        NeedFactory(place=near, challenge=caregivers_fr, quantity_wanted=30, quantity_pledged=12),
        NeedFactory(place=far, quantity_wanted=5),
    ]


def test_needs_near_a_point_are_sorted_with_every_documented_field(client, needs_near_origin):
    response = client.get("/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1], "radius_km": 20})
    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body["results"]] == [n.pk for n in needs_near_origin]
    first = body["results"][0]
    assert set(first) == FIELDS
    assert first["kind"] == "hospital"
    assert first["challenge"] == "soignants"
    assert (first["quantity_wanted"], first["quantity_remaining"]) == (30, 18)
    assert [row["url"] for row in body["results"]] == [
        f"http://testserver/fr/besoins/{need.pk}/" for need in needs_near_origin
    ]
    expected = great_circle(ORIGIN, (first["lat"], first["lon"])).km
    assert math.isclose(first["distance_km"], expected, rel_tol=1e-3, abs_tol=5e-4)


def test_places_appear_at_their_public_precision_only(client, needs_near_origin):
    rows = client.get("/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1]}).json()["results"]
    assert (rows[0]["lat"], rows[0]["lon"]) == (46.21, 4.9)


def test_the_challenge_filter_takes_the_slug_of_either_language(client, needs_near_origin):
    for slug in ("soignants", "caregivers"):
        rows = client.get(
            "/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1], "challenge": slug}
        ).json()["results"]
        assert [row["id"] for row in rows] == [needs_near_origin[0].pk]


def test_the_challenge_is_named_in_the_reader_language(client, needs_near_origin):
    rows = client.get(
        "/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1]}, HTTP_ACCEPT_LANGUAGE="en"
    ).json()["results"]
    assert rows[0]["challenge"] == "caregivers"
    assert "/en/" in rows[0]["url"]


def test_kind_and_limit(client, needs_near_origin):
    rows = client.get(
        "/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1], "kind": "farm", "limit": 1}
    ).json()["results"]
    assert [row["id"] for row in rows] == [needs_near_origin[1].pk]


def test_a_postcode_replaces_lat_and_lon(client):
    response = client.get("/api/v1/needs/", {"postcode": "75011", "radius_km": 5})
    assert response.status_code == 200
    assert response.json()["results"], "the demo has needs in Paris"
    assert all(row["distance_km"] <= 5 for row in response.json()["results"])


def test_geojson_on_request(client, needs_near_origin):
    response = client.get(
        "/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1], "format": "geojson"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    feature = body["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [4.9, 46.21]}
    assert feature["properties"]["title"] == needs_near_origin[0].title


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"lat": "abc", "lon": "2"}, "lat"),
        ({"lat": "91", "lon": "2"}, "lat"),
        ({"lat": "-90.5", "lon": "2"}, "lat"),
        ({"lat": "45", "lon": "181"}, "lon"),
        ({"lat": "nan", "lon": "2"}, "lat"),
        ({"lat": "inf", "lon": "2"}, "lat"),
        ({"lat": "45", "lon": "2", "radius_km": "0"}, "radius_km"),
        ({"lat": "45", "lon": "2", "radius_km": "-5"}, "radius_km"),
        ({"lat": "45", "lon": "2", "radius_km": "200.5"}, "radius_km"),
        ({"lat": "45", "lon": "2", "radius_km": "loin"}, "radius_km"),
        ({"lat": "45", "lon": "2", "limit": "0"}, "limit"),
        ({"lat": "45", "lon": "2", "limit": "1000"}, "limit"),
        ({"lat": "45", "lon": "2", "kind": "castle"}, "kind"),
        ({"lat": "45", "lon": "2", "challenge": "inconnu"}, "challenge"),
        ({"lat": "45"}, "non_field_errors"),
        ({}, "non_field_errors"),
        ({"postcode": "75999"}, "postcode"),
        ({"postcode": "Zzyzx-sur-Mer"}, "postcode"),
    ],
)
def test_bad_input_answers_400_with_a_json_message(client, params, field):
    response = client.get("/api/v1/needs/", params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"]
    assert_the_api_error_format(body)


def test_each_request_is_validated_on_its_own(client, needs_near_origin):
    """The search's fields are copies of the declared ones: what one request binds or finds
    wrong never reaches the next."""
    point = {"lat": ORIGIN[0], "lon": ORIGIN[1], "radius_km": 15}
    answers = [
        client.get("/api/v1/needs/", params)
        for params in (
            {**point, "limit": "0"},
            point,
            {**point, "kind": "castle"},
            {**point, "limit": 1},
        )
    ]
    assert [answer.status_code for answer in answers] == [400, 200, 400, 200]
    assert list(answers[0].json()["errors"]) == ["limit"]
    assert list(answers[2].json()["errors"]) == ["kind"]
    assert answers[1].json()["count"] == 2 and answers[3].json()["count"] == 1
    assert NeedSearchParams._declared_fields["limit"].field_name is None  # never bound


def test_bad_input_in_geojson_format_is_still_a_400_json_message(client):
    response = client.get("/api/v1/needs/", {"lat": "200", "lon": "0", "format": "geojson"})
    assert response.status_code == 400
    assert "lat" in response.json()["errors"]


def test_volunteers_never_appear(client, needs_near_origin):
    profile = VolunteerProfileFactory(postcode="69003")
    services.pledge(volunteer=profile, need_id=needs_near_origin[0].pk, quantity=1)
    text = client.get("/api/v1/needs/", {"lat": ORIGIN[0], "lon": ORIGIN[1]}).content.decode()
    assert profile.user.username not in text
    assert "69003" not in text
    assert "volunteer" not in text


def test_geocode_answers_lat_lon_label_and_source(client):
    response = client.get("/api/v1/geocode/", {"q": "Paris 11e"})
    assert response.status_code == 200
    assert response.json() == {
        "lat": 48.8574,
        "lon": 2.3795,
        "label": "Paris 11e Arrondissement (75011)",
        "source": "gazetteer",
    }


@pytest.mark.parametrize("query", ["", "   ", "75999", "Zzyzx-sur-Mer", "x" * 201])
def test_geocode_bad_queries_answer_400(client, query):
    response = client.get("/api/v1/geocode/", {"q": query})
    assert response.status_code == 400
    assert response.json()["detail"]


def test_both_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/needs/" in schema and "/api/v1/geocode/" in schema
    assert "radius_km" in schema
