"""What the volunteer space shows of the programme: one's weeks (cohort, coordinator, call
and chat links, waiting position) and one's impact reports, in the reader's language."""

from django.db.models import QuerySet

from programme.models import ImpactReport, Membership, MembershipStatus
from programme.services import content, coordination

REPORTS_SHOWN = 20


def weeks_of(user, language: str) -> list[Membership]:
    """The person's enrolments (placed or waiting), latest week first; each carries
    ``challenge_here``, its challenge's page in ``language``."""
    memberships = list(
        Membership.objects.filter(user=user)
        .exclude(status__in=[MembershipStatus.CANCELLED, MembershipStatus.PENDING])
        .select_related("cohort", "cohort__coordinator__user", "challenge")
        .order_by("-start_date")
    )
    for membership in memberships:
        membership.challenge_here = content.challenge_in_language(membership.challenge, language)
    return memberships


def reports_of(user, language: str) -> list[ImpactReport]:
    """The person's latest reports; each carries ``unit_label`` in ``language``."""
    reports: QuerySet = user.impact_reports.select_related("challenge").order_by("-created_at")
    reports = list(reports[:REPORTS_SHOWN])
    labels = {
        (metric.page.translation_key, metric.unit): metric.label
        for metric in content.metrics_for_language(language)
    }
    for report in reports:
        report.unit_label = labels.get((report.challenge.translation_key, report.unit), report.unit)
    return reports


def is_coordinator(user) -> bool:
    return coordination.coordinator_of(user) is not None
