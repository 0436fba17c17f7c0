"""Volunteering hours of a sponsor's employees: the done slots of the people placed in the
sponsor's dedicated cohorts. A sum only, never a person."""

from decimal import Decimal

from matching.services.slots import hours_done
from programme.models import Cohort, CohortStatus, Membership, MembershipStatus


def employee_hours(sponsor_key: str) -> Decimal:
    cohorts = Cohort.objects.filter(sponsor_key=sponsor_key).exclude(status=CohortStatus.CANCELLED)
    employees = Membership.objects.filter(
        cohort__in=cohorts, status=MembershipStatus.PLACED
    ).values("user_id")
    return hours_done(user_ids=employees)
