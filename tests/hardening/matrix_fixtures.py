"""The people and objects of the permissions matrix (tests/hardening/test_permissions_matrix.py).

``World`` holds the objects whose ids fill the URLs: partner A's (La Cloche's) place, need and
the volunteer's pledge on it, the coordinator's cohort (the volunteer is placed in it) and the
demo sponsor. ``ROLES`` names the eight kinds of visitor; ``user_for`` builds the user of one.
Users are signed in with ``force_login`` (no password hashing: fast)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from challenges.models import ChallengePage, PartnerPage
from matching.models import ContactChannel, Need, NeedStatus, Place, Pledge, VolunteerProfile
from matching.services import pledge
from partners.models import PartnerMember, PartnerRole
from programme.models import Cohort, Coordinator, CoordinatorTraining, Membership
from programme.models.cohorts import MembershipStatus
from programme.services import content
from sponsors.models import SponsorPage

PROJECT_APPS = ("actions", "challenges", "home", "matching", "partners", "programme", "sponsors")

ROLES = (
    "anonymous",
    "volunteer",
    "other_volunteer",
    "partner_member",
    "other_partner",
    "coordinator",
    "sponsor_contact",
    "editor",
)


@dataclass
class World:
    partner: PartnerPage
    other_partner: PartnerPage
    place: Place
    need: Need
    pledge: Pledge
    volunteer: object
    other_volunteer: object
    partner_member: object
    other_partner_member: object
    coordinator: object
    cohort: Cohort
    membership: Membership
    sponsor: SponsorPage
    sponsor_contact: object
    editor: object
    challenge: ChallengePage


# What only the volunteer (and, for the first name, partner A) may see of the volunteer.
VOLUNTEER_FIRST_NAME = "Zéphyrinette"
VOLUNTEER_EMAIL = "matrix-volunteer@matrix.example.org"
VOLUNTEER_PHONE = "0611223344"
# The title of partner A's need: only partner A's members see it in their space.
NEED_TITLE = "Besoin de la matrice"


def _user(username: str, first_name: str = "Matrice", **fields):
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@matrix.example.org",
        first_name=first_name,
        **fields,
    )


def _volunteer(username: str, first_name: str, phone: str):
    user = _user(username, first_name=first_name)
    VolunteerProfile.objects.create(user=user, postcode="69007", phone=phone)
    return user


def _member(username: str, partner: PartnerPage, role: str):
    user = _user(username)
    PartnerMember.objects.create(user=user, partner=partner, role=role)
    return user


def build_world() -> World:
    """Everyone and everything the matrix needs, on top of the demo site."""
    partner = PartnerPage.objects.get(locale__language_code="fr", slug="la-cloche")
    other_partner = PartnerPage.objects.get(locale__language_code="fr", slug="entoureo")
    place = Place.objects.filter(partner=partner).order_by("pk").first()
    need = Need.objects.create(place=place, title=NEED_TITLE, quantity_wanted=50, unit="kits")
    need.status = NeedStatus.OPEN
    need.save()

    volunteer = _volunteer("matrix-volunteer", VOLUNTEER_FIRST_NAME, VOLUNTEER_PHONE)
    other_volunteer = _volunteer("matrix-other-volunteer", "Matrice", "0699887766")
    the_pledge = pledge(
        volunteer=volunteer.volunteer_profile,
        need_id=need.pk,
        quantity=2,
        contact_channel=ContactChannel.EMAIL,
    )

    partner_member = _member("matrix-partner", partner, PartnerRole.OWNER)
    other_partner_member = _member("matrix-other-partner", other_partner, PartnerRole.OWNER)

    challenge = ChallengePage.objects.get(slug="agriculteurs-locaux", locale__language_code="fr")
    week = content.next_mondays(timezone.localdate())[3]
    coordinator_user = _user("matrix-coordinator")
    coordinator = Coordinator.objects.create(user=coordinator_user, language="fr", area="69")
    CoordinatorTraining.objects.create(
        coordinator=coordinator, challenge=challenge, completed_on=timezone.localdate()
    )
    cohort = Cohort.objects.create(
        challenge=challenge,
        language="fr",
        area="69",
        start_date=week,
        coordinator=coordinator,
        capacity=15,
    )
    membership = Membership.objects.create(
        user=volunteer,
        challenge=challenge,
        language="fr",
        area="69",
        start_date=week,
        cohort=cohort,
        status=MembershipStatus.PLACED,
        confirmed_at=timezone.now(),
        placed_at=timezone.now(),
    )

    sponsor = SponsorPage.objects.get(slug="pharmacies-du-coeur", locale__language_code="fr")
    sponsor_contact = sponsor.contacts.get()  # the demo sponsor's contact

    # Wagtail's "Editors" group holds page permissions only: the editor is also given the
    # project's model permissions (snippets, moderation queue, growth view).
    editor = _user("matrix-editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=PROJECT_APPS)
    )

    return World(
        partner=partner,
        other_partner=other_partner,
        place=place,
        need=need,
        pledge=the_pledge,
        volunteer=volunteer,
        other_volunteer=other_volunteer,
        partner_member=partner_member,
        other_partner_member=other_partner_member,
        coordinator=coordinator_user,
        cohort=cohort,
        membership=membership,
        sponsor=sponsor,
        sponsor_contact=sponsor_contact,
        editor=editor,
        challenge=challenge,
    )


def user_for(world: World, role: str):
    """The signed-in user of ``role`` (None for the anonymous visitor)."""
    return {
        "anonymous": None,
        "volunteer": world.volunteer,
        "other_volunteer": world.other_volunteer,
        "partner_member": world.partner_member,
        "other_partner": world.other_partner_member,
        "coordinator": world.coordinator,
        "sponsor_contact": world.sponsor_contact,
        "editor": world.editor,
    }[role]
