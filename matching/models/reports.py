"""Reports of needs that volunteers flag as wrong or abusive: the editors' moderation queue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from matching.models.choices import NeedReportReason, NeedReportStatus
from matching.models.needs import Need


class NeedReport(models.Model):
    need = models.ForeignKey(
        Need, verbose_name=_("besoin"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signalé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("motif"), max_length=10, choices=NeedReportReason.choices)
    message = models.TextField(_("précisions"), max_length=2000, blank=True)
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=NeedReportStatus.choices,
        default=NeedReportStatus.OPEN,
    )
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True)
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traité par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("signalement de besoin")
        verbose_name_plural = _("signalements de besoins")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="matching_report_queue")]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.need}"
