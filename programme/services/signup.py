"""The sign-up journey: a volunteer picks a challenge, a week, a language and an area; their
address is confirmed by a one-time link; they are then placed (see ``placement``).

Only what the programme needs is stored: an email address (also the username), a first name
and a password, plus the enrolment. Accounts never confirmed are deleted after
``UNCONFIRMED_DAYS`` by ``purge_unconfirmed_sign_ups``.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from challenges.models import ChallengePage
from portal import mail
from programme.models import Membership, MembershipStatus
from programme.services import emails, placement, sponsorship
from programme.services.content import canonical_challenge

UNCONFIRMED_DAYS = 7


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


def _is_unconfirmed(user) -> bool:
    return (
        not user.is_active
        and user.last_login is None
        and not user.programme_memberships.filter(confirmed_at__isnull=False).exists()
    )


@transaction.atomic
def sign_up(
    *,
    email: str,
    first_name: str,
    password: str,
    choice: Choice,
    today=None,
    sponsor_key: str = "",
) -> None:
    """Register a new volunteer (inactive until confirmed) and email the confirmation link.

    With ``sponsor_key`` (checked by the sponsors room: company code or email domain), the
    enrolment's pool is the sponsor's dedicated cohorts.

    The page says the same thing whatever happens ("check your inbox"): an address that already
    has an account receives an email inviting its owner to sign in, and nothing is changed.
    """
    _check_week(choice.start_date, today or timezone.localdate())
    email = get_user_model().objects.normalize_email(email).strip().lower()
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is not None and not _is_unconfirmed(user):
        mail.after_commit(lambda: emails.send_account_exists(user, choice.language))
        return
    if user is None:
        user = user_model.objects.create_user(
            username=email,
            email=email,
            password=password,
            first_name=first_name.strip(),
            is_active=False,
        )
    else:
        user.set_password(password)
        user.first_name = first_name.strip()
        user.save(update_fields=["password", "first_name"])
    membership = _pending_membership(user, choice, sponsor_key)
    mail.after_commit(lambda: emails.send_confirmation(user, membership))


def user_for_confirmation(uidb64: str, token: str):
    """The account a confirmation link is for, or None if the link is wrong or used."""
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model().objects.get(pk=pk)
    except (TypeError, ValueError, OverflowError, get_user_model().DoesNotExist):
        return None
    if not emails.sign_up_tokens.check_token(user, token):
        return None
    return user


@transaction.atomic
def confirm(user, *, today=None, now=None) -> list[Membership]:
    """Activate the account and place its pending enrolments; an enrolment whose week has
    started meanwhile is cancelled (the volunteer is asked to pick another week)."""
    today = today or timezone.localdate()
    user.is_active = True
    user.save(update_fields=["is_active"])
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


def purge_unconfirmed_sign_ups(*, now=None) -> int:
    """Delete accounts never confirmed after UNCONFIRMED_DAYS (and their pending enrolment)."""
    limit = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
    stale = (
        get_user_model()
        .objects.filter(is_active=False, last_login__isnull=True, date_joined__lt=limit)
        .filter(programme_memberships__status=MembershipStatus.PENDING)
        .exclude(programme_memberships__confirmed_at__isnull=False)
        .exclude(is_staff=True)
        .distinct()
    )
    count = 0
    for user in stale:
        user.delete()
        count += 1
    return count
