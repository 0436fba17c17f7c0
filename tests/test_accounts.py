"""Front-end sign-in, sign-out and password reset, in both languages."""

import re

from django.core import mail

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(django_user_model):
    return django_user_model.objects.create_user(
        "lea", email="lea@example.org", password="Un-mot-de-passe-solide-42"
    )


def test_sign_in_pages_have_translated_paths(client):
    assert client.get("/fr/connexion/").status_code == 200
    assert client.get("/en/login/").status_code == 200


def test_wrong_password_gets_a_message_and_no_session(client, volunteer):
    response = client.post("/fr/connexion/", {"username": "lea", "password": "faux"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_then_out(client, volunteer):
    response = client.post(
        "/fr/connexion/", {"username": "lea", "password": "Un-mot-de-passe-solide-42"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(volunteer.pk)
    assert "Se déconnecter" in client.get("/fr/").content.decode()
    client.post("/fr/deconnexion/")
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client, volunteer):
    client.post("/fr/mot-de-passe/oubli/", {"email": "lea@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Nouveau-secret-2026", "new_password2": "Nouveau-secret-2026"}
    )
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.check_password("Nouveau-secret-2026")


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post("/fr/mot-de-passe/oubli/", {"email": "personne@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
