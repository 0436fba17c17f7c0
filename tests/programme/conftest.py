"""Fixtures of the programme room: demo challenges, an upcoming week far from the demo
cohorts, and factories for coordinators and confirmed volunteers."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale

import pytest

from challenges.models import ChallengePage
from programme.models import Coordinator, CoordinatorTraining
from programme.services import content, placement, signup

_numbers = itertools.count(1)


@pytest.fixture
def challenge(db):
    return ChallengePage.objects.get(slug="agriculteurs-locaux", locale__language_code="fr")


@pytest.fixture
def challenge_en(challenge):
    return challenge.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def week(db) -> datetime.date:
    """A Monday four weeks ahead: no demo cohort that week (and no demo coordinator is
    trained for the local farmers challenge)."""
    return content.next_mondays(timezone.localdate())[3]


def path_in(language: str, name: str, *args) -> str:
    """A programme page's path in a language (English paths come from the catalogue)."""
    with translation.override(language):
        return reverse(f"programme:{name}", args=args)


def new_user(first_name="Test", **fields):
    number = next(_numbers)
    email = f"person{number}@example.org"
    return get_user_model().objects.create_user(
        username=email,
        email=email,
        password="Mot-de-passe-de-test-1",
        first_name=first_name,
        **fields,
    )


@pytest.fixture
def make_coordinator(db):
    def make(challenge, *, language="fr", area="69", trained=True):
        coordinator = Coordinator.objects.create(
            user=new_user("Coord"), language=language, area=area
        )
        CoordinatorTraining.objects.create(
            coordinator=coordinator,
            challenge=challenge,
            completed_on=timezone.localdate() if trained else None,
        )
        return coordinator

    return make


@pytest.fixture
def join(db):
    """A confirmed volunteer joining a pool (the signed-in path of the sign-up service)."""

    def make(challenge, week, *, language="fr", area="69", user=None):
        user = user or new_user()
        choice = signup.Choice(challenge=challenge, start_date=week, language=language, area=area)
        return signup.join(user, choice)

    return make


@pytest.fixture
def pool_of():
    return placement.Pool.of
