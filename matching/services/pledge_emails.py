"""Emails to a volunteer about their pledge, in their language: the confirmation (right after
the pledge) and a reminder REMINDER_BEFORE the need ends. Each goes at most once per pledge: a
PledgeEmail row is claimed in the transaction that sends it (with the outbox backend, the email
and its claim commit together); a failed send rolls the claim back for a later try."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.models import NeedStatus, Pledge, PledgeEmail, PledgeEmailKind, PledgeStatus
from matching.services.pledge_follow_up import follow_up
from matching.services.pledging import pledge_for_emails
from portal import notify
from portal.i18n import absolute_reverse

REMINDER_BEFORE = timedelta(hours=24)
TEMPLATES = {
    PledgeEmailKind.CONFIRMATION: "matching/email/pledge_confirmation.txt",
    PledgeEmailKind.REMINDER: "matching/email/pledge_reminder.txt",
}
SUBJECTS = {
    PledgeEmailKind.CONFIRMATION: _("Votre engagement pour « %(title)s »"),
    PledgeEmailKind.REMINDER: _("Rappel : « %(title)s » se termine bientôt"),
}


def message(pledge: Pledge, kind: str) -> notify.Email:
    """The email of ``kind`` for ``pledge``, in its volunteer's language."""
    volunteer = pledge.volunteer
    language = volunteer.language or settings.LANGUAGE_CODE
    return notify.message(
        to=volunteer.user.email,
        language=language,
        subject=SUBJECTS[kind],
        subject_params={"title": pledge.need.title},
        template=TEMPLATES[kind],
        context=lambda: {
            "first_name": volunteer.user.first_name,
            "follow": follow_up(pledge),
            "confirmation_url": absolute_reverse(
                "matching:pledge_confirmation", language, pk=pledge.pk
            ),
        },
    )


def _pledge(pledge_id: int) -> Pledge | None:
    """The pledge, if its volunteer has an email to write to."""
    pledge = pledge_for_emails(pledge_id)
    if pledge is None or pledge.volunteer is None or not pledge.volunteer.user.email:
        return None
    return pledge


def _send_once(pledge: Pledge, kind: str) -> int:
    # Written before the claim's transaction: on SQLite it holds the write lock, which every
    # pledge waits for, only while the claim and the sending last.
    email = message(pledge, kind)
    try:
        with transaction.atomic():
            PledgeEmail.objects.create(pledge=pledge, kind=kind)
            email.send()
    except IntegrityError:  # already sent (or being sent by another worker)
        return 0
    return 1


def send_confirmation(pledge_id: int) -> int:
    """The volunteer's confirmation of one pledge; 0 when already sent or no email."""
    pledge = _pledge(pledge_id)
    if pledge is None:
        return 0
    return _send_once(pledge, PledgeEmailKind.CONFIRMATION)


def reminders_due(*, now=None):
    """Pending pledges whose need ends within REMINDER_BEFORE and that were made before that
    window opened (a pledge made the day before has its confirmation fresh in mind)."""
    now = now or timezone.now()
    return (
        Pledge.objects.filter(
            status=PledgeStatus.PLEDGED,
            need__status=NeedStatus.OPEN,
            need__ends_at__gt=now,
            need__ends_at__lte=now + REMINDER_BEFORE,
            created_at__lt=F("need__ends_at") - REMINDER_BEFORE,
            volunteer__isnull=False,
        )
        .exclude(volunteer__user__email="")
        .exclude(emails__kind=PledgeEmailKind.REMINDER)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def send_reminder(pledge_id: int) -> int:
    pledge = _pledge(pledge_id)
    if pledge is None or pledge.status != PledgeStatus.PLEDGED:
        return 0
    return _send_once(pledge, PledgeEmailKind.REMINDER)


def send_due_reminders(*, now=None) -> int:
    """Beat: every reminder due now, each once; returns how many left."""
    return sum(send_reminder(pledge_id) for pledge_id in list(reminders_due(now=now)))
