"""The partner's need form: one of its own places, a live challenge in the reader's language,
optionally a live directory action of that challenge, sane quantities and a coherent period.
Status and counters are never edited here."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actions.models import ActionPage
from challenges.models import ChallengePage
from matching import services as matching_services
from matching.models import Need, NeedStatus
from portal.fields import SafeModelChoiceField

MAX_QUANTITY = 100_000
MIN_YEAR, MAX_YEAR = 2000, 2100
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
]


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class PlaceChoiceField(SafeModelChoiceField):
    def label_from_instance(self, place):
        return f"{place.name} — {place.postcode} {place.town}"


class ActionChoiceField(SafeModelChoiceField):
    def label_from_instance(self, action):
        return f"{action.challenge.title} — {action.title}" if action.challenge else action.title


class NeedForm(forms.ModelForm):
    quantity_wanted = forms.IntegerField(
        label=_("Quantité souhaitée"),
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "min_value": _("Indiquez une quantité d'au moins 1."),
            "max_value": _(
                "Au plus %(limit_value)s : découpez un besoin plus grand en plusieurs besoins."
            ),
        },
    )
    starts_at = forms.DateTimeField(
        label=_("À partir du"),
        required=False,
        input_formats=DATETIME_INPUT_FORMATS,
        widget=LocalDateTimeInput(),
        error_messages={"invalid": _("Date invalide : utilisez le format JJ/MM/AAAA HH:MM.")},
    )
    ends_at = forms.DateTimeField(
        label=_("Jusqu'au"),
        required=False,
        input_formats=DATETIME_INPUT_FORMATS,
        widget=LocalDateTimeInput(),
        help_text=_("Le besoin expire à cette date (laissez vide : sans limite)."),
        error_messages={"invalid": _("Date invalide : utilisez le format JJ/MM/AAAA HH:MM.")},
    )

    class Meta:
        model = Need
        fields = [
            "place",
            "challenge",
            "action",
            "title",
            "description",
            "quantity_wanted",
            "unit",
            "unit_singular",
            "urgency",
            "skill",
            "starts_at",
            "ends_at",
        ]
        field_classes = {
            "place": PlaceChoiceField,
            "challenge": SafeModelChoiceField,
            "action": ActionChoiceField,
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, places, language_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places
        self.fields["place"].empty_label = None if places.count() == 1 else _("Choisissez un lieu")
        stored = self.instance.challenge_id
        challenges = ChallengePage.objects.live().filter(
            Q(locale__language_code=language_code) | Q(pk=stored)
        )
        challenge_field = self.fields["challenge"]
        challenge_field.queryset = challenges.order_by("path")
        challenge_field.empty_label = _("Aucun défi en particulier")
        if stored and not self.is_bound:
            localized = matching_services.localized_challenge(
                self.instance.challenge, language_code
            )
            self.initial["challenge"] = localized.pk
        self._limit_actions(language_code)

    def _limit_actions(self, language_code: str) -> None:
        """Live actions of the reader's language (and the one already linked)."""
        stored = self.instance.action_id
        field = self.fields["action"]
        field.queryset = (
            ActionPage.objects.live()
            .filter(Q(locale__language_code=language_code) | Q(pk=stored))
            .select_related("challenge")
            .order_by("challenge__path", "title")
        )
        field.empty_label = _("Aucune action du répertoire")
        field.help_text = _(
            "L'action du répertoire que ce besoin met en pratique : chaque engagement réalisé "
            "la compte une fois de plus. Elle doit relever du défi choisi."
        )

    def clean_starts_at(self):
        return self._sane_date("starts_at")

    def clean_ends_at(self):
        ends_at = self._sane_date("ends_at")
        if ends_at and "ends_at" in self.changed_data and ends_at <= timezone.now():
            raise forms.ValidationError(_("Cette date est déjà passée."), code="past")
        return ends_at

    def _sane_date(self, name: str):
        value = self.cleaned_data.get(name)
        if value and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise forms.ValidationError(
                _("Indiquez une date entre %(first)s et %(last)s.")
                % {"first": MIN_YEAR, "last": MAX_YEAR},
                code="out_of_range",
            )
        return value

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("La date de fin doit être postérieure à la date de début."))
        self._check_action(cleaned)
        return cleaned

    def _check_action(self, cleaned) -> None:
        """The action belongs to the need's challenge; chosen alone, it sets the challenge."""
        action, challenge = cleaned.get("action"), cleaned.get("challenge")
        if action is None or "challenge" in self.errors:
            return
        if action.challenge is None:
            return
        if challenge is None:
            cleaned["challenge"] = (
                self.fields["challenge"]
                .queryset.filter(translation_key=action.challenge.translation_key)
                .first()
            )
            return
        if challenge.translation_key != action.challenge.translation_key:
            self.add_error(
                "action",
                _(
                    "Cette action relève du défi « %(challenge)s » : choisissez ce défi ou une "
                    "autre action."
                )
                % {"challenge": action.challenge.title},
            )

    def save(self, commit=True):
        need = super().save(commit=False)
        if need.pk is None:
            need.status = NeedStatus.DRAFT
        if commit:
            need.save()
        return need
