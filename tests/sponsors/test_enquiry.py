"""« Devenir sponsor » feeds the partnership inbox (the contact form page): stored and emailed,
with the contact form's honeypot and rate limit."""

from django.conf import settings
from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

import pytest

from home.models import ContactFormPage
from portal.honeypot import HONEYPOT_FIELD
from tests.sponsors.conftest import path_in
from tests.sponsors.factories import SponsorTierFactory

pytestmark = pytest.mark.django_db

DATA = {
    "name": "Claire Martin",
    "email": "claire@entreprise.example",
    "organisation": "Entreprise Exemple",
    "tier": "Mécénat d'essai",
    "internal_programme": "on",
    "message": "Nous aimerions soutenir le défi des aînés en Bretagne.",
}


@pytest.fixture(autouse=True)
def tier(db):
    """The tier the enquiry names (the form offers the tiers of its language)."""
    return SponsorTierFactory(name=DATA["tier"])


def inbox(language="fr"):
    return ContactFormPage.objects.get(locale__language_code=language)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_enquiry_is_stored_in_the_partnership_inbox_and_emailed(client, language):
    before = FormSubmission.objects.filter(page=inbox(language)).count()
    data = dict(DATA, tier="") if language == "en" else DATA
    response = client.post(path_in(language, "enquiry"), data)
    assert response.status_code == 302
    assert response["Location"] == path_in(language, "enquiry_sent")
    submissions = FormSubmission.objects.filter(page=inbox(language))
    assert submissions.count() == before + 1
    stored = submissions.latest("submit_time").get_data()
    values = " ".join(str(v) for v in stored.values())
    assert "claire@entreprise.example" in values
    assert "Entreprise Exemple" in values
    assert "aînés en Bretagne" in values
    [message] = mail.outbox
    assert settings.STAFF_EMAIL in message.to
    assert "Claire Martin" in message.body


def test_the_request_category_is_the_support_one(client):
    client.post(path_in("fr", "enquiry"), DATA)
    stored = FormSubmission.objects.filter(page=inbox()).latest("submit_time").get_data()
    assert "Soutenir le programme" in stored.values()


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(client):
    before = FormSubmission.objects.count()
    response = client.post(path_in("fr", "enquiry"), {**DATA, HONEYPOT_FIELD: "http://spam"})
    assert response.status_code == 302
    assert FormSubmission.objects.count() == before
    assert mail.outbox == []


def test_missing_fields_answer_400_with_errors_next_to_them(client):
    response = client.post(path_in("fr", "enquiry"), {**DATA, "email": "pas-une-adresse"})
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()
    assert mail.outbox == []


def test_too_many_enquiries_from_one_address_answer_429(client):
    for _n in range(settings.FORM_SUBMISSIONS_PER_HOUR):
        assert client.post(path_in("fr", "enquiry"), DATA).status_code == 302
    response = client.post(path_in("fr", "enquiry"), DATA)
    assert response.status_code == 429
    assert len(mail.outbox) == settings.FORM_SUBMISSIONS_PER_HOUR


def test_the_enquiry_form_is_labelled_and_accessible(client):
    html = client.get(path_in("fr", "enquiry")).content.decode()
    assert html.count("<h1") == 1
    for name in ("name", "email", "organisation", "tier", "message"):
        assert f'for="id_{name}"' in html
