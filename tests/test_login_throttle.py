"""Repeated failed sign-ins lock the account out (public and admin login alike)."""

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "Un-mot-de-passe-solide-42"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("sam", password=PASSWORD, is_staff=True)


@pytest.mark.parametrize("url", ["/fr/connexion/", "/admin/login/"])
def test_account_is_locked_after_repeated_failures_even_with_the_right_password(
    client, member, url
):
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        assert client.post(url, {"username": "sam", "password": "faux"}).status_code == 200
    response = client.post(url, {"username": "sam", "password": PASSWORD})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_clears_the_failures(client, member):
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT - 1):
        client.post("/fr/connexion/", {"username": "sam", "password": "faux"})
    assert (
        client.post("/fr/connexion/", {"username": "sam", "password": PASSWORD}).status_code == 302
    )
    client.logout()
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT - 1):
        client.post("/fr/connexion/", {"username": "sam", "password": "faux"})
    assert (
        client.post("/fr/connexion/", {"username": "sam", "password": PASSWORD}).status_code == 302
    )


def test_one_address_guessing_many_accounts_is_locked_out(client, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    for i in range(3):
        client.post("/fr/connexion/", {"username": f"user{i}", "password": "x"})
    assert client.post("/fr/connexion/", {"username": "other", "password": "x"}).status_code == 429
