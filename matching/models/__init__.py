"""Models of the matching room.

Dependencies point one way: ``places`` knows ``challenges.PartnerPage``; ``needs`` knows places
and ``challenges.ChallengePage``; ``volunteers`` knows the user model and challenges; ``pledges``
knows needs and volunteers; ``pledge_emails`` (a pledge's confirmation and reminder,
each once) knows pledges; ``alerts`` (urgent-need alerts) knows needs and volunteers;
``slots`` (time slots, their bookings and waiting lists) knows needs and volunteers.
Nothing here imports services, tasks or views.
"""

from matching.models.alerts import AlertRun, AlertRunStatus, NeedAlert, NeedAlertStatus
from matching.models.choices import (
    Availability,
    ContactChannel,
    GeocodingStatus,
    NeedReportReason,
    NeedReportStatus,
    NeedStatus,
    PlaceKind,
    PledgeStatus,
    PublicPrecision,
    Skill,
    Urgency,
)
from matching.models.needs import Need
from matching.models.places import Place
from matching.models.pledge_emails import PledgeEmail, PledgeEmailKind
from matching.models.pledges import Pledge
from matching.models.reports import NeedReport
from matching.models.slots import (
    Slot,
    SlotBooking,
    SlotBookingStatus,
    SlotWaitlistEntry,
    WaitlistStatus,
)
from matching.models.volunteers import VolunteerProfile

__all__ = [
    "AlertRun",
    "AlertRunStatus",
    "Availability",
    "ContactChannel",
    "GeocodingStatus",
    "Need",
    "NeedAlert",
    "NeedAlertStatus",
    "NeedReport",
    "NeedReportReason",
    "NeedReportStatus",
    "NeedStatus",
    "Place",
    "PlaceKind",
    "Pledge",
    "PledgeEmail",
    "PledgeEmailKind",
    "PledgeStatus",
    "PublicPrecision",
    "Skill",
    "Slot",
    "SlotBooking",
    "SlotBookingStatus",
    "SlotWaitlistEntry",
    "Urgency",
    "VolunteerProfile",
    "WaitlistStatus",
]
