"""portal.auth_backends: Django's ModelBackend, its user read with a compiled query."""

from django.contrib.auth import authenticate
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal.auth_backends import ModelBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_session_user_is_read_in_one_query_and_only_while_active():
    user = UserFactory()
    with CaptureQueriesContext(connection) as queries:
        assert ModelBackend().get_user(user.pk) == user
    assert len(queries) == 1
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert ModelBackend().get_user(user.pk) is None
    assert ModelBackend().get_user(user.pk + 1000) is None


def test_passwords_are_checked_by_this_backend():
    user = UserFactory(username="anne@example.org")
    user.set_password("un mot de passe assez long")
    user.save()
    assert authenticate(username="anne@example.org", password="un mot de passe assez long") == user
    assert authenticate(username="anne@example.org", password="faux") is None


def test_a_deleted_account_signs_its_old_session_out(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/fr/mon-espace/").status_code == 200
    user.delete()
    response = client.get("/fr/mon-espace/")
    assert response.status_code == 302
    assert "/fr/connexion/" in response["Location"]
