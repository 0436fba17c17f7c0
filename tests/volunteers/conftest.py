"""Fixtures of the volunteer space: a volunteer with personal data in every room."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from actions.models import DigestSubscription
from challenges.models import ChallengePage, PartnerPage
from home.models import ContactFormPage
from matching.models import (
    NeedAlert,
    NeedAlertStatus,
    NeedReport,
    NeedReportReason,
    Pledge,
    VolunteerProfile,
)
from matching.services import complete_pledge, pledge
from partners.models import PartnerInvitation, PartnerMember
from programme.models import Membership
from programme.services import content, impact, signup
from sponsors.models import SponsorPage
from tests.matching.factories import NeedFactory, PlaceFactory

PASSWORD = "Mot-de-passe-de-test-1"
EMAIL = "zephyrine.quillebeuf@example.org"
FIRST_NAME = "Zéphyrine"
LAST_NAME = "Quillebeuf"
PHONE = "0611223344"
POSTCODE = "69007"


@dataclass
class Person:
    user: object
    profile: VolunteerProfile
    pending: Pledge
    done: Pledge
    membership: Membership
    values: dict


@pytest.fixture
def farmers(db):
    return ChallengePage.objects.get(slug="agriculteurs-locaux", locale__language_code="fr")


@pytest.fixture
def partner_page(fr):
    return PartnerPage.objects.get(locale=fr, slug="la-cloche")


@pytest.fixture
def person(db, fr, farmers, partner_page) -> Person:
    """A volunteer who used every room: profile, pledges, a need report, a programme week and
    an impact report, the weekly digest, the contact form and a partner invitation."""
    now = timezone.now()
    user = get_user_model().objects.create_user(
        username=EMAIL,
        email=EMAIL,
        password=PASSWORD,
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
    )
    profile = VolunteerProfile.objects.create(
        user=user,
        postcode=POSTCODE,
        phone=PHONE,
        radius_km=33,
        skills=["sewing"],
        availability=["evenings"],
        data_consent_at=now,
        contact_consent_at=now,
    )
    profile.challenges.add(farmers)
    place = PlaceFactory(partner=partner_page, town="Villeurbanne-Essai")
    pending_need = NeedFactory(place=place, title="Besoin en cours Quarantaine")
    done_need = NeedFactory(place=place, title="Besoin réalisé Trente-trois")
    pending = pledge(volunteer=profile, need_id=pending_need.pk, quantity=2)
    done = pledge(volunteer=profile, need_id=done_need.pk, quantity=3)
    done = complete_pledge(pledge_id=done.pk)
    NeedReport.objects.create(
        need=pending_need,
        reporter=user,
        reason=NeedReportReason.WRONG,
        message="Le lieu a déménagé, signalé par la volontaire",
    )
    week = content.next_mondays(timezone.localdate())[3]
    membership = signup.join(
        user, signup.Choice(challenge=farmers, start_date=week, language="fr", area="69")
    )
    impact.record_report(
        user=user,
        challenge=farmers,
        unit="producteurs-soutenus",
        quantity=4,
        note="Note privée de la volontaire",
    )
    DigestSubscription.objects.create(email=EMAIL, language="fr", confirmed_at=now)
    FormSubmission.objects.create(
        page=ContactFormPage.objects.get(locale=fr),
        form_data={
            "votre_nom": f"{FIRST_NAME} {LAST_NAME}",
            "votre_adresse_e_mail": EMAIL,
            "organisation": "",
            "votre_demande": "Autre",
            "votre_message": "Bonjour, une question sur la collecte.",
        },
    )
    invitation = PartnerInvitation(partner=partner_page, email=EMAIL, invited_by=None)
    invitation.issue_token()
    invitation.accepted_at = now
    invitation.save()
    PartnerMember.objects.create(user=user, partner=partner_page)
    NeedAlert.objects.create(
        need=pending_need, volunteer=profile, status=NeedAlertStatus.SENT, sent_at=now
    )
    sponsor = SponsorPage.objects.filter(locale=fr).first()
    sponsor.contacts.add(user)
    sponsor.save()  # a parental relation is written when its page is saved
    values = {
        "email": EMAIL,
        "first_name": FIRST_NAME,
        "last_name": LAST_NAME,
        "phone": PHONE,
        "postcode": POSTCODE,
        "radius_km": 33,
        "skill": "sewing",
        "availability": "evenings",
        "challenge": farmers.title,
        "pending_need": pending_need.title,
        "done_need": done_need.title,
        "town": "Villeurbanne-Essai",
        "report_message": "Le lieu a déménagé, signalé par la volontaire",
        "week": week.isoformat(),
        "impact_note": "Note privée de la volontaire",
        "contact_message": "Bonjour, une question sur la collecte.",
        "partner": partner_page.title,
        "sponsor": sponsor.title,
    }
    return Person(user, profile, pending, done, membership, values)


@pytest.fixture
def person_client(client, person):
    client.force_login(person.user)
    return client


@pytest.fixture
def valid(farmers):
    """A complete volunteer sign-up form (the address in mixed case)."""
    return {
        "first_name": "Anouk",
        "email": "Anouk.Essai@Example.org",
        "password1": "Un-mot-de-passe-solide-9",
        "password2": "Un-mot-de-passe-solide-9",
        "postcode": "69007",
        "radius_km": "15",
        "challenges": [str(farmers.pk)],
        "data_consent": "on",
    }
