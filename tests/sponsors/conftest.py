"""Fixtures of the sponsors room: the demo's thematic sponsor (Pharmacies du Cœur, whose
employees use @pharmacies-du-coeur.example), an upcoming week and sponsor cohorts."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from challenges.models import ChallengePage
from programme.models import Cohort, Coordinator, CoordinatorTraining
from programme.services import content
from sponsors.models import SponsorPage

_numbers = itertools.count(1)
DOMAIN = "pharmacies-du-coeur.example"
CODE = "COEUR-2026"


def path_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(f"sponsors:{name}", args=args)


def new_user(email=None, first_name="Test", **fields):
    email = email or f"person{next(_numbers)}@example.org"
    return get_user_model().objects.create_user(
        username=email,
        email=email,
        password="Mot-de-passe-de-test-1",
        first_name=first_name,
        **fields,
    )


def employee_email() -> str:
    return f"salarie{next(_numbers)}@{DOMAIN}"


@pytest.fixture
def sponsor(db) -> SponsorPage:
    return SponsorPage.objects.get(slug="pharmacies-du-coeur", locale__language_code="fr")


@pytest.fixture
def sponsor_en(sponsor) -> SponsorPage:
    return SponsorPage.objects.get(
        translation_key=sponsor.translation_key, locale__language_code="en"
    )


@pytest.fixture
def contact(sponsor):
    return sponsor.contacts.get()


@pytest.fixture
def caregivers(db) -> ChallengePage:
    return ChallengePage.objects.get(slug="soignants", locale__language_code="fr")


@pytest.fixture
def week(db) -> datetime.date:
    """Five weeks ahead: no demo cohort that week."""
    return content.next_mondays(timezone.localdate())[4]


@pytest.fixture
def make_cohort(db):
    """A cohort of the week with its own trained coordinator (sponsor's when ``sponsor_key``)."""

    def make(challenge, week, *, sponsor_key="", area="69", capacity=15):
        coordinator = Coordinator.objects.create(user=new_user(), language="fr", area=area)
        CoordinatorTraining.objects.create(
            coordinator=coordinator, challenge=challenge, completed_on=timezone.localdate()
        )
        return Cohort.objects.create(
            challenge=challenge,
            language="fr",
            area=area,
            start_date=week,
            coordinator=coordinator,
            capacity=capacity,
            sponsor_key=sponsor_key,
        )

    return make
