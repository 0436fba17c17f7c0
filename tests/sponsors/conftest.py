"""Fixtures of the sponsors room: a thematic sponsor of its own (Officines Solidaires, whose
employees use @officines-solidaires.example or the company code) on a challenge of its own, its
dedicated cohort with reports, an upcoming week and sponsor cohorts."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from challenges.models import ChallengePage
from programme.services import content
from sponsors.models import SponsorPage
from tests.factories import ChallengePageFactory
from tests.programme.factories import CohortFactory, CoordinatorFactory
from tests.sponsors.factories import (
    SponsorPageFactory,
    SponsorTierFactory,
    dedicated_cohort_with_reports,
)

_numbers = itertools.count(1)
DOMAIN = "officines-solidaires.example"
CODE = "OFFICINES-2026"


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
def caregivers(db) -> ChallengePage:
    return ChallengePageFactory(
        title="Soutien aux soignants des officines",
        units={"visieres": "visières livrées", "respirateurs": "respirateurs prêtés"},
        translated__title="Support for pharmacy caregivers",
    )


@pytest.fixture
def sponsor(caregivers) -> SponsorPage:
    """Themed on ``caregivers``, in a yellow that needs dark text, with one contact (Nadia)."""
    return SponsorPageFactory(
        title="Officines Solidaires",
        tier=SponsorTierFactory(
            thematic=True, name="Mécénat thématique", translated__name="Thematic patronage"
        ),
        theme=caregivers,
        brand_colour="#ffd166",
        text_colour="#1b1b1f",
        allowed_email_domains=DOMAIN,
        company_code=CODE,
        contacts=[new_user(f"direction@{DOMAIN}", first_name="Nadia")],
        translated__message="<p>Our pharmacies support ré_action.</p>",
    )


@pytest.fixture
def sponsor_en(sponsor) -> SponsorPage:
    return SponsorPage.objects.get(
        translation_key=sponsor.translation_key, locale__language_code="en"
    )


@pytest.fixture
def contact(sponsor):
    return sponsor.contacts.get()


@pytest.fixture
def dedicated_cohort(sponsor, caregivers):
    """This week's cohort of the sponsor's employees (Yanis, Zoé, Malik), who reported 65 face
    shields and a respirator."""
    return dedicated_cohort_with_reports(sponsor, caregivers, domain=DOMAIN)


@pytest.fixture
def week(db) -> datetime.date:
    """Five weeks ahead: no demo cohort that week."""
    return content.next_mondays(timezone.localdate())[4]


@pytest.fixture
def make_cohort(db):
    """A cohort of the week with its own trained coordinator (sponsor's when ``sponsor_key``)."""

    def make(challenge, week, *, sponsor_key="", area="69", capacity=15):
        return CohortFactory(
            challenge=challenge,
            area=area,
            start_date=week,
            coordinator=CoordinatorFactory(area=area, trained_for=challenge),
            capacity=capacity,
            sponsor_key=sponsor_key,
        )

    return make
