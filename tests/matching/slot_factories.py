"""Slots for tests: a slot of a need at a time from now, volunteers with an email."""

import datetime

from django.utils import timezone

from matching.models import Slot
from programme.models import Cohort, Membership, MembershipStatus
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, VolunteerProfileFactory


def make_slot(need=None, *, in_hours: float = 48, length_hours: float = 3, places: int = 2):
    starts = timezone.now() + datetime.timedelta(hours=in_hours)
    return Slot.objects.create(
        need=need or NeedFactory(),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=length_hours),
        places=places,
    )


def volunteer(first_name="Ada", *, language="fr"):
    user = UserFactory(first_name=first_name)
    return VolunteerProfileFactory(user=user, language=language)


def place_in_a_cohort(profile, cohort=None):
    """The profile's person placed in ``cohort`` (by default a demo cohort not cancelled)."""
    cohort = cohort or Cohort.objects.exclude(status="cancelled").first()
    Membership.objects.create(
        user=profile.user,
        challenge=cohort.challenge,
        language=cohort.language,
        area=cohort.area,
        start_date=cohort.start_date,
        cohort=cohort,
        status=MembershipStatus.PLACED,
    )
    return cohort
