"""Internal mobilisers: employees the sponsor names to be trained as citizen coordinators.

They become programme coordinators (``programme.Coordinator``) with a training to follow for
each of the sponsor's challenges; the team completes the training in the admin, after which
the placement engine gives them cohorts like any trained coordinator.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import mail, notify
from programme.models import Coordinator, CoordinatorTraining, Membership, MembershipStatus
from programme.services import REMOTE
from programme.services.content import canonical_challenge
from sponsors.models import SponsorMobiliser, SponsorPage
from sponsors.validators import email_domain


def mobilisers_of(sponsor: SponsorPage):
    return (
        SponsorMobiliser.objects.filter(sponsor_key=sponsor.canonical.sponsor_key)
        .select_related("coordinator__user")
        .prefetch_related("coordinator__trainings__challenge")
        .order_by("named_at")
    )


def _employee(sponsor: SponsorPage, email: str):
    """The active account of an employee: an address in the sponsor's domains, or a member of
    the sponsor's cohorts (joined with the company code)."""
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return None
    if email_domain(user.email) in sponsor.email_domains():
        return user
    in_cohorts = Membership.objects.filter(
        user=user,
        cohort__sponsor_key=sponsor.sponsor_key,
        status=MembershipStatus.PLACED,
    ).exists()
    return user if in_cohorts else None


@transaction.atomic
def name_mobiliser(sponsor: SponsorPage, *, email: str, challenge, named_by) -> SponsorMobiliser:
    sponsor = sponsor.canonical
    user = _employee(sponsor, email)
    if user is None:
        raise ValidationError(
            {
                "email": _(
                    "Aucun compte confirmé de salarié·e avec cette adresse : la personne doit "
                    "d'abord rejoindre le programme interne."
                )
            }
        )
    coordinator, _created = Coordinator.objects.get_or_create(
        user=user, defaults={"language": settings.LANGUAGE_CODE, "area": REMOTE}
    )
    CoordinatorTraining.objects.get_or_create(
        coordinator=coordinator, challenge=canonical_challenge(challenge)
    )
    link, created = SponsorMobiliser.objects.get_or_create(
        sponsor_key=sponsor.sponsor_key, coordinator=coordinator, defaults={"named_by": named_by}
    )
    if created:
        mail.after_commit(lambda: _notify_staff(sponsor, link, challenge))
    return link


def _notify_staff(sponsor: SponsorPage, link: SponsorMobiliser, challenge) -> None:
    notify.to_staff(
        subject=gettext_lazy("Mobilisateur·rice interne à former — %(sponsor)s"),
        subject_params={"sponsor": sponsor.title},
        template="sponsors/email/mobiliser_named.txt",
        context={"sponsor": sponsor, "mobiliser": link.coordinator, "challenge": challenge},
    ).send()
