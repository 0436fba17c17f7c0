"""Factories of the programme room (fixed seed, see tests/factories.py): coordinators, cohorts
and the people placed in them."""

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from portal.weeks import week_start
from programme.models import (
    Cohort,
    Coordinator,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
)
from tests.factories import ChallengePageFactory, UserFactory


class CoordinatorFactory(DjangoModelFactory):
    """A coordinator; ``trained_for=challenge`` gives them that challenge's training, completed
    today unless ``trained_for__completed_on=None`` (still to follow)."""

    user = factory.SubFactory(UserFactory, first_name="Coord")
    language = "fr"
    area = "69"

    class Meta:
        model = Coordinator
        skip_postgeneration_save = True

    @factory.post_generation
    def trained_for(coordinator, create, challenge, **training):
        if create and challenge is not None:
            CoordinatorTraining.objects.create(
                coordinator=coordinator,
                challenge=challenge,
                **{"completed_on": timezone.localdate(), **training},
            )


class CohortFactory(DjangoModelFactory):
    """A cohort of this week (pass a ``coordinator`` trained for its challenge when the
    placement engine should see one)."""

    challenge = factory.SubFactory(ChallengePageFactory)
    language = "fr"
    area = "69"
    start_date = factory.LazyFunction(lambda: week_start(timezone.localdate()))
    coordinator = factory.SubFactory(
        CoordinatorFactory,
        language=factory.SelfAttribute("..language"),
        area=factory.SelfAttribute("..area"),
    )

    class Meta:
        model = Cohort


class MembershipFactory(DjangoModelFactory):
    """A confirmed person placed in ``cohort`` (its pool: challenge, language, area, week)."""

    user = factory.SubFactory(UserFactory)
    cohort = factory.SubFactory(CohortFactory)
    challenge = factory.SelfAttribute("cohort.challenge")
    language = factory.SelfAttribute("cohort.language")
    area = factory.SelfAttribute("cohort.area")
    start_date = factory.SelfAttribute("cohort.start_date")
    status = MembershipStatus.PLACED
    confirmed_at = factory.LazyFunction(timezone.now)
    placed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Membership
