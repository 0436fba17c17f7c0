"""The volunteer's own account: sign-up, profile, notification preferences, their pledges,
and the deletion of everything personal (see ``personal_data`` for what each room keeps)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from actions.models import DigestSubscription
from actions.services import digest
from challenges.models import ChallengePage
from matching.models import Pledge, PledgeStatus, VolunteerProfile
from matching.services import cancel_pledge
from portal import accounts
from programme.models.cohorts import canonical_challenge
from volunteers import personal_data


class AccountError(Exception):
    """An account change refused; ``str()`` is a message for people."""


def _canonical(challenges) -> list[ChallengePage]:
    """Profiles keep the challenges' pages in the default language, whichever one was read."""
    return [canonical_challenge(page) for page in challenges]


def sign_up(
    *,
    email: str,
    first_name: str,
    password: str,
    postcode: str,
    radius_km: int,
    challenges: list[ChallengePage],
    language: str,
    contact_consent: bool,
    next_url: str = "",
):
    """A volunteer account (username = email, active once its link is followed) with its
    profile; the data consent is given. An address that already has an account: its owner is
    emailed and nothing changes (the caller answers the same, see ``portal.accounts``)."""

    def store_profile(user) -> str:
        now = timezone.now()
        profile = VolunteerProfile.objects.filter(user=user).first() or VolunteerProfile(user=user)
        profile.postcode = postcode
        profile.radius_km = radius_km
        profile.language = language
        profile.data_consent_at = now
        profile.contact_consent_at = now if contact_consent else None
        profile.full_clean(exclude=["skills", "availability"])
        profile.save()
        profile.challenges.set(_canonical(challenges))
        return ""

    return accounts.register(
        email=email,
        first_name=first_name,
        password=password,
        language=language,
        next_url=next_url,
        prepare=store_profile,
    )


def challenges_in_language(profile: VolunteerProfile, language: str) -> list[ChallengePage]:
    """The profile's challenges as pages of the reader's language (for the form's initial)."""
    keys = list(profile.challenges.values_list("translation_key", flat=True))
    return list(
        ChallengePage.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    )


@transaction.atomic
def update_profile(
    *,
    profile: VolunteerProfile,
    postcode: str,
    radius_km: int,
    challenges: list[ChallengePage],
    skills: list[str],
    availability: list[str],
    phone: str,
    language: str,
) -> VolunteerProfile:
    """Save the profile; a changed postcode is geocoded again (matching.signals)."""
    profile.postcode = postcode
    profile.radius_km = radius_km
    profile.skills = list(skills)
    profile.availability = list(availability)
    profile.phone = phone
    profile.language = language
    profile.full_clean()
    profile.save()
    profile.challenges.set(_canonical(challenges))
    return profile


def digest_subscription(user) -> DigestSubscription | None:
    """The subscription of the account's address (active, awaiting confirmation or left)."""
    if not user.email:
        return None
    return DigestSubscription.objects.filter(email__iexact=user.email).first()


@dataclass(frozen=True)
class NotificationChange:
    digest_confirmation_sent: bool = False


@transaction.atomic
def set_notifications(
    *,
    user,
    profile: VolunteerProfile,
    urgent_alerts: bool,
    weekly_digest: bool,
    language: str,
    partner_preferences: dict[str, bool] | None = None,
) -> NotificationChange:
    """Urgent alerts on or off; the weekly digest asked for (double opt-in) or left; a partner
    member's pledge emails and daily summary (saved by the partners room's hook)."""
    if profile.urgent_alerts != urgent_alerts:
        profile.urgent_alerts = urgent_alerts
        profile.save(update_fields=["urgent_alerts", "updated_at"])
    if partner_preferences:
        for save in hooks.get_hooks("save_partner_space_emails"):
            save(user, partner_preferences)
    subscription = digest_subscription(user)
    subscribed = subscription is not None and subscription.is_active
    if weekly_digest and not subscribed and user.email:
        awaiting = subscription is not None and subscription.unsubscribed_at is None
        if not awaiting:  # an unconfirmed request is not sent twice
            digest.subscribe(email=user.email, language=language)
            return NotificationChange(digest_confirmation_sent=True)
    if not weekly_digest and subscription is not None and subscription.unsubscribed_at is None:
        digest.unsubscribe(subscription.token)
    return NotificationChange()


def partner_space_emails(user) -> dict[str, bool] | None:
    """A partner's staff's choices of partner-space emails (None for anyone else), as the
    partners room reads them (``partner_space_emails`` hook)."""
    for current in hooks.get_hooks("partner_space_emails"):
        choices = current(user)
        if choices is not None:
            return choices
    return None


def pledges_of(user) -> QuerySet[Pledge]:
    return (
        Pledge.objects.filter(volunteer__user=user)
        .select_related("need__place")
        .order_by("-created_at", "-pk")
    )


def cancel_own_pledge(*, user, pledge_id: int) -> Pledge:
    """Cancel one of the user's own pending pledges (Pledge.DoesNotExist for anyone else's)."""
    pledge = Pledge.objects.get(pk=pledge_id, volunteer__user=user)
    if pledge.status != PledgeStatus.PLEDGED:
        raise AccountError(_("Seul un engagement en cours peut être annulé."))
    return cancel_pledge(pledge_id=pledge.pk)


@transaction.atomic
def delete_account(*, user) -> None:
    """Every room forgets the person, then the account goes; anonymous figures stay."""
    blockers = personal_data.deletion_blockers(user)
    if blockers:
        raise AccountError(" ".join(blockers))
    personal_data.erase_all(user)
    get_user_model().objects.filter(pk=user.pk).delete()
