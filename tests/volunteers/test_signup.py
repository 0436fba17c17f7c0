"""Creating a volunteer account: validation with a 400, a rate limit answering 429, the
account and its profile stored, active once the emailed link is followed (the answer for a
known address is in test_one_account)."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from matching.models import VolunteerProfile

pytestmark = pytest.mark.django_db


def test_signing_up_creates_the_account_and_profile_active_once_confirmed(
    client, valid, farmers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:signup"), valid)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_sent")
    user = get_user_model().objects.get(username="anouk.essai@example.org")
    assert user.email == "anouk.essai@example.org"
    assert user.first_name == "Anouk"
    assert user.check_password("Un-mot-de-passe-solide-9")
    assert not user.is_active
    profile = VolunteerProfile.objects.get(user=user)
    assert (profile.postcode, profile.radius_km) == ("69007", 15)
    assert list(profile.challenges.all()) == [farmers]
    assert profile.data_consent_at is not None
    assert profile.contact_consent_at is None
    assert client.get(reverse("volunteers:space")).status_code == 302  # not signed in yet

    (message,) = mail.outbox
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    assert client.post(path).status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert client.get(reverse("volunteers:space")).status_code == 200


def test_the_contact_consent_is_recorded_when_given(client, valid):
    client.post(reverse("volunteers:signup"), dict(valid, contact_consent="on"))
    assert VolunteerProfile.objects.get(user__username="anouk.essai@example.org").contact_consent_at


def test_english_challenges_are_offered_in_english_and_stored_in_french(client, valid, farmers, en):
    english = farmers.get_translation(en)
    with translation.override("en"):
        url = reverse("volunteers:signup")
    response = client.post(url, dict(valid, challenges=[str(english.pk)]))
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user__username="anouk.essai@example.org")
    assert list(profile.challenges.all()) == [farmers]
    assert profile.language == "en"


def test_without_the_data_consent_nothing_is_created_and_values_are_kept(client, valid):
    response = client.post(reverse("volunteers:signup"), dict(valid, data_consent=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cochez cette case pour créer votre compte." in html
    assert 'id="id_data_consent_error"' in html
    assert 'value="Anouk"' in html and 'value="69007"' in html
    assert not get_user_model().objects.filter(username="anouk.essai@example.org").exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("password2", "autre-chose-encore-9", "Les deux mots de passe ne sont pas identiques."),
        ("postcode", "7501", "Un code postal compte 5 chiffres"),
        ("radius_km", "0", "Le rayon doit être d&#x27;au moins 1 km."),
        ("radius_km", "201", "Le rayon ne peut pas dépasser 200 km."),
        ("email", "pas-une-adresse", "Saisissez une adresse e-mail valide."),
    ],
)
def test_invalid_fields_answer_400_with_the_message_next_to_them(
    client, valid, field, value, message
):
    response = client.post(reverse("volunteers:signup"), dict(valid, **{field: value}))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html


def test_a_weak_password_is_refused(client, valid):
    response = client.post(
        reverse("volunteers:signup"), dict(valid, password1="12345678", password2="12345678")
    )
    assert response.status_code == 400
    assert 'id="id_password1_error"' in response.content.decode()


def test_too_many_sign_ups_from_one_address_answer_429(client, valid, settings):
    settings.FORM_SUBMISSIONS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(reverse("volunteers:signup"), {}).status_code == 400
    response = client.post(reverse("volunteers:signup"), valid)
    assert response.status_code == 429
    assert "Trop de tentatives de création de compte" in response.content.decode()
    assert not get_user_model().objects.filter(username="anouk.essai@example.org").exists()


def test_the_login_page_links_to_the_sign_up(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("volunteers:signup")}"' in html


def test_a_signed_in_person_is_sent_to_their_space(person_client):
    response = person_client.get(reverse("volunteers:signup"))
    assert response["Location"] == reverse("volunteers:space")
