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


class OrganisationKind(models.TextChoices):
    HOSPITAL = "hospital", _("Hôpital ou clinique")
    CARE_HOME = "care_home", _("EHPAD ou résidence pour personnes âgées")
    FARM = "farm", _("Ferme ou producteur")
    ASSOCIATION = "association", _("Association")
    SHOP = "shop", _("Commerce (point de collecte)")
    OTHER = "other", _("Autre organisation")


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("À examiner")
    APPROVED = "approved", _("Acceptée")
    REFUSED = "refused", _("Refusée")


class PartnerApplication(models.Model):
    """An organisation's request to become a partner, sent from the public form.

    Never shown publicly: editors read it in the admin; approving it creates the partner page
    (from the organisation's public facts only: name, website, challenges) and invites the
    contact person, whose name, email, phone and message stay here.
    """

    organisation_name = models.CharField(_("nom de l'organisation"), max_length=120)
    organisation_kind = models.CharField(
        _("type d'organisation"), max_length=20, choices=OrganisationKind.choices
    )
    challenges = models.ManyToManyField(
        "challenges.ChallengePage", verbose_name=_("défis"), blank=True, related_name="+"
    )
    postcode = models.CharField(_("code postal"), max_length=10)
    town = models.CharField(_("commune"), max_length=80)
    website = models.URLField(_("site web"), blank=True)
    contact_name = models.CharField(_("personne à contacter"), max_length=120)
    email = models.EmailField(_("adresse e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(
        _("langue"), max_length=5, choices=settings.LANGUAGES, default="fr", editable=False
    )
    consent_at = models.DateTimeField(
        _("consentement donné le"), default=timezone.now, editable=False
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
        editable=False,
    )
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    partner = models.ForeignKey(
        "challenges.PartnerPage",
        verbose_name=_("page partenaire créée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("candidature partenaire")
        verbose_name_plural = _("candidatures partenaires")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="partners_application_todo")]

    def __str__(self):
        return f"{self.organisation_name} ({self.get_organisation_kind_display()})"
