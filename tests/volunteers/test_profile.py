"""The volunteer's profile and notification preferences: validated, kept on errors."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from actions.models import DigestSubscription
from matching.models import GeocodingStatus, VolunteerProfile
from partners.models import PartnerMember
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def valid(farmers):
    return {
        "postcode": "75011",
        "radius_km": "50",
        "challenges": [str(farmers.pk)],
        "skills": ["cooking", "driving"],
        "availability": ["weekends"],
        "phone": "06 12 34 56 78",
        "language": "en",
    }


def test_the_profile_form_shows_the_saved_values(person_client, person):
    html = person_client.get(reverse("volunteers:profile")).content.decode()
    assert 'value="69007"' in html
    assert 'value="33"' in html
    assert 'value="0611223344"' in html
    assert 'value="sewing"' in html
    assert html.count("checked") >= 3  # a skill, an availability, a challenge at least


def test_a_valid_profile_is_saved_and_the_new_postcode_geocoded(
    person_client, person, valid, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = person_client.post(reverse("volunteers:profile"), valid)
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(pk=person.profile.pk)
    assert profile.postcode == "75011"
    assert profile.radius_km == 50
    assert sorted(profile.skills) == ["cooking", "driving"]
    assert profile.availability == ["weekends"]
    assert profile.phone == "0612345678"
    assert profile.language == "en"
    assert profile.geocoding_status == GeocodingStatus.OK
    assert profile.has_point


def test_an_international_phone_number_is_accepted(person_client, person, valid):
    person_client.post(reverse("volunteers:profile"), dict(valid, phone="+32 470 12 34 56"))
    assert VolunteerProfile.objects.get(pk=person.profile.pk).phone == "+32470123456"


def test_a_first_visit_creates_an_empty_profile(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("volunteers:profile")).status_code == 200
    assert VolunteerProfile.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone", "12345", "Numéro de téléphone invalide"),
        ("phone", "06 12 34", "Numéro de téléphone invalide"),
        ("postcode", "ABCDE", "Un code postal compte 5 chiffres"),
        ("postcode", "96000", "numéro de département"),
        ("radius_km", "500", "Le rayon ne peut pas dépasser 200 km."),
        ("radius_km", "-3", "Le rayon doit être d&#x27;au moins 1 km."),
        ("skills", ["flying"], "Sélectionnez un choix valide"),
    ],
)
def test_invalid_values_answer_400_keep_what_was_typed_and_save_nothing(
    person_client, person, valid, field, value, message
):
    data = dict(valid, **{field: value})
    response = person_client.post(reverse("volunteers:profile"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    if field != "postcode":
        assert 'value="75011"' in html
    profile = VolunteerProfile.objects.get(pk=person.profile.pk)
    assert (profile.postcode, profile.radius_km, profile.phone) == ("69007", 33, "0611223344")


def test_urgent_alerts_can_be_muted_and_turned_on_again(person_client, person):
    person_client.post(reverse("volunteers:notifications"), {"weekly_digest": "on"})
    assert VolunteerProfile.objects.get(pk=person.profile.pk).urgent_alerts is False
    person_client.post(
        reverse("volunteers:notifications"), {"urgent_alerts": "on", "weekly_digest": "on"}
    )
    assert VolunteerProfile.objects.get(pk=person.profile.pk).urgent_alerts is True


def test_leaving_the_weekly_digest_unsubscribes_the_address(person_client, person):
    html = person_client.get(reverse("volunteers:notifications")).content.decode()
    assert re.search(r'<input[^>]*name="weekly_digest"[^>]*checked', html)
    person_client.post(reverse("volunteers:notifications"), {"urgent_alerts": "on"})
    assert DigestSubscription.objects.get(email=person.user.email).unsubscribed_at is not None


def test_asking_for_the_weekly_digest_sends_a_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="lettre@example.org")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("volunteers:notifications"), {"weekly_digest": "on"}, follow=True
        )
    subscription = DigestSubscription.objects.get(email="lettre@example.org")
    assert subscription.confirmed_at is None
    assert [message.to for message in mail.outbox] == [["lettre@example.org"]]
    assert "Un lien de confirmation" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers:notifications"), {"weekly_digest": "on"})
    assert len(mail.outbox) == 1


def test_a_partner_member_also_chooses_the_partner_space_emails(person_client, person):
    html = person_client.get(reverse("volunteers:notifications")).content.decode()
    assert 'name="notify_pledges"' in html and 'name="daily_summary"' in html
    person_client.post(
        reverse("volunteers:notifications"), {"urgent_alerts": "on", "daily_summary": "on"}
    )
    member = PartnerMember.objects.get(user=person.user)
    assert (member.notify_pledges, member.daily_summary) == (False, True)


def test_a_volunteer_who_is_not_a_partner_sees_no_partner_options(client):
    client.force_login(UserFactory())
    html = client.get(reverse("volunteers:notifications")).content.decode()
    assert 'name="notify_pledges"' not in html
