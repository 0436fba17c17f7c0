"""What the schedule sent and what coordinators did: the daily email log, calls, messages.

``DailyEmail`` is the send log of the schedule: one row per member and programme day, unique
on (membership, day). The row is *claimed* (inserted and committed) before the email leaves, so
a restart, a retried task or two workers can never send the same day twice (see
``programme.services.schedule`` for the crash window and what happens to it).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from programme.models.cohorts import Cohort, Membership


class DailyEmail(models.Model):
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("inscription"),
        on_delete=models.CASCADE,
        related_name="daily_emails",
    )
    day = models.PositiveSmallIntegerField(
        _("jour du programme"),
        validators=[MaxValueValidator(6)],
        help_text=_("0 = session de lancement, 1 à 5 = jours, 6 = session de clôture."),
    )
    claimed_at = models.DateTimeField(_("préparé le"))
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    opened_at = models.DateTimeField(_("ouvert le"), null=True, blank=True)

    class Meta:
        verbose_name = _("mail du programme")
        verbose_name_plural = _("mails du programme")
        ordering = ["membership", "day"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "day"], name="programme_one_email_per_member_day"
            )
        ]

    def __str__(self):
        return f"{self.membership} — {self.day}"


class CohortCall(models.Model):
    """The day's call of a cohort, marked done by its coordinator."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="calls")
    day = models.PositiveSmallIntegerField(
        _("jour du programme"), validators=[MaxValueValidator(6)]
    )
    done_at = models.DateTimeField(_("fait le"))
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("appel de la promotion")
        verbose_name_plural = _("appels des promotions")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "day"], name="programme_one_call_per_day")
        ]

    def __str__(self):
        return f"{self.cohort} — {self.day}"


class CohortMessage(models.Model):
    """A message a coordinator sent by email to every member of the cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("objet"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    recipients = models.PositiveSmallIntegerField(_("destinataires"), default=0)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("message à la promotion")
        verbose_name_plural = _("messages aux promotions")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.subject
