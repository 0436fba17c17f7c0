"""Corporate sponsors: their tiers (a translatable snippet), the sponsors' index and branded pages,
and the links between the programme's enrolments and a sponsor's dedicated cohorts.

Depends on ``challenges`` (theme and sponsored challenges) and ``programme`` (memberships and
coordinators, by model name); ``home`` and ``challenges`` read sponsors only through
``sponsors.templatetags`` and ``sponsors.wagtail_hooks``.

A sponsor is identified everywhere by its ``sponsor_key``: the translation key of its page, the
same in every language (``programme.Cohort.sponsor_key`` and ``ImpactReport.sponsor_key`` hold
it). Private settings (company code, email domains, contacts, colours) are read from the page in
the default language (``canonical``), whichever translation a visitor opened.
"""

import hashlib

from django import forms
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.i18n import in_default_language
from sponsors import contrast
from sponsors.regions import Region
from sponsors.validators import normalise_domains, validate_domains


class SponsorTier(TranslatableMixin, models.Model):
    """A sponsorship level, e.g. « Sponsor » (10 000 €) or « Sponsor thématique ou
    géographique » (20 000 €), with what it brings the company."""

    name = models.CharField(_("nom"), max_length=120)
    amount_eur = models.PositiveIntegerField(_("montant (euros)"))
    benefits = RichTextField(
        _("contreparties"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"), default=0, help_text=_("Les niveaux les plus petits d'abord.")
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("amount_eur"), FieldPanel("order")]),
        FieldPanel("benefits"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("niveau de sponsoring")
        verbose_name_plural = _("niveaux de sponsoring")
        ordering = ["-order", "-amount_eur", "pk"]

    def __str__(self):
        return self.name


class SponsorIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["sponsors.SponsorPage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("index des sponsors")

    def get_context(self, request, *args, **kwargs):
        from sponsors.services import selectors

        context = super().get_context(request, *args, **kwargs)
        context["tiers"] = selectors.sponsors_by_tier(self.locale_id, parent=self)
        context["all_tiers"] = SponsorTier.objects.filter(locale_id=self.locale_id)
        return context


class SponsorPageForm(WagtailAdminPageForm):
    """The company code is written here and stored hashed: it is never shown again."""

    company_code = forms.CharField(
        label=_("code entreprise"),
        required=False,
        min_length=8,
        max_length=64,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Code que les salarié·es saisissent pour rejoindre le programme interne (8 "
            "caractères au moins). Il est enregistré chiffré et n'est plus jamais affiché."
        ),
    )

    def clean_allowed_email_domains(self):
        value = self.cleaned_data.get("allowed_email_domains", "")
        validate_domains(value)
        return ", ".join(normalise_domains(value))

    def save(self, commit=True):
        page = super().save(commit=False)
        code = (self.cleaned_data.get("company_code") or "").strip()
        if code:
            page.set_company_code(code)
        if commit:
            page.save()
            self.save_m2m()
        return page


def normalise_code(code: str) -> str:
    return "".join(code.split()).upper()


class SponsorPage(Page):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_colour = models.CharField(
        _("couleur de marque"),
        max_length=7,
        default="#1d4e89",
        validators=[contrast.hex_colour_validator],
        help_text=_(
            "Fond du bandeau de la page. Utilisée aussi pour les liens si elle contraste "
            "assez avec le fond blanc (4,5:1)."
        ),
    )
    text_colour = models.CharField(
        _("couleur du texte sur la couleur de marque"),
        max_length=7,
        default="#ffffff",
        validators=[contrast.hex_colour_validator],
        help_text=_("Le contraste avec la couleur de marque doit atteindre 4,5:1 (WCAG AA)."),
    )
    tier = models.ForeignKey(
        SponsorTier,
        verbose_name=_("niveau"),
        on_delete=models.PROTECT,
        related_name="sponsors",
    )
    theme = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("thème (défi co-construit)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.CharField(_("région"), max_length=3, choices=Region.choices, blank=True)
    message = RichTextField(_("message"), blank=True, features=["bold", "italic", "link"])
    sponsored_challenges = ParentalManyToManyField(
        "challenges.ChallengePage",
        verbose_name=_("défis soutenus"),
        blank=True,
        related_name="sponsors",
    )
    website = models.URLField(_("site web"), blank=True)
    company_code_hash = models.CharField(
        _("code entreprise (chiffré)"), max_length=128, blank=True, editable=False
    )
    allowed_email_domains = models.CharField(
        _("domaines e-mail des salarié·es"),
        max_length=500,
        blank=True,
        validators=[validate_domains],
        help_text=_(
            "Séparés par des virgules, par exemple « entreprise.fr, entreprise.com ». Une "
            "adresse de l'un de ces domaines, confirmée par un lien, suffit pour rejoindre le "
            "programme interne."
        ),
    )
    contacts = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contacts du sponsor"),
        blank=True,
        related_name="sponsor_pages",
        help_text=_("Comptes qui voient le tableau de bord du sponsor."),
    )

    base_form_class = SponsorPageForm
    parent_page_types = ["sponsors.SponsorIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("message"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("message"), APIField("website"), APIField("region")]
    override_translatable_fields = [
        SynchronizedField("brand_colour"),
        SynchronizedField("text_colour"),
        SynchronizedField("allowed_email_domains"),
        SynchronizedField("region"),
        SynchronizedField("website"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("tier"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("brand_colour"), FieldPanel("text_colour")])],
            heading=_("Couleurs (contraste vérifié)"),
        ),
        FieldPanel("message"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("region"), FieldPanel("sponsored_challenges")],
            heading=_("Thème, région et défis soutenus"),
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("company_code"),
                FieldPanel("allowed_email_domains"),
                FieldPanel("contacts"),
                HelpPanel(template="sponsors/admin/sponsor_key_panel.html"),
            ],
            heading=_("Programme interne et tableau de bord"),
        ),
    ]

    class Meta:
        verbose_name = _("sponsor")

    # -- identity and private settings -------------------------------------------------------

    @property
    def sponsor_key(self) -> str:
        return str(self.translation_key)

    @property
    def canonical(self) -> "SponsorPage":
        """This sponsor's page in the default language (private settings live there)."""
        return in_default_language(self)

    def set_company_code(self, code: str) -> None:
        self.company_code_hash = make_password(normalise_code(code))

    def company_code_matches(self, code: str) -> bool:
        """Compared through Django's password hashers (constant-time comparison)."""
        if not code or not self.company_code_hash:
            return False
        return check_password(normalise_code(code), self.company_code_hash)

    def email_domains(self) -> list[str]:
        return normalise_domains(self.allowed_email_domains)

    def is_contact(self, user) -> bool:
        if not user.is_authenticated or not user.is_active:
            return False
        return self.canonical.contacts.filter(pk=user.pk).exists()

    # -- theme ------------------------------------------------------------------------------

    def link_colour(self) -> str:
        """Brand colour for links when it reads on the page background, else the text colour
        when that does, else the site's own link colour."""
        for colour in (self.brand_colour, self.text_colour):
            if contrast.passes_aa(colour, contrast.PAGE_BACKGROUND):
                return colour
        return ""

    def theme_version(self) -> str:
        """Changes when the colours change: the stylesheet URL is cached for long."""
        raw = f"{self.brand_colour}{self.text_colour}".lower().encode()
        return hashlib.sha256(raw).hexdigest()[:10]

    def clean(self):
        super().clean()
        errors = {}
        colours_valid = all(
            contrast.HEX_COLOUR_RE.match(value or "")
            for value in (self.brand_colour, self.text_colour)
        )
        if colours_valid:
            ratio = contrast.contrast_ratio(self.brand_colour, self.text_colour)
            if ratio < contrast.AA_NORMAL_TEXT:
                message = _(
                    "Contraste insuffisant entre la couleur de marque et la couleur du texte : "
                    "%(ratio)s:1, il faut au moins 4,5:1 (WCAG AA). Foncez l'une ou éclaircissez "
                    "l'autre."
                ) % {"ratio": f"{int(ratio * 100) / 100:.2f}".replace(".", ",")}
                errors["text_colour"] = message
                errors["brand_colour"] = message
        if self.theme_id is None and not self.region and self.tier_id and self._tier_needs_scope():
            errors["theme"] = _(
                "Un sponsor thématique ou géographique a un thème, une région, ou les deux."
            )
        if errors:
            raise ValidationError(errors)

    def _tier_needs_scope(self) -> bool:
        # The higher tiers (co-construction on a theme or a region) cost 20 000 € and more.
        return self.tier.amount_eur >= THEMATIC_AMOUNT_EUR

    def get_context(self, request, *args, **kwargs):
        from sponsors.services import figures, selectors

        context = super().get_context(request, *args, **kwargs)
        canonical = self.canonical
        context["sponsor"] = canonical
        context["figures"] = figures.sponsor_figures(canonical.sponsor_key, self.locale)
        context["sponsor_challenges"] = selectors.localized_challenges(canonical, self.locale)
        context["is_contact"] = canonical.is_contact(request.user)
        return context


THEMATIC_AMOUNT_EUR = 20_000


class SponsorMembership(models.Model):
    """An enrolment made through a sponsor's page: its pool is the sponsor's dedicated cohorts.

    Read and written by ``programme.services.sponsorship`` only (reverse accessor
    ``sponsor_link``).
    """

    membership = models.OneToOneField(
        "programme.Membership",
        verbose_name=_("inscription"),
        on_delete=models.CASCADE,
        related_name="sponsor_link",
    )
    sponsor_key = models.CharField(_("sponsor"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("inscription via un sponsor")
        verbose_name_plural = _("inscriptions via un sponsor")

    def __str__(self):
        return f"{self.sponsor_key} — {self.membership_id}"


class SponsorMobiliser(models.Model):
    """An employee the sponsor named to be trained as an internal mobiliser (a coordinator)."""

    sponsor_key = models.CharField(_("sponsor"), max_length=64, db_index=True)
    coordinator = models.ForeignKey(
        "programme.Coordinator",
        verbose_name=_("coordinateur·rice"),
        on_delete=models.CASCADE,
        related_name="sponsor_links",
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("désigné·e par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    named_at = models.DateTimeField(_("désigné·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("mobilisateur·rice interne")
        verbose_name_plural = _("mobilisateur·rices internes")
        constraints = [
            models.UniqueConstraint(
                fields=["sponsor_key", "coordinator"], name="sponsors_one_mobiliser_link"
            )
        ]

    def __str__(self):
        return f"{self.sponsor_key} — {self.coordinator}"
