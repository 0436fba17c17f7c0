"""The contact / partnership form: validation next to fields, storage, staff email, spam limits."""

from django.conf import settings
from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

import pytest

from home.models import ContactFormPage

pytestmark = pytest.mark.django_db

VALID = {
    "votre_nom": "Camille Martin",
    "votre_adresse_e_mail": "camille@example.org",
    "organisation": "Boulangerie du coin",
    "votre_demande": "Engager vos collaborateurs",
    "votre_message": "Nous aimerions engager notre équipe de 40 personnes.",
}


@pytest.fixture
def contact_fr(fr):
    return ContactFormPage.objects.get(locale=fr)


def test_form_fields_have_the_expected_names(contact_fr):
    names = [field.clean_name for field in contact_fr.get_form_fields()]
    assert names == list(VALID)


def test_empty_submission_shows_a_message_next_to_each_required_field(client, contact_fr):
    response = client.post(contact_fr.url, {})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    for name in ("votre_nom", "votre_adresse_e_mail", "votre_demande", "votre_message"):
        assert f'id="id_{name}_error"' in html
    assert 'id="id_organisation_error"' not in html
    assert FormSubmission.objects.filter(page=contact_fr).count() == 0
    assert mail.outbox == []


def test_invalid_email_is_refused_and_typed_values_are_kept(client, contact_fr):
    data = dict(VALID, votre_adresse_e_mail="pas-une-adresse")
    response = client.post(contact_fr.url, data)
    html = response.content.decode()
    assert 'id="id_votre_adresse_e_mail_error"' in html
    assert 'value="Camille Martin"' in html
    assert "Nous aimerions engager notre équipe" in html
    assert FormSubmission.objects.filter(page=contact_fr).count() == 0


def test_valid_submission_is_stored_and_emailed_to_the_staff(client, contact_fr):
    response = client.post(contact_fr.url, VALID)
    assert response.status_code == 200
    assert "Merci" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_fr)
    assert submission.get_data()["votre_adresse_e_mail"] == "camille@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [settings.STAFF_EMAIL]
    assert "Nous aimerions engager notre équipe" in mail.outbox[0].body


def test_english_form_stores_and_emails_too(client, en):
    page = ContactFormPage.objects.get(locale=en)
    data = {
        "your_name": "Sam Smith",
        "your_email_address": "sam@example.org",
        "organisation": "",
        "your_request": "Support the programme",
        "your_message": "We would like to sponsor the programme.",
    }
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1
    assert len(mail.outbox) == 1


def test_bots_filling_the_honeypot_are_thanked_and_ignored(client, contact_fr):
    response = client.post(contact_fr.url, dict(VALID, website_url="http://spam.example"))
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact_fr).count() == 0
    assert mail.outbox == []


def test_too_many_submissions_from_one_address_get_429(client, contact_fr):
    for _ in range(settings.FORM_SUBMISSIONS_PER_HOUR):
        assert client.post(contact_fr.url, VALID).status_code == 200
    response = client.post(contact_fr.url, VALID)
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert FormSubmission.objects.filter(page=contact_fr).count() == (
        settings.FORM_SUBMISSIONS_PER_HOUR
    )
