"""Employees join a sponsor's internal programme: dedicated cohorts, same placement engine.

Eligibility: the company code (compared through Django's hashers, in constant time) or an email
address in one of the sponsor's domains. The address is verified: a new account is confirmed by
a link sent to it before any placement, and a signed-in person is checked on their account's
address (never on an address typed in the form).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programme.models import Membership
from programme.services import signup
from sponsors.models import SponsorPage
from sponsors.validators import email_domain


def is_eligible(sponsor: SponsorPage, *, email: str, company_code: str = "") -> bool:
    sponsor = sponsor.canonical
    domain_ok = bool(email) and email_domain(email) in sponsor.email_domains()
    # Always run the hasher (even when the domain matches): the answer takes the same time.
    code_ok = sponsor.company_code_matches(company_code)
    return domain_ok or code_ok


def refusal_message() -> str:
    return _(
        "Ce programme est réservé aux salarié·es de l'entreprise : utilisez votre adresse "
        "e-mail professionnelle ou saisissez le code entreprise communiqué en interne."
    )


def _check(sponsor: SponsorPage, email: str, company_code: str) -> None:
    if not is_eligible(sponsor, email=email, company_code=company_code):
        raise ValidationError({"company_code": refusal_message()})


@transaction.atomic
def sign_up_employee(
    sponsor: SponsorPage,
    *,
    email: str,
    first_name: str,
    password: str,
    choice: signup.Choice,
    company_code: str = "",
) -> None:
    """Someone without an account signs up through the sponsor's page (then confirms)."""
    _check(sponsor, email, company_code)
    signup.sign_up(
        email=email,
        first_name=first_name,
        password=password,
        choice=choice,
        sponsor_key=sponsor.canonical.sponsor_key,
    )


@transaction.atomic
def join_as_employee(
    sponsor: SponsorPage, user, *, choice: signup.Choice, company_code: str = ""
) -> Membership:
    """A signed-in person joins the sponsor's cohorts at once (their account's address counts)."""
    _check(sponsor, user.email, company_code)
    return signup.join(user, choice, sponsor_key=sponsor.canonical.sponsor_key)
