from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock, FigureBlock


class StoryIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StoryPage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("index des histoires")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            StoryPage.objects.child_of(self).live().select_related("image").order_by("-date")
        )
        return context


class StoryPage(Page):
    """A volunteer story with its figures, e.g. « 700 visières livrées »."""

    date = models.DateField(_("date"))
    volunteer_name = models.CharField(_("prénom du ou de la volontaire"), max_length=80)
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("résumé"), max_length=400)
    figures = StreamField([("figure", FigureBlock())], verbose_name=_("chiffres"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("récit"), blank=True)

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("volunteer_name"),
        APIField("summary"),
        APIField("figures"),
        APIField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("volunteer_name"),
        FieldPanel("challenge"),
        FieldPanel("image"),
        FieldPanel("summary"),
        FieldPanel("figures"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("histoire de volontaire")
