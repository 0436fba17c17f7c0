"""Pledges: a volunteer commits a quantity to a need. Made, completed and cancelled only
through matching.services.pledging, which keeps the need's counters exact."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from matching.models.choices import ContactChannel, PledgeStatus
from matching.models.needs import Need
from matching.models.volunteers import VolunteerProfile
from portal.choice_labels import ChoiceLabels


class Pledge(ChoiceLabels, models.Model):
    # Null once the volunteer deleted their account: the pledge stays, anonymous, so the
    # need's counters and the impact figures do not change.
    volunteer = models.ForeignKey(
        VolunteerProfile,
        verbose_name=_("volontaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledges",
    )
    need = models.ForeignKey(
        Need, verbose_name=_("besoin"), on_delete=models.PROTECT, related_name="pledges"
    )
    quantity = models.PositiveIntegerField(_("quantité"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("statut"), max_length=20, choices=PledgeStatus.choices, default=PledgeStatus.PLEDGED
    )
    contact_channel = models.CharField(
        _("coordonnées partagées avec le partenaire"),
        max_length=10,
        choices=ContactChannel.choices,
        default=ContactChannel.NONE,
    )
    created_at = models.DateTimeField(_("promis le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    done_at = models.DateTimeField(_("réalisé le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)

    # Not in Wagtail's reference index: a million needs would make every save and every
    # rebuild_references_index pay for it; nothing in the admin lists their usage.
    wagtail_reference_index_ignore = True

    panels = [FieldPanel("status")]

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="matching_pledge_quantity_positive"
            )
        ]

    def __str__(self):
        return f"{self.quantity} × {self.need}"
