"""Fixtures of the programme room: a challenge of its own (no coordinator trained for it, no
cohort), an upcoming week, coordinators and confirmed volunteers."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from programme.services import content, placement, signup
from tests.factories import ChallengePageFactory, locale
from tests.programme.factories import CoordinatorFactory

_numbers = itertools.count(1)


def new_challenge(**fields):
    """A live challenge in French and English, tracking farmers supported."""
    return ChallengePageFactory(
        units={"producteurs-soutenus": "producteurs soutenus"}, translated=True, **fields
    )


@pytest.fixture
def challenge(db):
    return new_challenge()


@pytest.fixture
def challenge_en(challenge):
    return challenge.get_translation(locale("en")).specific


@pytest.fixture
def week(db) -> datetime.date:
    """A Monday four weeks ahead, when the demo has no cohort."""
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
        untrained = {} if trained else {"trained_for__completed_on": None}
        return CoordinatorFactory(language=language, area=area, trained_for=challenge, **untrained)

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
