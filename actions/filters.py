"""The directory's filters (django-filter): one FilterSet validates the query string of the
directory page and of ``/api/v1/actions/``; ``services.directory_actions`` does the filtering."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actions import services
from actions.models.action_page import ActionPage
from actions.models.choices import ActionDuration, ActionMode, DirectorySort

MAX_QUERY_LENGTH = 200
MAX_FORM_CLASSES = 64

# Form classes by their challenge and partner choices (see get_form_class).
_form_classes: dict[tuple, type] = {}


class StrictBooleanField(forms.Field):
    """``true``/``1``/``on`` or ``false``/``0``/empty; anything else is an error, not a guess."""

    TRUE = {"1", "true", "on", "yes"}
    FALSE = {"", "0", "false", "off", "no"}

    def to_python(self, value):
        if value is None or isinstance(value, bool):
            return bool(value)
        text = str(value).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValidationError(_("Valeur attendue : true ou false."), code="invalid")


class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class ActionDirectoryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Mots-clés"), max_length=MAX_QUERY_LENGTH, required=False)
    challenge = django_filters.ChoiceFilter(label=_("Défi"), choices=[])
    mode = django_filters.ChoiceFilter(
        label=_("Sur place ou à distance"), choices=ActionMode.choices
    )
    duration = django_filters.ChoiceFilter(label=_("Durée"), choices=ActionDuration.choices)
    partner = django_filters.ChoiceFilter(label=_("Partenaire"), choices=[])
    new = StrictBooleanFilter(label=_("Nouveau cette semaine"))
    sort = django_filters.ChoiceFilter(label=_("Trier par"), choices=DirectorySort.choices)

    class Meta:
        model = ActionPage
        fields: list[str] = []

    def __init__(self, data=None, *, locale_id: int, options=None, **kwargs):
        super().__init__(data, queryset=ActionPage.objects.none(), **kwargs)
        self.locale_id = locale_id
        self.options = options if options is not None else services.directory_options(locale_id)
        self.filters["challenge"].extra["choices"] = [
            (choice.slug, choice.title) for choice in self.options.challenges
        ]
        self.filters["partner"].extra["choices"] = [
            (choice.slug, choice.title) for choice in self.options.partners
        ]

    def get_form_class(self):
        """One form class per set of challenge and partner choices, kept by the process:
        django-filter builds a new class on every request (a tenth of the directory's time),
        while a form copies its class's fields anyway."""
        key = tuple(tuple(self.filters[name].extra["choices"]) for name in ("challenge", "partner"))
        form_class = _form_classes.get(key)
        if form_class is None:
            if len(_form_classes) >= MAX_FORM_CLASSES:
                _form_classes.clear()
            form_class = _form_classes[key] = super().get_form_class()
        return form_class

    @property
    def directory_filters(self) -> "services.DirectoryFilters":
        """The validated filters (call ``is_valid()`` first)."""
        data = self.form.cleaned_data
        challenge = self.options.challenge_by_slug(data.get("challenge") or "")
        partner = self.options.partner_by_slug(data.get("partner") or "")
        return services.DirectoryFilters(
            q=(data.get("q") or "").strip(),
            challenge_key=challenge.key if challenge else None,
            partner_key=partner.key if partner else None,
            mode=data.get("mode") or "",
            duration=data.get("duration") or "",
            new_this_week=bool(data.get("new")),
            sort=data.get("sort") or DirectorySort.NEWEST,
        )

    def filter_queryset(self, queryset):
        if not self.is_valid():
            return queryset.none()
        return services.directory_actions(
            locale_id=self.locale_id, filters=self.directory_filters, options=self.options
        )
