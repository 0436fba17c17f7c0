"""The one-week programme: its schedule of days, edited in Wagtail."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from programme.blocks import ProgrammeDayBlock


class ProgrammePage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    coordinators_text = models.TextField(_("les coordinateurs citoyens"), blank=True)
    days = StreamField([("day", ProgrammeDayBlock())], verbose_name=_("jours"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("days"),
    ]
    api_fields = [APIField("intro"), APIField("coordinators_text"), APIField("days")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("days"),
        FieldPanel("coordinators_text"),
    ]

    class Meta:
        verbose_name = _("programme d'une semaine")

    def schedule_days(self) -> list:
        """The days in order (launch session, days 1 to 5, closing session): what each day's
        email says. Day ``n`` of a cohort is sent ``n`` days after its Monday."""
        return [block.value for block in self.days]
