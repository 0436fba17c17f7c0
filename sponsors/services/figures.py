"""A sponsor's figures, in all and per week: counts and sums only, never a person.

- employees engaged: people placed in the sponsor's dedicated cohorts (each counted once);
- cohorts: the sponsor's cohorts not cancelled;
- actions reported and impact units: the programme's sponsor totals (``ImpactTotal``), which
  add up the counted reports of the members of those cohorts.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.db.models.functions import TruncWeek
from django.utils.translation import gettext as _

from challenges.models import ChallengeImpactMetric
from portal.weeks import week_start
from programme.models import (
    Cohort,
    CohortStatus,
    ImpactReport,
    Membership,
    MembershipStatus,
    ReportStatus,
)
from programme.services import impact


@dataclass(frozen=True)
class ImpactFigure:
    unit: str
    label: str
    quantity: int


@dataclass(frozen=True)
class SponsorFigures:
    employees: int
    cohorts: int
    actions: int
    impacts: list[ImpactFigure]


@dataclass
class WeekRow:
    week: datetime.date
    cohorts: int = 0
    employees: int = 0
    actions: int = 0
    quantities: dict[str, int] = field(default_factory=dict)


def _cohorts(sponsor_key: str):
    return Cohort.objects.filter(sponsor_key=sponsor_key).exclude(status=CohortStatus.CANCELLED)


def _placed(sponsor_key: str):
    return Membership.objects.filter(
        cohort__in=_cohorts(sponsor_key), status=MembershipStatus.PLACED
    )


def unit_labels(units, locale) -> dict[str, str]:
    """Labels of impact units in a language (the unit slug when no metric names it)."""
    labels = {}
    metrics = ChallengeImpactMetric.objects.filter(unit__in=list(units))
    if locale is not None:
        metrics = metrics.filter(page__locale=locale)
    for unit, label in metrics.order_by("page__path", "sort_order").values_list("unit", "label"):
        labels.setdefault(unit, label)
    return {unit: labels.get(unit, unit) for unit in units}


def sponsor_figures(sponsor_key: str, locale=None) -> SponsorFigures:
    totals = impact.impact_totals_for_sponsor(sponsor_key)
    labels = unit_labels(sorted(totals), locale)
    return SponsorFigures(
        employees=_placed(sponsor_key).values("user").distinct().count(),
        cohorts=_cohorts(sponsor_key).count(),
        actions=impact.reports_count_for_sponsor(sponsor_key),
        impacts=[
            ImpactFigure(unit, labels[unit], quantity)
            for unit, quantity in sorted(totals.items())
            if quantity
        ],
    )


def _monday(value) -> datetime.date:
    return week_start(value.date() if isinstance(value, datetime.datetime) else value)


def weekly_figures(sponsor_key: str) -> tuple[list[WeekRow], list[str]]:
    """Per week (Mondays, oldest first): cohorts starting, employees placed in them, actions
    reported and quantities per unit. Returns the rows and the units seen."""
    rows: dict[datetime.date, WeekRow] = {}

    def row(week) -> WeekRow:
        monday = _monday(week)
        return rows.setdefault(monday, WeekRow(monday))

    for item in _cohorts(sponsor_key).values("start_date").annotate(n=Count("pk")):
        row(item["start_date"]).cohorts += item["n"]
    employees = (
        _placed(sponsor_key).values("cohort__start_date").annotate(n=Count("user", distinct=True))
    )
    for item in employees:
        row(item["cohort__start_date"]).employees += item["n"]
    reports = (
        ImpactReport.objects.filter(sponsor_key=sponsor_key, status=ReportStatus.COUNTED)
        .annotate(week=TruncWeek("created_at"))
        .values("week", "unit")
        .annotate(n=Count("pk"), q=Sum("quantity"))
    )
    units = set()
    for item in reports:
        week_row = row(item["week"])
        week_row.actions += item["n"]
        week_row.quantities[item["unit"]] = week_row.quantities.get(item["unit"], 0) + item["q"]
        units.add(item["unit"])
    return [rows[week] for week in sorted(rows)], sorted(units)


def weekly_csv(sponsor_key: str, locale=None) -> str:
    rows, units = weekly_figures(sponsor_key)
    labels = unit_labels(units, locale)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Semaine du"),
            _("Promotions démarrées"),
            _("Salarié·es engagé·es"),
            _("Actions déclarées"),
            *[labels[unit] for unit in units],
        ]
    )
    for week_row in rows:
        writer.writerow(
            [
                week_row.week.isoformat(),
                week_row.cohorts,
                week_row.employees,
                week_row.actions,
                *[week_row.quantities.get(unit, 0) for unit in units],
            ]
        )
    return buffer.getvalue()
