"""Growth of the programme for editors: cohorts and volunteers per week, and how many
coordinators next week needs to keep doubling (the seed's model: 3, then 9, then 30 cohorts)."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from portal.weeks import week_start
from programme.models import (
    Cohort,
    CohortStatus,
    Coordinator,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
)
from programme.models.cohorts import DEFAULT_CAPACITY


@dataclass
class Week:
    start: datetime.date
    cohorts: int
    volunteers: int
    waiting: int
    is_current: bool = False


@dataclass
class NextWeekNeed:
    start: datetime.date
    volunteers_target: int
    coordinators_needed: int
    booked: int
    trained_free: int
    to_recruit: int


def weeks(*, today=None, past: int = 8, ahead: int = 3) -> list[Week]:
    """One row per Monday from ``past`` weeks ago to ``ahead`` weeks ahead (3 queries)."""
    today = today or timezone.localdate()
    this_monday = week_start(today)
    mondays = [this_monday + datetime.timedelta(weeks=n) for n in range(-past, ahead + 1)]
    cohorts = dict(
        Cohort.objects.filter(start_date__in=mondays)
        .exclude(status=CohortStatus.CANCELLED)
        .values("start_date")
        .annotate(n=Count("pk"))
        .values_list("start_date", "n")
    )
    placed, waiting = {}, {}
    for start, status, count in (
        Membership.objects.filter(
            start_date__in=mondays, status__in=[MembershipStatus.PLACED, MembershipStatus.WAITING]
        )
        .values("start_date", "status")
        .annotate(n=Count("pk"))
        .values_list("start_date", "status", "n")
    ):
        (placed if status == MembershipStatus.PLACED else waiting)[start] = count
    return [
        Week(
            start=monday,
            cohorts=cohorts.get(monday, 0),
            volunteers=placed.get(monday, 0),
            waiting=waiting.get(monday, 0),
            is_current=monday == this_monday,
        )
        for monday in mondays
    ]


def next_week_need(*, today=None) -> NextWeekNeed:
    """To double next week: twice this week's volunteers, in cohorts of 15, each with a
    coordinator. ``booked`` already lead a cohort next week; ``trained_free`` are trained and
    free that week; ``to_recruit`` is what is missing."""
    today = today or timezone.localdate()
    this_monday = week_start(today)
    next_monday = this_monday + datetime.timedelta(weeks=1)
    volunteers_now = Membership.objects.filter(
        start_date=this_monday, status=MembershipStatus.PLACED
    ).count()
    cohorts_now = (
        Cohort.objects.filter(start_date=this_monday).exclude(status=CohortStatus.CANCELLED).count()
    )
    target = 2 * volunteers_now
    needed = max(math.ceil(target / DEFAULT_CAPACITY), 2 * cohorts_now)
    next_cohorts = Cohort.objects.filter(start_date=next_monday).exclude(
        status=CohortStatus.CANCELLED
    )
    booked = next_cohorts.count()
    trained = CoordinatorTraining.objects.filter(
        coordinator=OuterRef("pk"), completed_on__isnull=False
    )
    trained_free = (
        Coordinator.objects.filter(Exists(trained))
        .exclude(pk__in=next_cohorts.values("coordinator_id"))
        .count()
    )
    return NextWeekNeed(
        start=next_monday,
        volunteers_target=target,
        coordinators_needed=needed,
        booked=booked,
        trained_free=trained_free,
        to_recruit=max(0, needed - booked - trained_free),
    )


def bars(rows: list[Week], attribute: str, *, height: int = 120) -> list[dict]:
    """Bar heights (in SVG units) for an inline chart of one series."""
    peak = max((getattr(row, attribute) for row in rows), default=0) or 1
    return [
        {
            "week": row,
            "value": getattr(row, attribute),
            "height": round(height * getattr(row, attribute) / peak),
        }
        for row in rows
    ]
