"""Challenges (the four défis) and the partners who vouch for them.

Depends on nothing of the portal but ``portal.blocks``; ``home``, ``actions`` and ``matching``
read these pages, never the reverse.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock
from portal.page_cache import CachedPageMixin
from portal.plurals import agreeing

# What a partner's card reads (``{% pageurl %}`` reads ``url_path``): partner pages are wide, and
# compiling and loading their every column cost more than the rest of the query.
PARTNER_CARD_FIELDS = ("title", "url_path", "logo", "short_description")


class ChallengeIndexPage(CachedPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["challenges.ChallengePage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("index des défis")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["challenges"] = ChallengePage.objects.child_of(self).live().select_related("image")
        return context


class ChallengePage(CachedPageMixin, Page):
    summary = models.TextField(_("résumé"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)
    phase_understand = models.TextField(_("comprendre (jours 1 à 3)"), blank=True)
    phase_do = models.TextField(_("faire (jours 3 à 5)"), blank=True)
    phase_sustain = models.TextField(_("faire durer (jours 5 à 7)"), blank=True)

    parent_page_types = ["challenges.ChallengeIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("phase_understand"),
        APIField("phase_do"),
        APIField("phase_sustain"),
        APIField("impact_metrics"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("phase_understand"), FieldPanel("phase_do"), FieldPanel("phase_sustain")],
            heading=_("Les trois temps de la semaine"),
        ),
        InlinePanel("impact_metrics", label=_("Indicateurs d'impact")),
    ]

    class Meta:
        verbose_name = _("défi")

    def expert_partners(self):
        """Partner pages of this locale that vouch for this challenge (in any locale)."""
        return (
            PartnerPage.objects.live()
            .filter(locale_id=self.locale_id, challenges__translation_key=self.translation_key)
            .select_related("logo")
            .only(*PARTNER_CARD_FIELDS)
            .distinct()
            .order_by("title")
        )

    def phases(self):
        return [
            (_("Comprendre"), _("Jours 1 à 3"), self.phase_understand),
            (_("Faire"), _("Jours 3 à 5"), self.phase_do),
            (_("Faire durer"), _("Jours 5 à 7"), self.phase_sustain),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["expert_partners"] = self.expert_partners()
        context["metrics"] = self.impact_metrics.all()
        # Rooms that build on challenges add their sections (the action directory adds
        # `recommended_actions` and `new_actions`) without this room importing them.
        for hook in hooks.get_hooks("construct_challenge_page_context"):
            hook(self, request, context)
        return context


class ChallengeImpactMetric(Orderable):
    """A figure the challenge tracks, e.g. hygiene kits made or care homes contacted."""

    page = ParentalKey(ChallengePage, related_name="impact_metrics", on_delete=models.CASCADE)
    label = models.CharField(
        _("libellé"), max_length=120, help_text=_("Au pluriel, par exemple « kits livrés ».")
    )
    label_singular = models.CharField(
        _("libellé au singulier"),
        max_length=120,
        blank=True,
        help_text=_("Montré pour 1 (et 0 en français), par exemple « kit livré »."),
    )
    unit = models.SlugField(
        _("unité"),
        max_length=60,
        help_text=_("Identifiant stable de l'unité d'impact, par exemple « kits-hygiene »."),
    )
    value = models.PositiveIntegerField(_("valeur enregistrée"), default=0)
    target = models.PositiveIntegerField(_("objectif"), null=True, blank=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("label_singular"),
        FieldPanel("unit"),
        FieldPanel("value"),
        FieldPanel("target"),
    ]
    api_fields = [APIField("label"), APIField("unit"), APIField("value"), APIField("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("indicateur d'impact")

    @property
    def shown_label(self) -> str:
        """The label agreeing with the value: singular for 1, and for 0 in French."""
        return agreeing(self.value, self.label, self.label_singular)


class PartnerIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["challenges.PartnerPage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("index des partenaires")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = PartnerPage.objects.child_of(self).live().select_related("logo")
        return context


class PartnerKind(models.TextChoices):
    EXPERT = "expert", _("Partenaire expert")
    INSTITUTIONAL = "institutional", _("Partenaire institutionnel")
    FINANCIAL = "financial", _("Partenaire financier")
    TECHNOLOGY = "technology", _("Partenaire technologique")


class PartnerPage(Page):
    kind = models.CharField(
        _("type"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.EXPERT
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_description = models.CharField(_("accroche"), max_length=250, blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    website = models.URLField(_("site web"), blank=True)
    challenges = ParentalManyToManyField(
        ChallengePage, verbose_name=_("défis"), blank=True, related_name="partners"
    )
    review_first_needs = models.PositiveSmallIntegerField(
        _("besoins à relire avant publication"),
        default=0,
        help_text=_(
            "Les N premiers besoins publiés par ce partenaire attendent la relecture d'un "
            "éditeur avant d'être visibles (0 : publication directe)."
        ),
    )

    parent_page_types = ["challenges.PartnerIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("short_description"),
        APIField("description"),
        APIField("website"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("challenges"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("review_first_needs")]

    class Meta:
        verbose_name = _("partenaire")

    def localized_challenges(self):
        """The challenges of this partner, as pages of the partner's own locale."""
        keys = self.challenges.values_list("translation_key", flat=True)
        return ChallengePage.objects.live().filter(
            locale_id=self.locale_id, translation_key__in=keys
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_challenges"] = self.localized_challenges()
        return context
