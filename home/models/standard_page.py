from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock


class StandardPage(Page):
    """A page of reference text the editors keep up to date: the legal notice, the privacy
    policy, the terms of use… (linked from the footer through the site setting)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)
    last_updated = models.DateField(_("dernière mise à jour"), null=True, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body"), APIField("last_updated")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_updated"),
    ]

    class Meta:
        verbose_name = _("page de référence (mentions légales, confidentialité…)")
