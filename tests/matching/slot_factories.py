"""Slots for tests: a slot of a need at a time from now, volunteers with an email."""

import datetime

from django.utils import timezone

from matching.models import Slot
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
