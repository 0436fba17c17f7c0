"""Factories of the sponsors room (fixed seed, see tests/factories.py): tiers and sponsor pages,
and a sponsor's dedicated cohort with its employees' reports."""

from django.contrib.auth.hashers import make_password

import factory
from factory.django import DjangoModelFactory

from programme.models import CohortStatus
from programme.services import REMOTE, impact, sponsorship
from sponsors.models import (
    THEMATIC_AMOUNT_EUR,
    SponsorPage,
    SponsorTier,
    normalise_code,
)
from tests.factories import (
    ImageFactory,
    TranslatedPageFactory,
    locale,
    parent_for,
    translated_in_english,
)
from tests.programme.factories import CohortFactory, CoordinatorFactory, MembershipFactory


class SponsorTierFactory(DjangoModelFactory):
    """A tier (10 000 €; ``thematic=True``: thematic or geographic, 20 000 €);
    ``translated__name="…"`` adds its English version."""

    locale = factory.LazyFunction(lambda: locale("fr"))
    name = factory.Sequence(lambda n: f"Niveau d'essai {n}")
    amount_eur = 10_000
    order = 1
    benefits = "<ul><li>Votre nom sur le site</li></ul>"

    class Params:
        thematic = factory.Trait(amount_eur=THEMATIC_AMOUNT_EUR, order=2)

    translated = translated_in_english

    class Meta:
        model = SponsorTier
        skip_postgeneration_save = True


class SponsorPageFactory(TranslatedPageFactory):
    """A live sponsor under the sponsors' index, with a logo; ``company_code="…"`` stores its
    hash as the admin does."""

    parent = factory.LazyFunction(lambda: parent_for(SponsorPage))
    title = factory.Sequence(lambda n: f"Entreprise d'essai {n}")
    tier = factory.SubFactory(SponsorTierFactory)
    logo = factory.SubFactory(ImageFactory)
    message = "<p>Nous soutenons ré_action.</p>"
    allowed_email_domains = factory.LazyAttribute(lambda page: f"{page.slug}.example")
    company_code_hash = factory.LazyAttribute(
        lambda page: make_password(normalise_code(page.company_code))
    )

    class Params:
        company_code = "CODE-D-ESSAI"

    class Meta:
        model = SponsorPage


# The employees of a sponsor's dedicated cohort and what they reported: 65 face shields and a
# respirator, three reports.
EMPLOYEES = [("yanis", "Yanis"), ("zoe", "Zoé"), ("malik", "Malik")]
REPORTS = [(0, "visieres", 40), (1, "visieres", 25), (2, "respirateurs", 1)]


def dedicated_cohort_with_reports(sponsor: SponsorPage, challenge, *, domain: str):
    """This week's running cohort of ``sponsor``'s employees (remote, on ``challenge``), its
    members linked to the sponsor, and their reports (``REPORTS``)."""
    cohort = CohortFactory(
        challenge=challenge,
        area=REMOTE,
        status=CohortStatus.RUNNING,
        sponsor_key=sponsor.sponsor_key,
        coordinator=CoordinatorFactory(area=REMOTE, trained_for=challenge),
    )
    members = [
        MembershipFactory(
            cohort=cohort,
            user__username=f"{name}@{domain}",
            user__email=f"{name}@{domain}",
            user__first_name=first_name,
        )
        for name, first_name in EMPLOYEES
    ]
    for membership in members:
        sponsorship.link_to_sponsor(membership, sponsor.sponsor_key)
    for index, unit, quantity in REPORTS:
        impact.record_report(
            user=members[index].user, challenge=challenge, unit=unit, quantity=quantity
        )
    return cohort
