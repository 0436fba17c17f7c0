"""Moderation: volunteers flag needs as wrong or abusive; editors work through a queue of
needs waiting for review and of flagged needs (approve, send back, dismiss, pause, close)."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from matching.models import Need, NeedReport, NeedReportStatus, NeedStatus
from matching.services.publishing import approve

QUEUE_LIMIT = 100
REPORTS_SHOWN_PER_NEED = 10
# What an editor may do to a flagged need (besides dismissing its reports).
ACTION_STATUSES = (NeedStatus.PAUSED, NeedStatus.CLOSED)


class ModerationError(Exception):
    """A moderation step that no longer applies (the need moved on meanwhile)."""


@dataclass(frozen=True)
class ReportOutcome:
    report: NeedReport
    created: bool


@transaction.atomic
def report_need(*, need: Need, reporter, reason: str, message: str = "") -> ReportOutcome:
    """Flag a need; one open report per person and need (a second one changes nothing)."""
    # Serialise one reporter's reports of one need on the need's row (a double click).
    Need.objects.select_for_update().filter(pk=need.pk).first()
    existing = NeedReport.objects.filter(
        need=need, reporter=reporter, status=NeedReportStatus.OPEN
    ).first()
    if existing is not None:
        return ReportOutcome(existing, created=False)
    report = NeedReport.objects.create(
        need=need, reporter=reporter, reason=reason, message=message.strip()
    )
    return ReportOutcome(report, created=True)


def needs_in_review(*, limit: int = QUEUE_LIMIT) -> QuerySet[Need]:
    """Needs waiting for an editor, oldest first."""
    return (
        Need.objects.filter(status=NeedStatus.REVIEW)
        .select_related("place", "place__partner")
        .order_by("updated_at", "pk")[:limit]
    )


def flagged_needs(*, limit: int = QUEUE_LIMIT) -> list[Need]:
    """Needs with open reports, most reported first; each with ``open_report_count`` and its
    latest open reports in ``open_reports``."""
    open_filter = Q(reports__status=NeedReportStatus.OPEN)
    needs = list(
        Need.objects.filter(open_filter)
        .annotate(open_report_count=Count("reports", filter=open_filter))
        .select_related("place", "place__partner")
        .order_by("-open_report_count", "-pk")[:limit]
    )
    reports = (
        NeedReport.objects.filter(need__in=needs, status=NeedReportStatus.OPEN)
        .select_related("reporter")
        .order_by("-created_at")
    )
    by_need: dict[int, list[NeedReport]] = {}
    for report in reports:
        shown = by_need.setdefault(report.need_id, [])
        if len(shown) < REPORTS_SHOWN_PER_NEED:
            shown.append(report)
    for need in needs:
        need.open_reports = by_need.get(need.pk, [])
    return needs


def open_report_count() -> int:
    return NeedReport.objects.filter(status=NeedReportStatus.OPEN).count()


def _locked_need(need_id: int, *, status: str | None = None) -> Need:
    need = Need.objects.select_for_update().filter(pk=need_id).first()
    if need is None or (status is not None and need.status != status):
        raise ModerationError(need_id)
    return need


@transaction.atomic
def approve_review(*, need_id: int) -> Need:
    """An editor opens a need that waited for review."""
    return approve(_locked_need(need_id, status=NeedStatus.REVIEW))


@transaction.atomic
def send_back_to_draft(*, need_id: int) -> Need:
    """An editor sends a need in review back to its partner, as a draft."""
    need = _locked_need(need_id, status=NeedStatus.REVIEW)
    need.status = NeedStatus.DRAFT
    need.save()
    return need


@transaction.atomic
def close_need(*, need_id: int) -> Need:
    """An editor closes a need (in review or flagged): it leaves the nearest-needs search."""
    need = _locked_need(need_id)
    need.status = NeedStatus.CLOSED
    need.save()
    return need


def _handle_reports(need_id: int, user, status: str) -> int:
    return NeedReport.objects.filter(need_id=need_id, status=NeedReportStatus.OPEN).update(
        status=status, handled_at=timezone.now(), handled_by=user
    )


@transaction.atomic
def dismiss_reports(*, need_id: int, user) -> int:
    """The need is fine: its open reports are closed without action; returns how many."""
    _locked_need(need_id)
    return _handle_reports(need_id, user, NeedReportStatus.DISMISSED)


@transaction.atomic
def act_on_reports(*, need_id: int, user, status: str) -> Need:
    """The reports were right: the need is paused or closed and its reports marked actioned."""
    if status not in ACTION_STATUSES:
        raise ValueError(f"status must be one of {ACTION_STATUSES}")
    need = _locked_need(need_id)
    need.status = status
    need.save()
    _handle_reports(need_id, user, NeedReportStatus.ACTIONED)
    return need
