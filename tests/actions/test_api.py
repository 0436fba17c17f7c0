"""/api/v1/actions/: the directory's results as JSON, the same as the page; bad parameters get
a 400 with a message; documented in the OpenAPI schema."""

import pytest

from tests.actions.conftest import SEED_ACTIONS
from tests.actions.factories import ActionPageFactory
from tests.api_errors import assert_the_api_error_format
from tests.queries import per_request

pytestmark = pytest.mark.django_db

API = "/api/v1/actions/"


def api_ids(client, params) -> list[int]:
    response = client.get(API, params)
    assert response.status_code == 200, response.content
    return [action["id"] for action in response.json()["results"]]


def page_ids(client, path, params) -> list[int]:
    response = client.get(path, params)
    assert response.status_code == 200
    return [action.pk for action in response.context["results"].object_list]


@pytest.mark.parametrize(
    ("lang", "params"),
    [
        ("fr", {}),
        ("fr", {"challenge": "sans-abri", "q": "kits"}),
        ("fr", {"challenge": "seniors-isoles", "sort": "most-done"}),
        ("fr", {"q": "paillassons"}),
        ("fr", {"mode": "remote", "duration": "under-1h"}),
        ("fr", {"partner": "la-cloche", "new": "true"}),
        ("en", {"challenge": "homeless", "q": "kits"}),
        ("en", {"partner": "miimosa", "sort": "most-done"}),
        ("en", {"q": "doormats"}),
    ],
)
def test_api_returns_the_same_results_as_the_page(client, lang, params):
    assert api_ids(client, {**params, "lang": lang}) == page_ids(
        client, f"/{lang}/actions/", params
    )


def test_api_describes_each_action(client):
    data = client.get(API, {"challenge": "sans-abri", "q": "paillassons"}).json()
    assert data["count"] == 1
    action = data["results"][0]
    assert action["title"] == "Collecter des kits d'hygiène avec ses voisins et les pharmacies"
    assert action["url"].endswith("/fr/actions/collecter-kits-hygiene/")
    assert action["challenge"] == {"slug": "sans-abri", "title": "De la chaleur pour les sans-abri"}
    assert action["partners"] == [{"slug": "la-cloche", "title": "La Cloche"}]
    assert action["mode"] == "on-site" and action["duration"] == "several-days"
    assert action["impact_unit"] == "kits-hygiene" and action["times_done"] == 48
    assert action["is_new"] is False


def test_api_paginates_like_the_page(client, directory_fr):
    for number in range(5):
        ActionPageFactory(parent=directory_fr, title=f"Action de l'API {number}")
    first = client.get(API).json()
    assert first["count"] == SEED_ACTIONS + 5
    assert len(first["results"]) == 12 and first["next"].endswith("?page=2")
    second = client.get(API, {"page": 2}).json()
    assert len(second["results"]) == 5
    assert [a["id"] for a in second["results"]] == page_ids(client, "/fr/actions/", {"page": 2})
    assert len(client.get(API, {"page_size": 100}).json()["results"]) == SEED_ACTIONS + 5


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"challenge": "inconnu"}, "challenge"),
        ({"challenge": "homeless"}, "challenge"),  # an English slug, French by default
        ({"partner": "personne"}, "partner"),
        ({"mode": "en-avion"}, "mode"),
        ({"duration": "une-vie"}, "duration"),
        ({"new": "peut-être"}, "new"),
        ({"sort": "alphabet"}, "sort"),
        ({"q": "x" * 201}, "q"),
        ({"lang": "de"}, "lang"),
        ({"page": 99}, "page"),
        ({"page": "abc"}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 1000}, "page_size"),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, params, parameter):
    response = client.get(API, params)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith(f"{parameter} : ")
    assert list(body["errors"]) == [parameter]
    assert_the_api_error_format(body)


def test_unknown_parameters_are_ignored(client):
    assert client.get(API, {"utm_source": "lettre"}).json()["count"] == SEED_ACTIONS


def test_the_endpoint_and_its_parameters_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/actions/"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"lang", "q", "challenge", "partner", "mode", "duration", "new", "sort", "page"} <= (
        parameters
    )
    assert "400" in operation["responses"]


def test_api_query_count_does_not_grow_with_the_results(
    client, directory_fr, django_assert_num_queries
):
    client.get(API)
    with django_assert_num_queries(per_request(7)):
        client.get(API, {"challenge": "soignants"})
    for number in range(20):
        ActionPageFactory(parent=directory_fr, title=f"Action nombreuse {number}")
    with django_assert_num_queries(per_request(7)):
        client.get(API, {"page": 2})
