"""Public forms (contact, weekly digest, sign-in) and the directory's filters: any input gets
the form back with its errors, a redirect, or a 429, never a server error; nothing is saved
from a refused submission."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.models import DigestSubscription
from home.models import ContactFormPage
from tests.hardening.strategies import bounded, fresh_limits, hostile_text, params

pytestmark = pytest.mark.django_db

CONTACT_FIELDS = [
    "votre_nom",
    "votre_adresse_e_mail",
    "organisation",
    "votre_demande",
    "votre_message",
]
VALID_CONTACT = {
    "votre_nom": "Camille Martin",
    "votre_adresse_e_mail": "camille@example.org",
    "organisation": "Boulangerie du coin",
    "votre_demande": "Engager vos collaborateurs",
    "votre_message": "Bonjour.",
}
DIGEST = "/fr/lettre-des-actions/"
LOGIN = "/fr/connexion/"


@pytest.fixture
def contact_url(fr):
    return ContactFormPage.objects.get(locale=fr).url


@bounded
@given(data=params(CONTACT_FIELDS))
def test_contact_form_answers_any_submission_without_a_server_error(client, contact_url, data):
    fresh_limits()
    response = client.post(contact_url, data)
    assert response.status_code in (200, 400), response.status_code


@bounded
@given(field=st.sampled_from(CONTACT_FIELDS), value=hostile_text())
def test_contact_form_with_one_hostile_field_is_saved_or_shown_with_its_error(
    client, contact_url, field, value
):
    fresh_limits()
    response = client.post(contact_url, {**VALID_CONTACT, field: value})
    assert response.status_code in (200, 400)


@bounded
@given(data=params(["email", "language"]))
def test_digest_subscription_refuses_bad_input_with_a_400(client, data):
    fresh_limits()
    before = DigestSubscription.objects.count()
    response = client.post(DIGEST, data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert DigestSubscription.objects.count() == before


@bounded
@given(email=hostile_text(), language=st.sampled_from(["fr", "en"]))
def test_digest_subscription_with_any_email_text_subscribes_or_answers_400(client, email, language):
    fresh_limits()
    response = client.post(DIGEST, {"email": email, "language": language})
    assert response.status_code in (302, 400)


@bounded
@given(data=params(["username", "password", "next"]))
def test_sign_in_answers_any_submission_without_a_server_error(client, data):
    fresh_limits()
    response = client.post(LOGIN, data)
    assert response.status_code in (200, 302, 400, 429), response.status_code
    if response.status_code == 302:  # never sent off the site by a forged "next"
        assert response["Location"].startswith("/")


@bounded
@given(query=params(["q", "challenge", "mode", "duration", "partner", "new", "sort", "page"]))
def test_directory_answers_any_filters_with_results_a_400_or_a_404(client, query):
    fresh_limits()
    response = client.get("/fr/actions/", query)
    assert response.status_code in (200, 400, 404), response.status_code


@pytest.mark.parametrize(
    "query",
    [
        {"new": "maybe"},
        {"sort": "\x00"},
        {"q": "x" * 100_000},
        {"challenge": "inconnu"},
        {"mode": "nan"},
    ],
)
def test_directory_refuses_known_bad_filters_with_400(client, query):
    assert client.get("/fr/actions/", query).status_code == 400
