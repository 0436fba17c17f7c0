"""No volunteer's personal data leaves the server through public pages, the public API or the
logs: a volunteer with distinctive data pledges, reports a need and has a profile; then every
page reachable from both home pages (links followed) and every public API answer is read, and
none of it holds their email, names, phone, postcode or precise point. The same holds for the
contact person of an organisation whose partner application was approved (its partner page is
public, the application is not)."""

import datetime
import json
import logging

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from matching import services
from matching.models import (
    ContactChannel,
    GeocodingStatus,
    Need,
    NeedReport,
    Slot,
    VolunteerProfile,
)
from matching.services import slots
from tests.crawl import crawl

pytestmark = pytest.mark.django_db

EMAIL = "zebulon.confidentiel@volunteer.example"
FIRST_NAME = "Zébulonix"
LAST_NAME = "Confidentielovitch"
PHONE = "+33 6 98 76 54 32"
POSTCODE = "97133"  # Saint-Barthélemy: no place of the demo uses it
POINT = (17.897123, -62.849876)


@pytest.fixture
def secret_volunteer():
    user = get_user_model().objects.create_user(
        username=EMAIL, email=EMAIL, first_name=FIRST_NAME, last_name=LAST_NAME, password="x"
    )
    profile = VolunteerProfile.objects.create(user=user, postcode=POSTCODE, phone=PHONE)
    VolunteerProfile.objects.filter(pk=profile.pk).update(
        latitude=POINT[0], longitude=POINT[1], geocoding_status=GeocodingStatus.OK
    )
    needs = list(Need.objects.filter(status="open", quantity_wanted__gt=5).order_by("pk")[:3])
    for need, channel in zip(needs, ContactChannel.values, strict=False):
        services.pledge(volunteer=profile, need_id=need.pk, quantity=1, contact_channel=channel)
    NeedReport.objects.create(need=needs[0], reporter=user, reason="wrong", message=PHONE)
    starts = timezone.now() + datetime.timedelta(days=2)
    slot = Slot.objects.create(
        need=needs[0], starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), places=3
    )
    slots.take_place(volunteer=profile, slot_id=slot.pk)
    return user


APPLICANT_NAME = "Anastasiaparticulière"
APPLICANT_EMAIL = "anastasia.candidate@tilleuls.example"
APPLICANT_PHONE = "04 98 76 12 34"
APPLICANT_MESSAGE = "Message confidentiel de candidature"


@pytest.fixture
def approved_application(django_user_model):
    from django.utils import timezone

    from partners import applications
    from partners.models import PartnerApplication

    application = PartnerApplication.objects.create(
        organisation_name="EHPAD Les Tilleuls",
        organisation_kind="care_home",
        postcode="69003",
        town="Lyon",
        contact_name=APPLICANT_NAME,
        email=APPLICANT_EMAIL,
        phone=APPLICANT_PHONE,
        message=APPLICANT_MESSAGE,
        consent_at=timezone.now(),
    )
    editor = django_user_model.objects.create_superuser("privacy-editor", "e@example.org", "x")
    return applications.approve(application=application, editor=editor)


def _secrets() -> list[str]:
    lat, lon = POINT
    return [
        EMAIL,
        EMAIL.replace("@", "&#64;"),
        FIRST_NAME,
        LAST_NAME,
        PHONE,
        PHONE.replace(" ", ""),
        POSTCODE,
        f"{lat:.4f}",
        f"{lon:.4f}",
        APPLICANT_NAME,
        APPLICANT_EMAIL,
        APPLICANT_PHONE,
        APPLICANT_MESSAGE,
    ]


def _api_answers(client, volunteer) -> dict[str, bytes]:
    need_ids = list(volunteer.volunteer_profile.pledges.values_list("need_id", flat=True))
    urls = [
        "/api/v1/schema/",
        "/api/v1/actions/",
        "/api/v1/needs/?postcode=75011&radius_km=200&limit=100",
        f"/api/v1/needs/?lat={POINT[0]}&lon={POINT[1]}&radius_km=200&limit=100",
        f"/api/v1/geocode/?q={POSTCODE}",
        "/api/v1/cms/pages/?limit=100",
        "/api/v1/feeds/needs.json",
        "/api/v1/feeds/actions.json",
        "/fr/flux/besoins.atom",
        "/en/feeds/needs.atom",
        *[f"/fr/besoins/{need_id}/" for need_id in need_ids],
        *[f"/en/needs/{need_id}/" for need_id in need_ids],
    ]
    answers = {url: client.get(url, follow=True).content for url in urls}
    pages = json.loads(answers["/api/v1/cms/pages/?limit=100"]).get("items", [])
    for page in pages:
        url = f"/api/v1/cms/pages/{page['id']}/"
        answers[url] = client.get(url).content
    return answers


def test_no_public_page_or_api_answer_shows_a_volunteers_personal_data(
    client, secret_volunteer, approved_application, caplog
):
    caplog.set_level(logging.DEBUG)
    bodies = crawl(client, ["/fr/", "/en/"])
    assert approved_application.url in bodies  # the new partner's page was read
    bodies.update(_api_answers(client, secret_volunteer))
    assert len(bodies) > 50, "the crawl should reach the whole demo site"
    leaks = [
        (url, secret)
        for url, body in bodies.items()
        for secret in _secrets()
        if secret != POSTCODE or "/geocode/" not in url  # the query echoed back is the asker's
        if secret.encode() in body
    ]
    assert leaks == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert [secret for secret in _secrets() if secret in logged] == []
