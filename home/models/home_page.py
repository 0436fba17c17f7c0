from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import services
from portal.blocks import BaseStreamBlock, CallToActionBlock
from portal.page_cache import CachedPageMixin


class HomePage(CachedPageMixin, Page):
    hero_title = models.CharField(_("titre d'accroche"), max_length=200)
    hero_text = models.TextField(_("texte d'accroche"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'accroche"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quote_text = models.TextField(_("citation"), blank=True)
    quote_author = models.CharField(_("auteur·e de la citation"), max_length=120, blank=True)
    quote_role = models.CharField(_("qualité de l'auteur·e"), max_length=200, blank=True)
    challenges_intro = models.TextField(_("introduction des défis"), blank=True)
    how_it_works_intro = models.TextField(_("introduction « comment ça marche »"), blank=True)
    phase_understand = models.TextField(_("comprendre (jours 1 à 3)"), blank=True)
    phase_do = models.TextField(_("faire (jours 3 à 5)"), blank=True)
    phase_sustain = models.TextField(_("faire durer (jours 5 à 7)"), blank=True)
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("appels à l'action"),
        blank=True,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "challenges.ChallengeIndexPage",
        "challenges.PartnerIndexPage",
        "actions.ActionIndexPage",
        "programme.ProgrammePage",
        "home.StoryIndexPage",
        "home.ContactFormPage",
        "sponsors.SponsorIndexPage",
        "home.StandardPage",
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("quote_text"),
        APIField("quote_author"),
        APIField("calls_to_action"),
        APIField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Accroche"),
        ),
        MultiFieldPanel(
            [FieldPanel("quote_text"), FieldPanel("quote_author"), FieldPanel("quote_role")],
            heading=_("Citation"),
        ),
        FieldPanel("challenges_intro"),
        MultiFieldPanel(
            [
                FieldPanel("how_it_works_intro"),
                FieldPanel("phase_understand"),
                FieldPanel("phase_do"),
                FieldPanel("phase_sustain"),
            ],
            heading=_("Comment ça marche"),
        ),
        FieldPanel("calls_to_action"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("page d'accueil")

    def phases(self):
        return [
            (_("Comprendre"), _("Jours 1 à 3"), self.phase_understand),
            (_("Faire"), _("Jours 3 à 5"), self.phase_do),
            (_("Faire durer"), _("Jours 5 à 7"), self.phase_sustain),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(services.home_page_sections(self, request))
        return context
