"""An action of the directory: a proven solidarity action that expert partners vouch for."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from actions import weeks
from actions.blocks import ActionGuideBlock
from actions.models.choices import ActionDuration, ActionMode
from challenges.models import PartnerPage


class ActionPageQuerySet(PageQuerySet):
    def for_cards(self):
        """What an action card shows (its challenge's title and slug, its partners), in a
        constant number of queries and without the guide and the long texts: sorting 20,000
        narrow rows is what keeps the directory's deep pages fast."""
        return (
            self.defer_streamfields()
            .defer("materials", "safety_notes", "search_description")
            .annotate(challenge_title=F("challenge__title"), challenge_slug=F("challenge__slug"))
            .prefetch_related("partners")
        )

    def published_in_week(self, monday):
        return self.filter(published_week=monday)

    def new_this_week(self):
        return self.published_in_week(weeks.current_week_start())


class ActionPage(Page):
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("résumé"), max_length=400)
    guide = StreamField(ActionGuideBlock(), verbose_name=_("guide pas à pas"), blank=True)
    duration = models.CharField(
        _("durée"), max_length=20, choices=ActionDuration.choices, db_index=True
    )
    mode = models.CharField(
        _("sur place ou à distance"), max_length=20, choices=ActionMode.choices, db_index=True
    )
    group_size_min = models.PositiveSmallIntegerField(_("taille du groupe : minimum"), default=1)
    group_size_max = models.PositiveSmallIntegerField(
        _("taille du groupe : maximum"), null=True, blank=True
    )
    materials = models.TextField(_("matériel"), blank=True, help_text=_("Un élément par ligne."))
    safety_notes = models.TextField(
        _("consignes sanitaires et de sécurité"),
        blank=True,
        help_text=_("Gestes barrières, distances, précautions avec les personnes fragiles."),
    )
    partners = ParentalManyToManyField(
        "challenges.PartnerPage",
        verbose_name=_("partenaires qui recommandent l'action"),
        blank=True,
        related_name="vouched_actions",
    )
    impact_unit = models.SlugField(
        _("unité d'impact"),
        max_length=60,
        blank=True,
        help_text=_(
            "Identifiant de l'indicateur du défi que l'action fait progresser, "
            "par exemple « kits-hygiene »."
        ),
    )
    impact_unit_label = models.CharField(
        _("libellé de l'unité d'impact"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple « kits d'hygiène » ou « EHPAD contactés »."),
    )
    published_week = models.DateField(
        _("semaine de publication"),
        null=True,
        blank=True,
        help_text=_(
            "Le lundi de la semaine où l'action rejoint le répertoire. Laissez vide : la "
            "semaine de la première publication."
        ),
    )
    times_done = models.PositiveIntegerField(_("nombre de réalisations"), default=0, editable=False)

    objects = PageManager.from_queryset(ActionPageQuerySet)()

    parent_page_types = ["actions.ActionIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("guide"),
        index.SearchField("materials"),
        index.SearchField("safety_notes"),
        index.SearchField("impact_unit_label"),
        index.RelatedFields("challenge", [index.SearchField("title")]),
        index.RelatedFields("partners", [index.SearchField("title")]),
    ]
    api_fields = [
        APIField("challenge"),
        APIField("summary"),
        APIField("guide"),
        APIField("duration"),
        APIField("mode"),
        APIField("group_size_min"),
        APIField("group_size_max"),
        APIField("materials"),
        APIField("safety_notes"),
        APIField("impact_unit"),
        APIField("impact_unit_label"),
        APIField("published_week"),
        APIField("times_done"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("challenge"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration"), FieldPanel("mode")]),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
            ],
            heading=_("En pratique"),
        ),
        FieldPanel("guide"),
        FieldPanel("materials"),
        FieldPanel("safety_notes"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("impact_unit"), FieldPanel("impact_unit_label")],
            heading=_("Impact"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("published_week")]

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        # The two sorts of the directory (newest, most done) and "new this week".
        indexes = [
            models.Index(fields=["published_week", "page_ptr"], name="action_newest"),
            models.Index(
                fields=["times_done", "published_week", "page_ptr"], name="action_most_done"
            ),
        ]

    def clean(self):
        super().clean()
        if self.group_size_max is not None and self.group_size_max < self.group_size_min:
            raise ValidationError(
                {"group_size_max": _("Le maximum ne peut pas être inférieur au minimum.")}
            )

    def save(self, *args, **kwargs):
        if self.live and self.published_week is None:
            self.published_week = weeks.current_week_start()
        elif self.published_week is not None:
            self.published_week = weeks.week_start(self.published_week)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Publishing a revision keeps the page's current counter (read from the database: it
        moves while drafts wait) and its week of first publication."""
        page = super().with_content_json(content)
        current = ActionPage.objects.filter(pk=self.pk).values("times_done", "published_week")
        stored = current.first() or {
            "times_done": self.times_done,
            "published_week": self.published_week,
        }
        page.times_done = stored["times_done"]
        if page.published_week is None:
            page.published_week = stored["published_week"]
        return page

    @property
    def is_new(self) -> bool:
        """Published in the current week (the "new this week" badge)."""
        return weeks.is_current_week(self.published_week)

    def localized_partners(self):
        """The vouching partners as pages of this action's language."""
        keys = [partner.translation_key for partner in self.partners.all()]
        return (
            PartnerPage.objects.live()
            .filter(locale_id=self.locale_id, translation_key__in=keys)
            .order_by("title")
        )

    def localized_challenge(self):
        if self.challenge is None:
            return None
        if self.challenge.locale_id == self.locale_id:
            return self.challenge
        return self.challenge.get_translation_or_none(self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        challenge = self.localized_challenge()
        context["challenge"] = challenge
        context["challenge_in_directory"] = challenge.slug if challenge else ""
        context["partners"] = self.localized_partners()
        return context

    @property
    def materials_list(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]
