"""The sign-up journey: a volunteer picks a challenge, a week, a language and an area; the
account is created by ``portal.accounts`` (the same for every sign-up of the site), its address
confirmed by a one-time link; the enrolment is then placed (see ``placement``).

Only what the programme needs is stored: an email address (also the username), a first name
and a password, plus the enrolment. Accounts never confirmed are deleted after
``portal.accounts.UNCONFIRMED_DAYS``.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from challenges.models import ChallengePage
from portal import accounts
from programme.areas import REMOTE
from programme.models import Membership, MembershipStatus
from programme.services import placement, sponsorship
from programme.services.content import canonical_challenge, challenge_in_language


@dataclass(frozen=True)
class Choice:
    """What the volunteer picks: the pool they want to join."""

    challenge: ChallengePage
    start_date: datetime.date
    language: str
    area: str


def _check_week(start_date: datetime.date, today: datetime.date) -> None:
    if start_date.weekday() != 0 or start_date <= today:
        raise ValidationError(
            {
                "start_date": _(
                    "Choisissez une semaine à venir (les promotions commencent le lundi)."
                )
            }
        )


def _pending_membership(user, choice: Choice, sponsor_key: str = "") -> Membership:
    Membership.objects.filter(user=user, status=MembershipStatus.PENDING).delete()
    membership = Membership(
        user=user,
        challenge=canonical_challenge(choice.challenge),
        language=choice.language,
        area=choice.area,
        start_date=choice.start_date,
        status=MembershipStatus.PENDING,
    )
    membership.full_clean(validate_constraints=False)
    membership.save()
    sponsorship.link_to_sponsor(membership, sponsor_key)
    return membership


def placement_message(membership: Membership) -> str:
    """What the person is told once placed, moved to the remote cohorts, or wait-listed."""
    date = formats.date_format(membership.start_date, "l j F Y") if membership.start_date else ""
    moved = getattr(membership, "moved_to_remote", False)
    if membership.status == MembershipStatus.PLACED and moved:
        return _(
            "Aucune promotion n'a de place dans votre département cette semaine-là : vous avez "
            "une place dans une promotion à distance (tout se fait en ligne) qui commence le "
            "%(date)s."
        ) % {"date": date}
    if membership.status == MembershipStatus.PLACED:
        return _("Vous avez une place dans une promotion qui commence le %(date)s.") % {
            "date": date
        }
    if membership.status == MembershipStatus.WAITING and membership.area == REMOTE:
        return _(
            "Aucune promotion à distance n'a de place cette semaine-là : vous êtes en position "
            "%(position)s sur la liste d'attente. Nous vous écrirons dès qu'une place s'ouvre."
        ) % {"position": membership.waiting_position}
    if membership.status == MembershipStatus.WAITING:
        return _(
            "Aucune promotion n'a de place cette semaine-là, ni dans votre département ni à "
            "distance : vous êtes en position %(position)s sur la liste d'attente. Nous vous "
            "écrirons dès qu'une place s'ouvre."
        ) % {"position": membership.waiting_position}
    return _("Cette semaine a déjà commencé : choisissez une autre semaine.")


def _details(membership: Membership) -> str:
    """The sentence of the confirmation email that recalls the enrolment."""
    with translation.override(membership.language):
        return _(
            "Merci de votre inscription au programme ré_action : « %(challenge)s », semaine du "
            "%(date)s."
        ) % {
            "challenge": challenge_in_language(membership.challenge, membership.language).title,
            "date": formats.date_format(membership.start_date, "l j F Y"),
        }


@transaction.atomic
def sign_up(
    *,
    email: str,
    first_name: str,
    password: str,
    choice: Choice,
    today=None,
    sponsor_key: str = "",
    next_url: str = "",
) -> None:
    """Register a volunteer through ``portal.accounts`` (inactive until the link is followed)
    with a pending enrolment, placed at confirmation (``place_pending``).

    With ``sponsor_key`` (checked by the sponsors room: company code or email domain), the
    enrolment's pool is the sponsor's dedicated cohorts.

    The page says the same thing whatever happens ("check your inbox"): an address that already
    has an account receives an email inviting its owner to sign in, and nothing is changed.
    """
    _check_week(choice.start_date, today or timezone.localdate())

    def enrol(user) -> str:
        return _details(_pending_membership(user, choice, sponsor_key))

    accounts.register(
        email=email,
        first_name=first_name,
        password=password,
        language=choice.language,
        next_url=next_url,
        prepare=enrol,
    )


@transaction.atomic
def place_pending(user, *, today=None, now=None) -> list[Membership]:
    """The account is confirmed: place its pending enrolments; an enrolment whose week has
    started meanwhile is cancelled (the volunteer is asked to pick another week)."""
    today = today or timezone.localdate()
    results = []
    pending = user.programme_memberships.select_for_update().filter(status=MembershipStatus.PENDING)
    for membership in pending:
        if membership.start_date <= today:
            membership.status = MembershipStatus.CANCELLED
            membership.save(update_fields=["status"])
        else:
            membership = placement.confirm_and_place(membership, now=now)
        results.append(membership)
    return results


@transaction.atomic
def join(user, choice: Choice, *, today=None, now=None, sponsor_key: str = "") -> Membership:
    """A signed-in volunteer (address already confirmed) joins a week at once (in the
    sponsor's dedicated cohorts with ``sponsor_key``)."""
    _check_week(choice.start_date, today or timezone.localdate())
    if (
        user.programme_memberships.filter(start_date=choice.start_date)
        .exclude(status__in=[MembershipStatus.CANCELLED, MembershipStatus.PENDING])
        .exists()
    ):
        raise ValidationError(
            {"start_date": _("Vous êtes déjà inscrit·e à une promotion cette semaine-là.")}
        )
    membership = _pending_membership(user, choice, sponsor_key)
    return placement.confirm_and_place(membership, now=now)
