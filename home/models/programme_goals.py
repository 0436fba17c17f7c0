from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="crosshairs")
class ProgrammeGoals(BaseSiteSetting):
    """The programme's goals and the figures recorded outside the portal (editable)."""

    goal_volunteers = models.PositiveIntegerField(_("objectif de volontaires"), default=15_000)
    goal_actions = models.PositiveIntegerField(_("objectif d'actions"), default=100_000)
    recorded_volunteers = models.PositiveIntegerField(
        _("volontaires déjà engagés hors portail"), default=0
    )
    recorded_actions = models.PositiveIntegerField(
        _("actions déjà réalisées hors portail"), default=0
    )
    recorded_cohorts = models.PositiveIntegerField(
        _("promotions déjà accompagnées hors portail"), default=0
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("goal_volunteers"), FieldPanel("goal_actions")], heading=_("Objectifs")
        ),
        MultiFieldPanel(
            [
                FieldPanel("recorded_volunteers"),
                FieldPanel("recorded_actions"),
                FieldPanel("recorded_cohorts"),
            ],
            heading=_("Chiffres enregistrés hors portail"),
        ),
    ]

    class Meta:
        verbose_name = _("objectifs du programme")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(counters_cache_key(self.site_id))


def counters_cache_key(site_id: int) -> str:
    return f"impact-counters:{site_id}"
