"""Impact reports and the totals they feed, kept incrementally.

A report is one solidarity action done, with a quantity of one impact unit of its challenge
(``challenges.ChallengeImpactMetric.unit``). Reports are recorded and rejected only through
``programme.services.impact``, which updates ``ProgrammeCounter`` and ``ImpactTotal`` with F()
expressions in the same transaction: pages read a handful of rows, never the reports.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from programme.models.cohorts import Cohort, Membership

MAX_QUANTITY_PER_REPORT = 100_000


class ReportStatus(models.TextChoices):
    COUNTED = "counted", _("Comptée")
    REJECTED = "rejected", _("Écartée")


class ImpactReport(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volontaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact_reports",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("inscription"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact_reports",
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("promotion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact_reports",
    )
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.SlugField(_("unité d'impact"), max_length=60)
    quantity = models.PositiveIntegerField(
        _("quantité"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY_PER_REPORT)],
    )
    # The action directory (``actions``) has no page model yet: any page may be linked, and
    # the link becomes a FK to actions.ActionPage once that model exists.
    action_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("action du répertoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pledge = models.ForeignKey(
        "matching.Pledge",
        verbose_name=_("engagement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact_reports",
    )
    partner_key = models.CharField(_("partenaire"), max_length=64, blank=True, editable=False)
    sponsor_key = models.CharField(_("sponsor"), max_length=64, blank=True, editable=False)
    note = models.CharField(_("précision"), max_length=280, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.COUNTED
    )
    created_at = models.DateTimeField(_("déclarée le"), auto_now_add=True)
    # Set while the report counts as one completion of its directory action: the marker that
    # makes counting idempotent (an approval retried or a report saved twice counts once).
    action_counted_at = models.DateTimeField(
        _("comptée dans l'action le"), null=True, blank=True, editable=False
    )

    panels = [FieldPanel("status")]

    class Meta:
        verbose_name = _("action déclarée")
        verbose_name_plural = _("actions déclarées")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cohort", "user"], name="programme_report_cohort")]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="programme_report_quantity_positive"
            )
        ]

    def __str__(self):
        return f"{self.quantity} {self.unit} — {self.challenge}"


class ImpactScope(models.TextChoices):
    CHALLENGE = "challenge", _("Défi")
    PARTNER = "partner", _("Partenaire")
    SPONSOR = "sponsor", _("Sponsor")


class ImpactTotal(models.Model):
    """Sum of counted reports per scope (a challenge, a partner, a sponsor) and unit."""

    scope = models.CharField(_("portée"), max_length=12, choices=ImpactScope.choices)
    key = models.CharField(_("clé"), max_length=64)
    unit = models.SlugField(_("unité d'impact"), max_length=60)
    quantity = models.BigIntegerField(_("quantité"), default=0)
    reports = models.PositiveIntegerField(_("actions déclarées"), default=0)

    class Meta:
        verbose_name = _("total d'impact")
        verbose_name_plural = _("totaux d'impact")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "unit"], name="programme_one_total_per_scope_unit"
            )
        ]

    def __str__(self):
        return f"{self.scope}:{self.key} {self.quantity} {self.unit}"


class ProgrammeCounter(models.Model):
    """The live figures of the home page: volunteers, actions (reports) and cohorts."""

    name = models.CharField(_("compteur"), max_length=32, primary_key=True)
    value = models.BigIntegerField(_("valeur"), default=0)

    class Meta:
        verbose_name = _("compteur du programme")
        verbose_name_plural = _("compteurs du programme")

    def __str__(self):
        return f"{self.name} = {self.value}"
