"""The coordinator space: a coordinator sees and runs only their own cohorts.

Every query here is scoped by ``cohorts_of(user)``: a cohort of another coordinator is simply
not found (the views answer 404).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from portal import mail
from programme.models import (
    Cohort,
    CohortCall,
    CohortMessage,
    Coordinator,
    DailyEmail,
    ImpactReport,
    Membership,
    MembershipStatus,
    ReportStatus,
)
from programme.models.cohorts import DAYS_IN_PROGRAMME
from programme.services import emails


def coordinator_of(user) -> Coordinator | None:
    if not user.is_authenticated:
        return None
    return Coordinator.objects.filter(user=user).first()


def cohorts_of(user) -> QuerySet:
    """The cohorts the user coordinates, newest first, with their member count."""
    return (
        Cohort.objects.filter(coordinator__user=user)
        .select_related("challenge", "coordinator__user")
        .annotate(
            members=Count("memberships", filter=Q(memberships__status=MembershipStatus.PLACED))
        )
        .order_by("-start_date", "pk")
    )


def current_day(cohort: Cohort, today) -> int | None:
    """Index of today in the cohort's week (0 = launch), None outside the week."""
    offset = (today - cohort.start_date).days
    return offset if 0 <= offset < DAYS_IN_PROGRAMME else None


@dataclass
class MemberRow:
    membership: Membership
    opened: list = field(default_factory=list)  # per day: None (not sent), False, True
    reports: int = 0
    quantities: dict = field(default_factory=dict)


@dataclass
class DayColumn:
    index: int
    date: object
    sent: int = 0
    opened: int = 0
    call_done: bool = False


def cohort_overview(cohort: Cohort, *, today=None) -> dict:
    """Members, who opened each day's email, who reported actions, calls done. Five queries
    whatever the size of the cohort."""
    today = today or timezone.localdate()
    members = list(
        Membership.objects.filter(cohort=cohort, status=MembershipStatus.PLACED)
        .select_related("user")
        .order_by("user__first_name", "pk")
    )
    rows = {m.pk: MemberRow(m, opened=[None] * DAYS_IN_PROGRAMME) for m in members}
    days = [DayColumn(i, cohort.day_date(i)) for i in range(DAYS_IN_PROGRAMME)]
    for membership_id, day, sent_at, opened_at in DailyEmail.objects.filter(
        membership__cohort=cohort
    ).values_list("membership_id", "day", "sent_at", "opened_at"):
        row = rows.get(membership_id)
        if row is None or sent_at is None:
            continue
        row.opened[day] = opened_at is not None
        days[day].sent += 1
        days[day].opened += opened_at is not None
    by_user = {m.user_id: rows[m.pk] for m in members}
    for user_id, unit, count, quantity in (
        ImpactReport.objects.filter(cohort=cohort, status=ReportStatus.COUNTED)
        .values("user_id", "unit")
        .annotate(n=Count("pk"), q=Sum("quantity"))
        .values_list("user_id", "unit", "n", "q")
    ):
        row = by_user.get(user_id)
        if row is not None:
            row.reports += count
            row.quantities[unit] = quantity
    for day in cohort.calls.values_list("day", flat=True):
        days[day].call_done = True
    return {
        "rows": list(rows.values()),
        "days": days,
        "today_index": current_day(cohort, today),
        "sent_messages": list(cohort.messages.all()[:10]),
    }


@transaction.atomic
def send_message(cohort: Cohort, *, sender, subject: str, body: str) -> CohortMessage:
    """Email a message to every member of the cohort (reply goes to the coordinator)."""
    members = list(
        Membership.objects.filter(cohort=cohort, status=MembershipStatus.PLACED).select_related(
            "user"
        )
    )
    message = CohortMessage.objects.create(
        cohort=cohort, sender=sender, subject=subject, body=body, recipients=len(members)
    )
    sender_name = sender.get_full_name() or sender.first_name or sender.email

    def deliver():
        with get_connection() as connection:
            for membership in members:
                mail = emails.cohort_message(
                    cohort, membership, subject, body, sender_name, connection=connection
                )
                mail.reply_to = [sender.email]
                mail.send()

    mail.after_commit(deliver)
    return message


def mark_call_done(cohort: Cohort, *, day: int, user, today=None) -> CohortCall:
    today = today or timezone.localdate()
    if not 0 <= day < DAYS_IN_PROGRAMME or cohort.day_date(day) > today:
        raise ValueError("day not reached")
    call, _created = CohortCall.objects.get_or_create(
        cohort=cohort, day=day, defaults={"done_at": timezone.now(), "done_by": user}
    )
    return call


def _cell(value) -> str:
    """Spreadsheet-safe text (no formula injection from a first name)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(cohort: Cohort, overview: dict, headers: list[str]) -> str:
    """The cohort as CSV: one line per member, opened days, reports and quantities."""
    units = sorted({unit for row in overview["rows"] for unit in row.quantities})
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*headers, *units])
    for row in overview["rows"]:
        opened = " ".join(str(day) for day, seen in enumerate(row.opened) if seen)
        writer.writerow(
            [
                _cell(row.membership.user.first_name),
                _cell(row.membership.user.email),
                row.membership.placed_at.date().isoformat() if row.membership.placed_at else "",
                opened,
                row.reports,
                *[row.quantities.get(unit, 0) for unit in units],
            ]
        )
    return buffer.getvalue()


def update_links(cohort: Cohort, *, call_url: str, chat_url: str) -> Cohort:
    cohort.call_url = call_url
    cohort.chat_url = chat_url
    cohort.full_clean()
    cohort.save(update_fields=["call_url", "chat_url"])
    return cohort


def record_open(daily_email_id: int, *, now=None) -> bool:
    """The member opened the day's email (pixel or tracked link); first open counts."""
    return bool(
        DailyEmail.objects.filter(pk=daily_email_id, opened_at__isnull=True).update(
            opened_at=now or timezone.now()
        )
        or DailyEmail.objects.filter(pk=daily_email_id).exists()
    )
