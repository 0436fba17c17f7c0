"""Forms of the matching pages: the volunteer's search, the pledge and a need's report."""

from functools import cache

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from matching import geo, services
from matching.geocoding import GeocoderUnavailable, PlaceNotFound, geocode_query
from matching.models import ContactChannel, NeedReportReason, PlaceKind, Skill
from portal import form_renderer, publication_memo, validators

DEFAULT_RADIUS_KM = 20
PAGE_SIZE = 20
MAX_PAGES = services.MAX_LIMIT // PAGE_SIZE


class SharedChoices(BaseChoiceIterator):
    """Choices given as (value, label) pairs and never changed. Each form deep-copies its
    fields, and a field hands its choices to its widget, copying and checking them each time
    (two thirds of building the search's form): these are shared instead."""

    def __init__(self, choices):
        self.choices = tuple(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


RADIUS_CHOICES = SharedChoices((km, f"{km} km") for km in (5, 10, 20, 50, 100, 200))


@cache
def _fixed_choices(language_code: str) -> dict:
    """The search's fixed choices translated once per language: as lazy texts they cost a
    translation each on every search (a fifth of drawing the form)."""
    with translation.override(language_code):
        return {
            "challenge": ("", str(_("Tous les défis"))),
            "kind": SharedChoices(
                (value, str(label)) for value, label in NearMeForm.base_fields["kind"].choices
            ),
            "skill": SharedChoices(
                (value, str(label)) for value, label in NearMeForm.base_fields["skill"].choices
            ),
        }


class NearMeForm(forms.Form):
    """Where (postcode or commune, or the browser's position) and what to look for."""

    default_renderer = form_renderer.WIDGETS
    # Fields whose HTML depends only on their value (and choices) and the language: the
    # form_field tag draws them once per publication (portal_forms).
    fields_drawn_per_publication = ("q", "lat", "lon", "radius_km", "challenge", "kind", "skill")

    q = forms.CharField(
        label=_("Code postal ou commune"),
        required=False,
        max_length=100,
        help_text=_("Par exemple : 75011, Lyon 3e, Saint-Étienne."),
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "aria-describedby": "id_q_help"}
        ),
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput)
    radius_km = forms.TypedChoiceField(
        label=_("Dans un rayon de"),
        choices=RADIUS_CHOICES,
        coerce=int,
        initial=DEFAULT_RADIUS_KM,
        required=False,
    )
    challenge = forms.ChoiceField(label=_("Défi"), required=False)
    kind = forms.ChoiceField(
        label=_("Type de lieu"),
        required=False,
        choices=SharedChoices([("", _("Tous les lieux")), *PlaceKind.choices]),
    )
    skill = forms.ChoiceField(
        label=_("Compétence"),
        required=False,
        choices=SharedChoices([("", _("Toutes les compétences")), *Skill.choices]),
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGES)

    def __init__(self, data=None, *args, language_code: str, client: str = "", **kwargs):
        if data is not None and not data.get("radius_km"):
            data = data.copy()
            data["radius_km"] = str(DEFAULT_RADIUS_KM)
        super().__init__(data, *args, **kwargs)
        self.client = client
        self.language_code = language_code
        # Drawn on every search: the choices are read once per process and publication.
        choices = publication_memo.remembered(
            ("near-me-challenges", language_code),
            lambda: [
                (page.slug, page.title) for page in services.challenges_for_language(language_code)
            ],
        )
        fixed = _fixed_choices(language_code)
        self.fields["challenge"].choices = SharedChoices([fixed["challenge"], *choices])
        self.fields["kind"].choices = fixed["kind"]
        self.fields["skill"].choices = fixed["skill"]
        self.challenge_slugs = {slug for slug, _title in choices}
        self.point = None
        self.origin_label = ""

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in ("lat", "lon", "page")):
            for name in ("lat", "lon", "page"):
                self.errors.pop(name, None)
            raise forms.ValidationError(_("Position ou page invalide : refaites la recherche."))
        lat, lon, query = cleaned.get("lat"), cleaned.get("lon"), cleaned.get("q", "").strip()
        if lat is not None and lon is not None and not query:
            if not geo.valid_point(lat, lon):
                raise forms.ValidationError(_("Position invalide : refaites la recherche."))
            self.point = geo.Point(lat, lon)
            self.origin_label = _("votre position")
        elif query:
            try:
                found = geocode_query(query, client=self.client)
            except (PlaceNotFound, GeocoderUnavailable) as error:
                self.add_error("q", str(error))
                return cleaned
            self.point = geo.Point(found.latitude, found.longitude)
            self.origin_label = found.label
        else:
            self.add_error("q", _("Indiquez un code postal ou une commune."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if self.has_error("q"):  # the message is read with the field, not only shown
            self.fields["q"].widget.attrs["aria-describedby"] = "id_q_help id_q_error"

    @property
    def chosen_radius_km(self) -> int:
        return self.cleaned_data.get("radius_km") or DEFAULT_RADIUS_KM

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1

    def preselected_options(self) -> dict:
        """The filters a link preselects without searching (?challenge=<slug>), when valid."""
        kind, skill = self.initial.get("kind", ""), self.initial.get("skill", "")
        return {
            "challenge": self._challenge(self.initial.get("challenge", "")),
            "kind": kind if kind in PlaceKind.values else "",
            "skill": skill if skill in Skill.values else "",
        }

    def _challenge(self, slug: str):
        """The chosen challenge's page in the reader's language, or None."""
        if slug not in self.challenge_slugs:
            return None
        return services.challenges_for_language(self.language_code).filter(slug=slug).first()

    def search_options(self) -> dict:
        return {
            "challenge": self._challenge(self.cleaned_data.get("challenge") or ""),
            "kind": self.cleaned_data.get("kind", ""),
            "skill": self.cleaned_data.get("skill", ""),
        }


def describe(form: forms.Form, errors=None) -> None:
    """Each input is described by its help text and, once shown, its error message (the ids
    the form_field tag writes, portal_forms; radio groups carry them on their fieldset)."""
    for bound in form:
        ids = [f"{bound.auto_id}_helptext"] if bound.help_text else []
        if errors and bound.name in errors:
            ids.append(f"{bound.auto_id}_error")
        if ids and not isinstance(bound.field.widget, forms.RadioSelect):
            bound.field.widget.attrs["aria-describedby"] = " ".join(ids)
        bound.field.described_by = " ".join(ids)


class PledgeForm(forms.Form):
    """How much, and what the volunteer shares with this need's partner (and nobody else)."""

    quantity = forms.IntegerField(label=_("Quantité que je m'engage à apporter"), min_value=1)
    contact_channel = forms.ChoiceField(
        label=_("Ce que je partage avec le partenaire"),
        choices=ContactChannel.choices,
        initial=ContactChannel.NONE,
        widget=forms.RadioSelect,
        help_text=_(
            "Seul le partenaire qui a publié ce besoin le voit, pour organiser votre venue ; "
            "jamais le public. Sans rien partager, il vous écrit via ré_action."
        ),
        error_messages={"required": _("Choisissez ce que vous partagez avec le partenaire.")},
    )
    phone = forms.CharField(
        label=_("Mon numéro de téléphone"),
        required=False,
        max_length=30,
        help_text=_(
            "Obligatoire si vous partagez votre téléphone. Gardé dans votre profil, montré "
            "seulement aux partenaires des besoins pour lesquels vous le choisissez."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(
        self, *args, remaining: int, has_phone: bool = False, has_email: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.has_phone, self.has_email = has_phone, has_email
        field = self.fields["quantity"]
        field.max_value = remaining
        field.widget.attrs.update({"min": 1, "max": remaining})
        field.validators.append(
            MaxValueValidator(remaining, message=_("Il ne reste que %(limit_value)s à promettre."))
        )
        field.initial = 1
        if has_phone:
            del self.fields["phone"]
        if not has_email:  # nothing to share: the choice is not offered
            self.fields["contact_channel"].choices = [
                choice for choice in ContactChannel.choices if choice[0] != ContactChannel.EMAIL
            ]
        describe(self)

    def _post_clean(self):
        super()._post_clean()
        describe(self, self.errors)

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "").strip()
        return validators.clean_phone(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("contact_channel")
        phone_missing = not self.has_phone and not cleaned.get("phone")
        if channel == ContactChannel.PHONE and phone_missing and not self.has_error("phone"):
            self.add_error("phone", _("Indiquez votre numéro pour le partager avec le partenaire."))
        return cleaned


class NeedReportForm(forms.Form):
    """A volunteer flags a need as wrong or abusive."""

    prefix = "report"

    reason = forms.ChoiceField(
        label=_("Motif"),
        choices=NeedReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez un motif.")},
    )
    message = forms.CharField(
        label=_("Précisions (facultatif)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def _post_clean(self):
        super()._post_clean()
        describe(self, self.errors)
