"""Models of the matching room.

Dependencies point one way: ``places`` knows ``challenges.PartnerPage``; ``needs`` knows places
and ``challenges.ChallengePage``; ``volunteers`` knows the user model and challenges; ``pledges``
knows needs and volunteers. Nothing here imports services, tasks or views.
"""

from matching.models.choices import (
    Availability,
    GeocodingStatus,
    NeedStatus,
    PlaceKind,
    PledgeStatus,
    PublicPrecision,
    Skill,
    Urgency,
)
from matching.models.needs import Need
from matching.models.places import Place
from matching.models.pledges import Pledge
from matching.models.volunteers import VolunteerProfile

__all__ = [
    "Availability",
    "GeocodingStatus",
    "Need",
    "NeedStatus",
    "Place",
    "PlaceKind",
    "Pledge",
    "PledgeStatus",
    "PublicPrecision",
    "Skill",
    "Urgency",
    "VolunteerProfile",
]
