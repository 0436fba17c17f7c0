"""Emails sent to a volunteer about one of their pledges (its confirmation, the reminder
before the need ends): one row per pledge and kind, claimed in the transaction that sends the
email, so a retried task or a second beat run sends nothing twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from matching.models.pledges import Pledge


class PledgeEmailKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation")
    REMINDER = "reminder", _("Rappel")


class PledgeEmail(models.Model):
    pledge = models.ForeignKey(
        Pledge, verbose_name=_("engagement"), on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(_("type"), max_length=20, choices=PledgeEmailKind.choices)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("e-mail d'engagement")
        verbose_name_plural = _("e-mails d'engagement")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "kind"], name="matching_pledge_email_once")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.pledge_id}"
