"""Every email of the programme room, rendered in the recipient's language.

Each function sends one message (or one per member) and is safe to call from
``transaction.on_commit``. Links are absolute (``SITE_BASE_URL``) and translated.
"""

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from portal import notify
from portal.i18n import absolute_reverse
from programme.models import Cohort, Membership, MembershipStatus
from programme.services.content import challenge_in_language

OPEN_SALT = "programme.daily-email.open"


def open_token(daily_email_id: int) -> str:
    return signing.Signer(salt=OPEN_SALT).sign(str(daily_email_id))


def read_open_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=OPEN_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def send_placed(membership_id: int) -> None:
    """A volunteer from the waiting list now has a place in a cohort."""
    membership = (
        Membership.objects.select_related("user", "cohort", "challenge")
        .filter(pk=membership_id, status=MembershipStatus.PLACED)
        .first()
    )
    if membership is None:
        return
    language = membership.language
    notify.send(
        to=membership.user.email,
        language=language,
        subject=_("Une place s'est libérée : vous rejoignez une promotion ré_action"),
        template="programme/email/placed.txt",
        context={
            "membership": membership,
            "cohort": membership.cohort,
            "challenge": challenge_in_language(membership.challenge, language),
            "space_url": absolute_reverse("volunteers:space", language),
        },
    )


def _to_coordinator(cohort: Cohort, template: str, subject: str) -> None:
    cohort = Cohort.objects.select_related("coordinator__user", "challenge").get(pk=cohort.pk)
    language = cohort.coordinator.language
    notify.send(
        to=cohort.coordinator.user.email,
        language=language,
        subject=subject,
        template=template,
        context={
            "cohort": cohort,
            "challenge": challenge_in_language(cohort.challenge, language),
            "members": cohort.memberships.filter(status=MembershipStatus.PLACED).count(),
            "url": absolute_reverse("programme:cohort", language, cohort.pk),
        },
    )


def send_cohort_opened(cohort: Cohort) -> None:
    _to_coordinator(
        cohort,
        "programme/email/cohort_opened.txt",
        _("Une nouvelle promotion vous est confiée"),
    )


def send_cohort_full(cohort: Cohort) -> None:
    _to_coordinator(
        cohort,
        "programme/email/cohort_full.txt",
        _("Votre promotion est complète"),
    )


def daily_message(
    daily_email, membership: Membership, cohort: Cohort, day, number: int, connection=None
) -> notify.Email:
    """The day's email of one member: the programme page's content for that day."""
    language = membership.language
    token = open_token(daily_email.pk)
    return notify.message(
        to=membership.user.email,
        language=language,
        subject=day.get("email_subject"),
        template="programme/email/daily.txt",
        html_template="programme/email/daily.html",
        context={
            "day": day,
            "number": number,
            "membership": membership,
            "cohort": cohort,
            "challenge": challenge_in_language(cohort.challenge, language),
            "pixel_url": absolute_reverse("programme:open_pixel", language, token),
            "report_url": absolute_reverse("programme:open_link", language, token),
            "base_url": settings.SITE_BASE_URL,
        },
        connection=connection,
    )


def cohort_message(
    cohort: Cohort,
    membership: Membership,
    subject: str,
    body: str,
    sender_name: str,
    connection=None,
) -> notify.Email:
    """A coordinator's message to one member (``subject`` as typed: not formatted)."""
    return notify.message(
        to=membership.user.email,
        language=membership.language,
        subject=subject,
        template="programme/email/cohort_message.txt",
        context={"body": body, "sender_name": sender_name, "cohort": cohort},
        connection=connection,
    )
