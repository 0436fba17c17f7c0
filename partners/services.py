"""Rules of partner accounts: invitations, acceptance, membership look-ups."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from challenges.models import PartnerPage
from partners.models import PartnerInvitation, PartnerMember, PartnerRole, hash_token
from portal import accounts, mail, notify
from portal.i18n import absolute_reverse, in_default_language, in_language


def membership_of(user) -> PartnerMember | None:
    if not user.is_authenticated:
        return None
    return PartnerMember.objects.select_related("partner").filter(user=user).first()


def partner_for_language(partner: PartnerPage, language_code: str) -> PartnerPage:
    """The partner's page in the given language when it exists (for display only)."""
    return in_language(partner, language_code)


def canonical_partner(partner: PartnerPage) -> PartnerPage:
    """The partner's page in the default language: the one memberships and places point to."""
    return in_default_language(partner)


@transaction.atomic
def invite(
    *,
    partner: PartnerPage,
    email: str,
    role: str = PartnerRole.MEMBER,
    invited_by=None,
    language: str = "fr",
) -> tuple[PartnerInvitation, str]:
    """Create an invitation and email its one-time link; returns it with the clear token."""
    invitation = PartnerInvitation(
        partner=canonical_partner(partner),
        email=accounts.normalise_email(email),
        role=role,
        invited_by=invited_by,
        language=language,
    )
    token = invitation.issue_token()
    invitation.full_clean()
    invitation.save()
    mail.after_commit(lambda: send_invitation_email(invitation, token))
    return invitation, token


def invitation_url(invitation: PartnerInvitation, token: str) -> str:
    return absolute_reverse("partners:accept_invitation", invitation.language, token)


def send_invitation_email(invitation: PartnerInvitation, token: str) -> None:
    partner = partner_for_language(invitation.partner, invitation.language)
    notify.send(
        to=invitation.email,
        language=invitation.language,
        subject=gettext_lazy(
            "Invitation à rejoindre l'espace partenaire de %(partner)s sur ré_action"
        ),
        subject_params={"partner": partner.title},
        template="partners/email/invitation.txt",
        context={
            "invitation": invitation,
            "partner": partner,
            "url": invitation_url(invitation, token),
            "days": settings.PARTNER_INVITATION_DAYS,
        },
    )


def find_usable_invitation(token: str) -> PartnerInvitation | None:
    return (
        PartnerInvitation.objects.usable()
        .select_related("partner")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def accept(*, token: str, user) -> PartnerMember:
    """Join the invitation's partner; the link then stops working."""
    invitation = (
        PartnerInvitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or not invitation.is_usable:
        raise ValidationError(_("Cette invitation n'est plus valable."), code="unusable")
    if accounts.normalise_email(user.email) != invitation.email:
        raise ValidationError(
            _("Cette invitation a été envoyée à une autre adresse e-mail."), code="other_email"
        )
    existing = PartnerMember.objects.filter(user=user).first()
    if existing is not None and existing.partner_id != invitation.partner_id:
        raise ValidationError(
            _("Votre compte appartient déjà à un autre partenaire."), code="other_partner"
        )
    member, _created = PartnerMember.objects.update_or_create(
        user=user, defaults={"partner": invitation.partner, "role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return member


@transaction.atomic
def create_account_and_accept(*, token: str, first_name: str, password: str):
    """A new account for the invited address, joined to the partner in one transaction."""
    invitation = find_usable_invitation(token)
    if invitation is None:
        raise ValidationError(_("Cette invitation n'est plus valable."), code="unusable")
    if accounts.find_account(invitation.email) is not None:
        raise ValidationError(
            _("Un compte existe déjà pour cette adresse : connectez-vous pour accepter."),
            code="account_exists",
        )
    user = accounts.create_confirmed(
        email=invitation.email, first_name=first_name, password=password
    )
    accept(token=token, user=user)
    return user
