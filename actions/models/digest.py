"""The weekly digest of new actions: who subscribed, and which week each of them received.

Volunteer accounts come later: a subscription is an email address confirmed by a link
(double opt-in). The delivery log is keyed by (subscription, week) with a unique constraint,
so a retried or concurrent task can never send the same week twice.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actions import weeks


def new_token() -> str:
    return secrets.token_urlsafe(32)


class DigestSubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class DigestSubscription(models.Model):
    email = models.EmailField(_("adresse e-mail"), unique=True)
    language = models.CharField(
        _("langue"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token = models.CharField(
        _("jeton de confirmation et de désinscription"),
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
    )
    created_at = models.DateTimeField(_("inscription"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désinscrite le"), null=True, blank=True)

    objects = DigestSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement à la lettre des actions")
        verbose_name_plural = _("abonnements à la lettre des actions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class DigestDelivery(models.Model):
    """One week's digest claimed for one subscription; ``sent_at`` once the mail has left."""

    subscription = models.ForeignKey(
        DigestSubscription,
        verbose_name=_("abonnement"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    week = models.DateField(_("semaine (lundi)"))
    action_count = models.PositiveSmallIntegerField(_("actions"), default=0)
    claimed_at = models.DateTimeField(_("préparée le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi de la lettre des actions")
        verbose_name_plural = _("envois de la lettre des actions")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "week"], name="actions_digest_once_per_week"
            )
        ]

    def __str__(self):
        return f"{self.subscription} — {weeks.iso_week_label(self.week)}"
