"""Urgent-need alerts: one run per urgent need, one row per volunteer told (or skipped).

``NeedAlert`` is the send log, unique on (need, volunteer): the fan-out inserts the rows, then
chunk tasks *claim* them (a token and a time, committed) before any email leaves, mark each row
``sending`` just before its email and ``sent`` just after. A retried or duplicated chunk finds
the rows claimed or sent and sends nothing (see matching.services.alerts for the whole story).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from matching.models.needs import Need
from matching.models.volunteers import VolunteerProfile


class AlertRunStatus(models.TextChoices):
    PREPARING = "preparing", _("En préparation")
    SENDING = "sending", _("Envoi en cours")
    DONE = "done", _("Terminé")


class NeedAlertStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    CLAIMED = "claimed", _("Réservé par un envoi")
    SENDING = "sending", _("En cours d'envoi")
    SENT = "sent", _("Envoyé")
    CAPPED = "capped", _("Non envoyé : limite quotidienne atteinte")
    MUTED = "muted", _("Non envoyé : alertes coupées entre-temps")
    UNCERTAIN = "uncertain", _("Incertain : envoi interrompu (processus arrêté)")
    REFUSED = "refused", _("Non envoyé : adresse refusée par le serveur")


class AlertRun(models.Model):
    """The progress of one need's alerts, shown read-only in the admin."""

    need = models.OneToOneField(
        Need, verbose_name=_("besoin"), on_delete=models.CASCADE, related_name="alert_run"
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=AlertRunStatus.choices,
        default=AlertRunStatus.PREPARING,
    )
    matched = models.PositiveIntegerField(_("volontaires concernés"), default=0)
    sent = models.PositiveIntegerField(_("envoyés"), default=0)
    skipped_capped = models.PositiveIntegerField(_("limite quotidienne atteinte"), default=0)
    skipped_muted = models.PositiveIntegerField(_("alertes coupées entre-temps"), default=0)
    uncertain = models.PositiveIntegerField(_("envois interrompus"), default=0)
    refused = models.PositiveIntegerField(_("adresses refusées"), default=0)
    chunks = models.PositiveIntegerField(_("lots"), default=0)
    # Every message handed to the mail backend, counted apart from the rows: a duplicate send
    # would show here even if the rows hid it.
    messages_handed_over = models.PositiveIntegerField(
        _("messages remis au serveur d'envoi"), default=0
    )
    started_at = models.DateTimeField(_("commencé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("envoi d'alertes urgentes")
        verbose_name_plural = _("envois d'alertes urgentes")
        ordering = ["-started_at"]

    def __str__(self):
        return str(self.need)

    @property
    def progress_percent(self) -> int:
        if not self.matched:
            return 100 if self.status == AlertRunStatus.DONE else 0
        handled = (
            self.sent + self.skipped_capped + self.skipped_muted + self.uncertain + self.refused
        )
        return min(100, round(100 * handled / self.matched))


class NeedAlert(models.Model):
    need = models.ForeignKey(
        Need, verbose_name=_("besoin"), on_delete=models.CASCADE, related_name="alerts"
    )
    volunteer = models.ForeignKey(
        VolunteerProfile,
        verbose_name=_("volontaire"),
        on_delete=models.CASCADE,
        related_name="need_alerts",
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=NeedAlertStatus.choices,
        default=NeedAlertStatus.PENDING,
    )
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("réservé le"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("alerte urgente")
        verbose_name_plural = _("alertes urgentes")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "volunteer"], name="matching_one_alert_per_need_volunteer"
            )
        ]
        indexes = [
            # The daily cap counts a volunteer's alerts claimed since midnight.
            models.Index(fields=["volunteer", "claimed_at"], name="matching_alert_cap"),
            models.Index(fields=["volunteer", "created_at"], name="matching_alert_volunteer"),
        ]

    def __str__(self):
        return f"{self.need} → {self.volunteer}"
