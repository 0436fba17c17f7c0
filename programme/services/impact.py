"""Impact reports and the counters they feed, aggregated incrementally.

``record_report`` writes the report and adds it to ``ImpactTotal`` (per challenge, partner and
sponsor) and to the ``actions`` ``ProgrammeCounter`` with F() expressions, in one transaction.
Readers (``live_impact_counts``, ``impact_totals_for_*``) read a few rows: their cost does not
grow with the number of reports. ``recount_impact_totals`` rebuilds everything from the reports
(a repair tool, never called by a page).

A counted report linked to a directory action is also one completion of that action
(``actions.services.record_action_done``), exactly once: the report's ``action_counted_at``
marker is set by a conditional UPDATE before the action's counter moves, so an approval retried,
a report saved twice or two editors clicking at once count it once; setting the report aside
takes the completion back. A report of a pledge already marked done for the same action (which
counted it, see ``count_pledge_for_its_action``) does not count it a second time.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.services import record_action_done
from challenges.models import ChallengeImpactMetric, ChallengePage
from matching.models import Need, Pledge, PledgeStatus
from programme.models import (
    Cohort,
    CohortStatus,
    ImpactReport,
    ImpactScope,
    ImpactTotal,
    Membership,
    MembershipStatus,
    ProgrammeCounter,
    ReportStatus,
)
from programme.services.content import canonical_challenge

COUNTERS = ("volunteers", "actions")


def bump_counter(name: str, delta: int) -> None:
    """Add ``delta`` to a live counter, creating it at 0 first (safe under concurrency)."""
    if ProgrammeCounter.objects.filter(name=name).update(value=F("value") + delta):
        return
    try:
        with transaction.atomic():
            ProgrammeCounter.objects.create(name=name, value=delta)
    except IntegrityError:  # created meanwhile by a concurrent transaction
        ProgrammeCounter.objects.filter(name=name).update(value=F("value") + delta)


def _add_total(scope: str, key: str, unit: str, quantity: int, reports: int) -> None:
    if not key:
        return
    rows = ImpactTotal.objects.filter(scope=scope, key=key, unit=unit)
    if rows.update(quantity=F("quantity") + quantity, reports=F("reports") + reports):
        return
    try:
        with transaction.atomic():
            ImpactTotal.objects.create(
                scope=scope, key=key, unit=unit, quantity=quantity, reports=reports
            )
    except IntegrityError:
        rows.update(quantity=F("quantity") + quantity, reports=F("reports") + reports)


def _apply(report: ImpactReport, sign: int) -> None:
    """Add (sign=1) or remove (sign=-1) a counted report from every total it feeds."""
    quantity, reports = sign * report.quantity, sign
    _add_total(
        ImpactScope.CHALLENGE, str(report.challenge.translation_key), report.unit, quantity, reports
    )
    _add_total(ImpactScope.PARTNER, report.partner_key, report.unit, quantity, reports)
    _add_total(ImpactScope.SPONSOR, report.sponsor_key, report.unit, quantity, reports)
    bump_counter("actions", sign)
    _count_in_action(report, sign)


def _pledge_done_for_action(pledge, action_page) -> bool:
    """The pledge was marked done on a need of the same action: that counted the action."""
    if pledge is None or pledge.status != PledgeStatus.DONE:
        return False
    need_action_key = (
        pledge.need.action.translation_key if pledge.need.action_id is not None else None
    )
    return need_action_key == action_page.translation_key


def _count_in_action(report: ImpactReport, sign: int) -> None:
    """One completion of the report's action, added (sign=1) or taken back (sign=-1) at most
    once: only the call whose conditional UPDATE flips the marker moves the counter."""
    if report.action_page_id is None:
        return
    rows = ImpactReport.objects.filter(pk=report.pk)
    if sign > 0:
        if _pledge_done_for_action(report.pledge, report.action_page):
            return
        report.action_counted_at = timezone.now()
        flipped = rows.filter(action_counted_at=None).update(
            action_counted_at=report.action_counted_at
        )
    else:
        report.action_counted_at = None
        flipped = rows.exclude(action_counted_at=None).update(action_counted_at=None)
    if flipped:
        record_action_done(report.action_page, times=sign)


def count_pledge_for_its_action(pledge: Pledge) -> None:
    """A pledge just marked done (``matching.services.pledge_completed``, once per pledge) counts
    one completion of its need's action, unless a counted report of it already did."""
    need = Need.objects.select_related("action").get(pk=pledge.need_id)
    if need.action is not None and not pledge_counted_by_report(pledge, need.action):
        record_action_done(need.action)


def pledge_counted_by_report(pledge, action_page) -> bool:
    """A counted report of this pledge already added one completion to this action."""
    return ImpactReport.objects.filter(
        pledge=pledge,
        action_page__translation_key=action_page.translation_key,
        action_counted_at__isnull=False,
    ).exists()


def units_of(challenge: ChallengePage) -> list[str]:
    """Impact units the challenge tracks (its metrics, the same in every language)."""
    return list(
        ChallengeImpactMetric.objects.filter(page=canonical_challenge(challenge))
        .order_by("sort_order")
        .values_list("unit", flat=True)
    )


def _partner_key(pledge) -> str:
    place = pledge.need.place
    partner = place.partner if place is not None else None
    return str(partner.translation_key) if partner is not None else ""


def reporting_membership(user, challenge: ChallengePage) -> Membership | None:
    """The volunteer's latest confirmed enrolment in the challenge (their cohort's, if any)."""
    return (
        Membership.objects.filter(
            user=user,
            challenge=challenge,
            status__in=[MembershipStatus.PLACED, MembershipStatus.WAITING],
        )
        .select_related("cohort")
        .order_by("-start_date")
        .first()
    )


@transaction.atomic
def record_report(
    *,
    user,
    challenge: ChallengePage,
    unit: str,
    quantity: int,
    action_page=None,
    pledge=None,
    note: str = "",
) -> ImpactReport:
    """A volunteer reports one action done, with its quantity of one of the challenge's units."""
    challenge = canonical_challenge(challenge)
    if unit not in units_of(challenge):
        raise ValidationError({"unit": _("Cette unité n'est pas suivie par ce défi.")})
    if pledge is not None and pledge.volunteer.user_id != user.pk:
        raise ValidationError({"pledge": _("Cet engagement n'est pas le vôtre.")})
    membership = reporting_membership(user, challenge)
    cohort = membership.cohort if membership is not None else None
    report = ImpactReport(
        user=user,
        membership=membership,
        cohort=cohort,
        challenge=challenge,
        unit=unit,
        quantity=quantity,
        action_page=action_page,
        pledge=pledge,
        partner_key=_partner_key(pledge) if pledge is not None else "",
        sponsor_key=cohort.sponsor_key if cohort is not None else "",
        note=note.strip(),
    )
    report.full_clean()
    report.save()
    _apply(report, 1)
    return report


@transaction.atomic
def set_report_status(report: ImpactReport, status: str) -> ImpactReport:
    """Editors set a report aside (rejected) or count it again; totals follow."""
    report = ImpactReport.objects.select_for_update().select_related("challenge").get(pk=report.pk)
    if report.status == status:
        return report
    report.status = status
    report.save(update_fields=["status"])
    _apply(report, 1 if status == ReportStatus.COUNTED else -1)
    return report


def forget_report(report: ImpactReport) -> None:
    """Called before a report is deleted: a counted report leaves the totals (and its
    action's completions)."""
    if report.status == ReportStatus.COUNTED:
        _apply(report, -1)


def live_impact_counts() -> dict[str, int]:
    """What the portal counts live: volunteers signed up, actions done, cohorts run.

    Actions done are the counted reports plus the pledges partners marked done that no
    counted report describes (a report of a done pledge is the same action, counted once).
    Three small queries whatever the number of reports: the counters table (volunteers and
    reports, kept by the services), the count of such pledges and of the cohorts that were not
    cancelled. The home page reads them through its cache (refreshed by a beat task).
    """
    values = dict(ProgrammeCounter.objects.filter(name__in=COUNTERS).values_list("name", "value"))
    cohorts = Cohort.objects.exclude(status=CohortStatus.CANCELLED).count()
    return {
        "volunteers": int(values.get("volunteers", 0)),
        "actions": int(values.get("actions", 0)) + pledges_done_without_report(),
        "cohorts": cohorts,
    }


def pledges_done_without_report() -> int:
    """Pledges marked done by their partner that no counted impact report describes."""
    reported = ImpactReport.objects.filter(
        status=ReportStatus.COUNTED, pledge__isnull=False
    ).values("pledge_id")
    return Pledge.objects.filter(status=PledgeStatus.DONE).exclude(pk__in=reported).count()


def _totals(scope: str, key) -> dict[str, int]:
    return dict(
        ImpactTotal.objects.filter(scope=scope, key=str(key)).values_list("unit", "quantity")
    )


def impact_totals_for_challenge(translation_key) -> dict[str, int]:
    """Reported quantities per impact unit for a challenge (any language: its translation key)."""
    return _totals(ImpactScope.CHALLENGE, translation_key)


def impact_totals_for_partner(translation_key) -> dict[str, int]:
    """Reported quantities per unit for reports linked to pledges on the partner's needs."""
    return _totals(ImpactScope.PARTNER, translation_key)


def impact_totals_for_sponsor(sponsor_key: str) -> dict[str, int]:
    """Reported quantities per unit by members of the sponsor's dedicated cohorts."""
    return _totals(ImpactScope.SPONSOR, sponsor_key)


def reports_count_for_sponsor(sponsor_key: str) -> int:
    """Actions reported (counted) by members of the sponsor's dedicated cohorts."""
    total = ImpactTotal.objects.filter(scope=ImpactScope.SPONSOR, key=str(sponsor_key)).aggregate(
        reports=Sum("reports")
    )
    return int(total["reports"] or 0)


@transaction.atomic
def recount_impact_totals() -> None:
    """Rebuild every total and the actions counter from the counted reports (repair tool)."""
    ImpactTotal.objects.all().delete()
    counted = ImpactReport.objects.filter(status=ReportStatus.COUNTED)
    scopes = (
        (ImpactScope.CHALLENGE, "challenge__translation_key"),
        (ImpactScope.PARTNER, "partner_key"),
        (ImpactScope.SPONSOR, "sponsor_key"),
    )
    for scope, field in scopes:
        rows = counted.exclude(**{field: ""}) if field != "challenge__translation_key" else counted
        ImpactTotal.objects.bulk_create(
            ImpactTotal(
                scope=scope,
                key=str(row[field]),
                unit=row["unit"],
                quantity=row["q"],
                reports=row["n"],
            )
            for row in rows.values(field, "unit").annotate(q=Sum("quantity"), n=Count("pk"))
        )
    ProgrammeCounter.objects.update_or_create(name="actions", defaults={"value": counted.count()})
    volunteers = (
        Membership.objects.filter(confirmed_at__isnull=False).values("user").distinct().count()
    )
    ProgrammeCounter.objects.update_or_create(name="volunteers", defaults={"value": volunteers})
