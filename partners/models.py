"""Partner accounts: each user belongs to one partner organisation, as owner or member.

Editors (or a partner's owners) invite staff by email with a one-time link that expires; only
a hash of the token is stored.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerRole(models.TextChoices):
    OWNER = "owner", _("Responsable")
    MEMBER = "member", _("Membre")


class PartnerMember(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="partner_membership",
    )
    partner = models.ForeignKey(
        "challenges.PartnerPage",
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    role = models.CharField(
        _("rôle"), max_length=10, choices=PartnerRole.choices, default=PartnerRole.MEMBER
    )
    joined_at = models.DateTimeField(_("arrivée"), auto_now_add=True)
    notify_pledges = models.BooleanField(_("un e-mail à chaque nouvel engagement"), default=True)
    daily_summary = models.BooleanField(_("un résumé quotidien des engagements"), default=True)

    class Meta:
        verbose_name = _("membre d'un partenaire")
        verbose_name_plural = _("membres des partenaires")

    def __str__(self):
        return f"{self.user} — {self.partner} ({self.get_role_display()})"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class PartnerInvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(accepted_at=None, revoked=False, expires_at__gt=timezone.now())


class PartnerInvitation(models.Model):
    partner = models.ForeignKey(
        "challenges.PartnerPage",
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(
        _("rôle"), max_length=10, choices=PartnerRole.choices, default=PartnerRole.MEMBER
    )
    language = models.CharField(
        _("langue du message"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invité par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), editable=False)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True, editable=False)
    revoked = models.BooleanField(_("révoquée"), default=False)

    objects = PartnerInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation partenaire")
        verbose_name_plural = _("invitations partenaires")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.partner}"

    def issue_token(self) -> str:
        """A fresh one-time token (kept only as a hash) valid for the configured delay."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + timedelta(days=settings.PARTNER_INVITATION_DAYS)
        return token

    @property
    def is_usable(self) -> bool:
        return not self.accepted_at and not self.revoked and self.expires_at > timezone.now()


class DailySummaryLog(models.Model):
    """The send log of the partners' daily summary: one row per partner and day, claimed
    (inserted and committed) before any email leaves, so a partner never gets it twice a day."""

    partner = models.ForeignKey(
        "challenges.PartnerPage",
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("jour"))
    claimed_at = models.DateTimeField(_("préparé le"))
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    recipients = models.PositiveSmallIntegerField(_("destinataires"), default=0)
    pledges = models.PositiveIntegerField(_("engagements du jour"), default=0)

    class Meta:
        verbose_name = _("résumé quotidien envoyé")
        verbose_name_plural = _("résumés quotidiens envoyés")
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "day"], name="partners_one_summary_per_day")
        ]

    def __str__(self):
        return f"{self.partner} — {self.day}"
