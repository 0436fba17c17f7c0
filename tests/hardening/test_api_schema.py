"""schemathesis against the /api/v1/ OpenAPI schema, in process (WSGI, no server): every
operation answers without a server error, with a documented status code and content type, and
a body that matches its schema. Public operations run anonymously, the partner API as a
partner member.

schemathesis' lazy pytest fixture does not run under pytest 9 (it writes ``node._nodeid``), so
the operations are parametrized here from the schema drf-spectacular builds (the one served at
/api/v1/schema/, checked below) and each runs its own bounded hypothesis loop.
"""

import json

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from challenges.models import PartnerPage
from partners.models import PartnerMember, PartnerRole
from tests.factories import UserFactory
from tests.hardening.strategies import MAX_EXAMPLES, fresh_limits

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
bounded = settings(
    max_examples=max(12, MAX_EXAMPLES // 3), deadline=None, suppress_health_check=list(HealthCheck)
)


def _schema_document() -> dict:
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


SCHEMA = schemathesis.openapi.from_dict(_schema_document())
OPERATIONS = {
    f"{operation.method.upper()} {operation.path}": operation
    for operation in (result.ok() for result in SCHEMA.get_all_operations())
}
PUBLIC = sorted(label for label in OPERATIONS if " /api/v1/partner/" not in label)
PARTNER = sorted(label for label in OPERATIONS if " /api/v1/partner/" in label)


@pytest.fixture
def app():
    """The Django WSGI app; a request's end must not close the test's connection (as in
    Django's test client), so the requests share the test's rolled-back transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_finished.connect(close_old_connections)
    request_started.connect(close_old_connections)


@pytest.fixture
def partner_session(client, fr) -> dict:
    """A signed-in owner of a demo partner: session and CSRF cookies, and the CSRF header."""
    partner = PartnerPage.objects.get(locale=fr, slug="la-cloche")
    user = UserFactory(username="schema-partner", email="schema@la-cloche.example.org")
    PartnerMember.objects.create(user=user, partner=partner, role=PartnerRole.OWNER)
    client.force_login(user)
    token = _get_new_csrf_string()
    return {
        "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": token},
        "headers": {"X-CSRFToken": token},
    }


def _run(operation, app, checks=CHECKS, **call_kwargs) -> None:
    @bounded
    @given(case=operation.as_strategy())
    def check(case):
        fresh_limits()
        case.call_and_validate(checks=checks, app=app, **call_kwargs)

    check()


def test_the_served_schema_is_the_one_tested(client):
    served = json.loads(client.get("/api/v1/schema/", {"format": "json"}).content)
    assert sorted(served["paths"]) == sorted(SCHEMA.raw_schema["paths"])


@pytest.mark.parametrize("label", PUBLIC)
def test_public_api_conforms_to_its_schema(label, app):
    _run(OPERATIONS[label], app)


@pytest.mark.parametrize("label", PARTNER)
def test_partner_api_never_fails_and_its_bodies_conform(label, app, partner_session):
    _run(OPERATIONS[label], app, **partner_session)


def test_needs_api_documents_its_geojson_answer(app):
    case = OPERATIONS["GET /api/v1/needs/"].Case(
        query={"lat": "48.85", "lon": "2.35", "format": "geojson"}
    )
    case.call_and_validate(checks=CHECKS, app=app)
