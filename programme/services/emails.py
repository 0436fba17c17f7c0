"""Every email of the programme room, rendered in the recipient's language.

Each function sends one message (or one per member) and is safe to call from
``transaction.on_commit``. Links are absolute (``SITE_BASE_URL``) and translated.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

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
    with translation.override(language):
        context = {
            "membership": membership,
            "cohort": membership.cohort,
            "challenge": challenge_in_language(membership.challenge, language),
            "space_url": absolute_reverse("volunteers:space", language),
        }
        subject = _("Une place s'est libérée : vous rejoignez une promotion ré_action")
        body = render_to_string("programme/email/placed.txt", context)
    send_mail(subject, body, None, [membership.user.email])


def _to_coordinator(cohort: Cohort, template: str, subject: str) -> None:
    cohort = Cohort.objects.select_related("coordinator__user", "challenge").get(pk=cohort.pk)
    language = cohort.coordinator.language
    with translation.override(language):
        context = {
            "cohort": cohort,
            "challenge": challenge_in_language(cohort.challenge, language),
            "members": cohort.memberships.filter(status=MembershipStatus.PLACED).count(),
            "url": absolute_reverse("programme:cohort", language, cohort.pk),
        }
        body = render_to_string(template, context)
        send_mail(str(subject), body, None, [cohort.coordinator.user.email])


def send_cohort_opened(cohort: Cohort) -> None:
    _to_coordinator(
        cohort,
        "programme/email/cohort_opened.txt",
        translation.gettext_lazy("Une nouvelle promotion vous est confiée"),
    )


def send_cohort_full(cohort: Cohort) -> None:
    _to_coordinator(
        cohort,
        "programme/email/cohort_full.txt",
        translation.gettext_lazy("Votre promotion est complète"),
    )


def daily_message(
    daily_email, membership: Membership, cohort: Cohort, day, number: int, connection=None
) -> EmailMultiAlternatives:
    """The day's email of one member: the programme page's content for that day."""
    language = membership.language
    with translation.override(language):
        token = open_token(daily_email.pk)
        context = {
            "day": day,
            "number": number,
            "membership": membership,
            "cohort": cohort,
            "challenge": challenge_in_language(cohort.challenge, language),
            "pixel_url": absolute_reverse("programme:open_pixel", language, token),
            "report_url": absolute_reverse("programme:open_link", language, token),
            "base_url": settings.SITE_BASE_URL,
        }
        text = render_to_string("programme/email/daily.txt", context)
        html = render_to_string("programme/email/daily.html", context)
    message = EmailMultiAlternatives(
        day.get("email_subject"), text, None, [membership.user.email], connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def cohort_message(
    cohort: Cohort,
    membership: Membership,
    subject: str,
    body: str,
    sender_name: str,
    connection=None,
) -> EmailMultiAlternatives:
    with translation.override(membership.language):
        text = render_to_string(
            "programme/email/cohort_message.txt",
            {"body": body, "sender_name": sender_name, "cohort": cohort},
        )
    return EmailMultiAlternatives(
        subject, text, None, [membership.user.email], connection=connection
    )
