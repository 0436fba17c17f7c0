"""The schedule: each member of a cohort gets the day's email, in their language, on each of
the 7 days of their week (launch session, days 1 to 5, closing session) at the cohort's send
hour (Paris time) — exactly once per member and day.

How "exactly once" holds
------------------------
``DailyEmail`` is the send log, unique on (membership, day). ``send_cohort_day`` locks the
cohort row, inserts the log rows of the members not yet served and COMMITS them (the claim)
before any email leaves; then it sends and stamps ``sent_at``. A second worker, a retried task
or a run after a restart finds the rows (or waits on the lock, then finds them) and sends
nothing. If sending raises (SMTP down), the claims of the unsent emails are deleted and the
cohort's day is reopened, so the next minute retries them.

The one window left is a crash (process killed) after the claim and before the email left:
that email is then *not* sent (at most once — we prefer a missing email to a duplicate that
would confuse a volunteer). Such rows stay with ``sent_at`` empty; editors see them in the admin
("mails du programme", filter "non envoyés") and ``manage.py send_cohort_emails
--resend-unsent-older-than=MINUTES`` sends them again deliberately.

Missed minutes are caught up: a day whose send time has passed is sent at the next run, as long
as the cohort's week (plus one day of grace) is not over.
"""

import datetime
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from programme.models import (
    Cohort,
    CohortStatus,
    DailyEmail,
    Membership,
    MembershipStatus,
)
from programme.models.cohorts import DAYS_IN_PROGRAMME
from programme.services import emails
from programme.services.content import programme_page_for_language

logger = logging.getLogger(__name__)

GRACE_DAYS = 1
ACTIVE = (CohortStatus.FORMING, CohortStatus.FULL, CohortStatus.RUNNING)


def _zone():
    return ZoneInfo(settings.TIME_ZONE)


def send_time(cohort: Cohort, day: int) -> datetime.datetime:
    """When day ``day`` (0 = launch) of a cohort is due: its send hour, Paris time."""
    date = cohort.start_date + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(cohort.send_hour), tzinfo=_zone())


def days_due(cohort: Cohort, now: datetime.datetime) -> int:
    """How many programme days are due at ``now`` (0 to 7)."""
    return sum(1 for day in range(DAYS_IN_PROGRAMME) if send_time(cohort, day) <= now)


def due_cohorts(now: datetime.datetime) -> list[int]:
    """Cohorts with at least one due day not yet handled. One query on the cohorts of the
    current week(s); nothing per member."""
    today = timezone.localtime(now, _zone()).date()
    first_start = today - datetime.timedelta(days=DAYS_IN_PROGRAMME - 1 + GRACE_DAYS)
    cohorts = Cohort.objects.filter(
        status__in=ACTIVE,
        start_date__gte=first_start,
        start_date__lte=today,
        days_sent__lt=DAYS_IN_PROGRAMME,
    ).only("pk", "start_date", "send_hour", "days_sent")
    return [cohort.pk for cohort in cohorts if days_due(cohort, now) > cohort.days_sent]


def update_statuses(now: datetime.datetime) -> None:
    """Cohorts run from their Monday and are finished once their closing day is over."""
    today = timezone.localtime(now, _zone()).date()
    Cohort.objects.filter(
        status__in=[CohortStatus.FORMING, CohortStatus.FULL], start_date__lte=today
    ).update(status=CohortStatus.RUNNING)
    last_start = today - datetime.timedelta(days=DAYS_IN_PROGRAMME + GRACE_DAYS)
    Cohort.objects.filter(status=CohortStatus.RUNNING, start_date__lte=last_start).update(
        status=CohortStatus.FINISHED
    )


def _claim(cohort_id: int, day: int, now: datetime.datetime) -> tuple[Cohort | None, list]:
    """Insert (and commit) the log rows of the members not yet served for that day."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().filter(pk=cohort_id, status__in=ACTIVE).first()
        if cohort is None or days_due(cohort, now) <= day:
            return None, []
        members = list(
            Membership.objects.filter(cohort=cohort, status=MembershipStatus.PLACED)
            .exclude(daily_emails__day=day)
            .values_list("pk", flat=True)
        )
        claims = DailyEmail.objects.bulk_create(
            DailyEmail(membership_id=pk, day=day, claimed_at=now) for pk in members
        )
        if cohort.days_sent <= day:
            cohort.days_sent = day + 1
            cohort.save(update_fields=["days_sent"])
    return cohort, claims


def send_cohort_day(cohort_id: int, day: int, *, now=None) -> tuple[int, int]:
    """Send day ``day`` of one cohort to its members not yet served; returns (sent, failed)."""
    now = now or timezone.now()
    cohort, claims = _claim(cohort_id, day, now)
    if not claims:
        return 0, 0
    cohort = Cohort.objects.select_related("challenge").get(pk=cohort.pk)
    memberships = {
        m.pk: m
        for m in Membership.objects.filter(pk__in=[c.membership_id for c in claims]).select_related(
            "user"
        )
    }
    days_by_language = {}
    sent, failed = [], []
    connection = get_connection()
    try:
        connection.open()
        for claim in claims:
            membership = memberships[claim.membership_id]
            language = membership.language
            if language not in days_by_language:
                page = programme_page_for_language(language)
                days_by_language[language] = page.schedule_days() if page else []
            content = days_by_language[language]
            if day >= len(content):
                # Editorial gap: the claim stays unsent, visible in the admin, resendable.
                logger.warning("No content for day %s in %s: email not sent", day, language)
                continue
            message = emails.daily_message(
                claim, membership, cohort, content[day], day, connection=connection
            )
            try:
                message.send()
            except Exception:
                logger.exception("Daily email %s could not be sent; retried next run", claim.pk)
                failed.append(claim.pk)
            else:
                sent.append(claim.pk)
    finally:
        connection.close()
    if sent:
        DailyEmail.objects.filter(pk__in=sent).update(sent_at=timezone.now())
    if failed:
        with transaction.atomic():
            DailyEmail.objects.filter(pk__in=failed).delete()
            Cohort.objects.filter(pk=cohort.pk, days_sent__gt=day).update(days_sent=day)
    return len(sent), len(failed)


def send_cohort_due(cohort_id: int, *, now=None) -> int:
    """Every due day of one cohort not yet handled, in order (a day whose sending failed stops
    the cohort until the next run, so days never arrive out of order). Returns emails sent."""
    now = now or timezone.now()
    cohort = Cohort.objects.filter(pk=cohort_id).only("start_date", "send_hour", "days_sent")
    cohort = cohort.first()
    if cohort is None:
        return 0
    total = 0
    for day in range(cohort.days_sent, days_due(cohort, now)):
        sent, failed = send_cohort_day(cohort_id, day, now=now)
        total += sent
        if failed:
            break
    return total


def send_due_emails(*, now=None) -> int:
    """What the beat task (every minute) and ``send_cohort_emails`` run: every due day of
    every cohort, in order. Returns the number of emails sent."""
    now = now or timezone.now()
    update_statuses(now)
    return sum(send_cohort_due(cohort_id, now=now) for cohort_id in due_cohorts(now))


def resend_unsent(*, older_than: datetime.timedelta, now=None) -> int:
    """Send again, deliberately, the claimed emails never marked sent (after a crash)."""
    now = now or timezone.now()
    stale = DailyEmail.objects.filter(sent_at__isnull=True, claimed_at__lt=now - older_than)
    pairs = list(stale.values_list("pk", "membership__cohort_id", "day"))
    if not pairs:
        return 0
    with transaction.atomic():
        DailyEmail.objects.filter(pk__in=[pk for pk, *_ in pairs]).delete()
        for _pk, cohort_id, day in pairs:
            Cohort.objects.filter(pk=cohort_id, days_sent__gt=day).update(days_sent=day)
    return sum(
        send_cohort_due(cohort_id, now=now) for cohort_id in {c for _pk, c, _d in pairs if c}
    )
