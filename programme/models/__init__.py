"""Models of the programme room.

Dependencies point one way: ``programme_page`` (the schedule edited in Wagtail) knows only
``programme.blocks``; ``cohorts`` knows ``challenges.ChallengePage`` and the user model;
``emails`` knows cohorts and memberships; ``impact`` knows cohorts, challenges and, optionally,
``matching.Pledge``. Nothing here imports services, tasks or views.
"""

from programme.models.cohorts import (
    Cohort,
    CohortStatus,
    Coordinator,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
)
from programme.models.emails import CohortCall, CohortMessage, DailyEmail
from programme.models.impact import (
    ImpactReport,
    ImpactScope,
    ImpactTotal,
    ProgrammeCounter,
    ReportStatus,
)
from programme.models.programme_page import ProgrammePage

__all__ = [
    "Cohort",
    "CohortCall",
    "CohortMessage",
    "CohortStatus",
    "Coordinator",
    "CoordinatorTraining",
    "DailyEmail",
    "ImpactReport",
    "ImpactScope",
    "ImpactTotal",
    "Membership",
    "MembershipStatus",
    "ProgrammeCounter",
    "ProgrammePage",
    "ReportStatus",
]
