"""What the sign-up form tells before anyone submits: the cohorts that exist for an area and
a challenge (in the area, and remote), their weeks, language and places left."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from challenges.models import ChallengePage
from programme.areas import REMOTE
from programme.models import Cohort, CohortStatus, MembershipStatus
from programme.services.content import canonical_challenge

MAX_LISTED = 30


@dataclass(frozen=True)
class CohortOffer:
    start_date: datetime.date
    language: str
    remote: bool
    capacity: int
    members: int

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.members, 0)


def upcoming_cohorts(
    challenge: ChallengePage, area: str, *, today: datetime.date
) -> list[CohortOffer]:
    """Public cohorts of the challenge starting after ``today``, in ``area`` and remote,
    by week (local first within a week). One query whatever their number."""
    areas = {area, REMOTE}
    cohorts = (
        Cohort.objects.filter(
            challenge=canonical_challenge(challenge),
            area__in=areas,
            sponsor_key="",
            start_date__gt=today,
            status__in=[CohortStatus.FORMING, CohortStatus.FULL],
        )
        .annotate(
            members=Count("memberships", filter=Q(memberships__status=MembershipStatus.PLACED))
        )
        .order_by("start_date", "pk")[:MAX_LISTED]
    )
    offers = [
        CohortOffer(
            start_date=cohort.start_date,
            language=cohort.language,
            remote=cohort.area == REMOTE,
            capacity=cohort.capacity,
            members=cohort.members,
        )
        for cohort in cohorts
    ]
    return sorted(offers, key=lambda offer: (offer.start_date, offer.remote))
