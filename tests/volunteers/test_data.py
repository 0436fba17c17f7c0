"""A volunteer's data: the export holds all of it; deletion leaves none and keeps the counts."""

import json
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import EmailField
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

import pytest

from home.services import refresh_impact_counters
from matching.models import Need, Pledge, PledgeStatus, VolunteerProfile
from programme.models import Cohort, Coordinator, ImpactReport, ImpactTotal, Membership
from programme.services import live_impact_counts
from tests.factories import UserFactory
from tests.volunteers.conftest import EMAIL, FIRST_NAME, LAST_NAME, PASSWORD, PHONE, POSTCODE
from volunteers import personal_data

pytestmark = pytest.mark.django_db


def database_text() -> str:
    """Every row of every table the models know, as text."""
    rows = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rows.extend(repr(row) for row in model._base_manager.values_list())
    return "\n".join(rows)


def exported(client) -> dict:
    response = client.get(reverse("volunteers:export"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_export_is_a_dated_json_attachment(person_client):
    response = person_client.get(reverse("volunteers:export"))
    assert response["Content-Type"].startswith("application/json")
    filename = f"volunteer-data-{timezone.localdate().isoformat()}.json"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_the_export_contains_every_personal_value_from_every_room(person_client, person):
    data = exported(person_client)
    text = json.dumps(data, ensure_ascii=False)
    for name, value in person.values.items():
        assert str(value) in text, name
    assert data["account"]["username"] == EMAIL
    assert data["account"]["date_joined"]
    assert data["volunteer_profile"]["phone"] == PHONE
    assert data["volunteer_profile"]["data_consent_at"]
    assert data["volunteer_profile"]["contact_consent_at"]
    assert {pledge["status"] for pledge in data["pledges"]} == {"pledged", "done"}
    assert data["programme_memberships"][0]["status"] in ("placed", "waiting")
    assert data["impact_reports"][0]["quantity"] == 4
    assert data["digest_subscriptions"][0]["email"] == EMAIL
    assert data["contact_messages"][0]["answers"]["votre_adresse_e_mail"] == EMAIL
    assert data["need_reports"][0]["reason"] == "wrong"
    assert data["partner"]["membership"]["role"] == "member"
    assert data["partner"]["invitations"][0]["email"] == EMAIL
    assert data["urgent_alerts"][0]["status"] == "sent"
    assert data["sponsor_contact"] == [person.values["sponsor"]]


def test_the_export_holds_nothing_of_anyone_else(person_client, person):
    other = UserFactory(email="quelquun.dautre@example.org", first_name="Bérénice")
    data = exported(person_client)
    text = json.dumps(data, ensure_ascii=False)
    assert "quelquun.dautre@example.org" not in text
    assert other.first_name not in text


def test_a_wrong_password_refuses_the_deletion_with_400(person_client, person):
    response = person_client.post(reverse("volunteers:delete"), {"password": "pas le bon"})
    assert response.status_code == 400
    assert "Mot de passe incorrect." in response.content.decode()
    assert get_user_model().objects.filter(pk=person.user.pk).exists()


def _counts(person) -> dict:
    site = Site.objects.get(is_default_site=True)
    return {
        "home": {key: counter.value for key, counter in refresh_impact_counters(site).items()},
        "live": live_impact_counts(),
        "totals": sorted(ImpactTotal.objects.values_list("scope", "key", "unit", "quantity")),
        "reports": ImpactReport.objects.count(),
        "pledges": Pledge.objects.count(),
        "done_need": Need.objects.filter(pk=person.done.need_id)
        .values_list("quantity_pledged", "quantity_fulfilled")
        .get(),
        "pending_need": Need.objects.get(pk=person.pending.need_id).quantity_pledged,
    }


def test_deletion_leaves_no_personal_data_and_keeps_the_counts(client, person):
    needles = [EMAIL, FIRST_NAME, LAST_NAME, PHONE, person.values["impact_note"]]
    text_before = database_text()
    for needle in needles:
        assert needle in text_before
    client.force_login(person.user)
    before = _counts(person)

    response = client.post(reverse("volunteers:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:deleted")
    text_after = database_text()
    for needle in needles:
        assert needle not in text_after, needle
    assert not get_user_model().objects.filter(pk=person.user.pk).exists()
    after = _counts(person)
    assert after["pending_need"] == before["pending_need"] - 2  # the pending pledge released
    before["pending_need"] = after["pending_need"]
    assert after == before
    done = Pledge.objects.get(pk=person.done.pk)
    assert (done.status, done.volunteer) == (PledgeStatus.DONE, None)
    assert Pledge.objects.get(pk=person.pending.pk).status == PledgeStatus.CANCELLED


def test_deletion_removes_the_postcode_the_person_gave(client, person):
    # The postcode as a value of its own, not five digits inside a timestamp's microseconds
    # (a row's datetime ending in .690071 once counted as a "69007" left behind).
    postcode = re.compile(rf"(?<!\d){POSTCODE}(?!\d)")
    occurrences_before = len(postcode.findall(database_text()))
    client.force_login(person.user)
    client.post(reverse("volunteers:delete"), {"password": PASSWORD})
    assert len(postcode.findall(database_text())) == occurrences_before - 1  # the profile's one
    assert not VolunteerProfile.objects.filter(postcode=POSTCODE).exists()


def test_after_deletion_the_person_is_signed_out_and_thanked(client, person):
    client.force_login(person.user)
    response = client.post(reverse("volunteers:delete"), {"password": PASSWORD}, follow=True)
    html = response.content.decode()
    assert "Votre compte est supprimé" in html
    assert client.get(reverse("volunteers:space")).status_code == 302


def test_deletion_frees_the_programme_place_of_a_week_to_come(client, person):
    membership_id = person.membership.pk
    client.force_login(person.user)
    client.post(reverse("volunteers:delete"), {"password": PASSWORD})
    assert not Membership.objects.filter(pk=membership_id).exists()


def test_a_coordinator_with_cohorts_is_asked_to_write_to_the_team(client):
    cohort = Cohort.objects.select_related("coordinator__user").first()
    user = cohort.coordinator.user
    user.set_password(PASSWORD)
    user.save()
    client.force_login(user)
    response = client.post(reverse("volunteers:delete"), {"password": PASSWORD})
    assert response.status_code in (200, 409)
    assert "écrivez à l&#x27;équipe" in response.content.decode()
    assert Coordinator.objects.filter(user=user).exists()


PROJECT_APPS = {
    "actions",
    "challenges",
    "home",
    "matching",
    "partners",
    "portal",
    "programme",
    "sponsors",
    "volunteers",
}


def test_every_field_holding_a_user_or_an_email_is_known_to_the_registry():
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if field.auto_created or field.model._meta.app_label not in PROJECT_APPS:
                continue  # reverse relations; wagtailcore.Page's owner and locked_by
            if (field.is_relation and field.related_model is user_model) or isinstance(
                field, EmailField
            ):
                found.add(f"{model._meta.label}.{field.name}")
    assert found == personal_data.FIELDS_EXPORTED | personal_data.FIELDS_NOT_VOLUNTEER_DATA
