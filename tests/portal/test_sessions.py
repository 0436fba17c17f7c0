"""portal.sessions: Django's database sessions, read with a compiled query: a live session
signs its visitor in, an expired or unknown one does not and is never revived."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from portal.sessions import SessionStore
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_portal_keeps_its_sessions_in_the_database_through_this_store(client):
    assert settings.SESSION_ENGINE == "portal.sessions"
    client.force_login(UserFactory())
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=key).exists()


def test_a_live_session_is_read_in_one_query():
    store = SessionStore()
    store["colour"] = "vert"
    store.create()
    with CaptureQueriesContext(connection) as queries:
        assert SessionStore(store.session_key)["colour"] == "vert"
    assert len(queries) == 1


def test_an_expired_session_reads_empty_and_its_key_is_not_reused():
    store = SessionStore()
    store["colour"] = "vert"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    again = SessionStore(store.session_key)
    assert again.get("colour") is None
    assert again.session_key is None  # a new key when it is saved


@pytest.mark.parametrize("key", ["unknown-key-unknown-key-1234567", None])
def test_an_unknown_key_reads_empty(key):
    store = SessionStore(key)
    assert dict(store.items()) == {}
    assert store.session_key is None


def test_a_signed_in_volunteer_stays_signed_in_across_requests_until_it_expires(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/fr/mon-espace/").status_code == 200
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    response = client.get("/fr/mon-espace/")
    assert response.status_code == 302
    assert "/fr/connexion/" in response["Location"]
