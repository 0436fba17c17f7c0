"""The partner's weekly series of slots: which weekdays, what hours, how many places, from when
until when. The bounds themselves (at most 100 slots, one year) are matching.services.slots'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matching.models.slots import MAX_PLACES
from matching.services import slots

WEEKDAYS = [
    (0, _("lundi")),
    (1, _("mardi")),
    (2, _("mercredi")),
    (3, _("jeudi")),
    (4, _("vendredi")),
    (5, _("samedi")),
    (6, _("dimanche")),
]


class SlotSeriesForm(forms.Form):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Jours de la semaine"),
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    start_time = forms.TimeField(
        label=_("Heure de début"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Heure de fin"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    places = forms.IntegerField(label=_("Places par créneau"), min_value=1, max_value=MAX_PLACES)
    first_date = forms.DateField(
        label=_("Du"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    last_date = forms.DateField(
        label=_("Au"),
        help_text=_("Au plus %(max)s créneaux à la fois, sur un an au plus.")
        % {"max": slots.MAX_SERIES_SLOTS},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.pattern = slots.WeeklyPattern(
            first_date=data["first_date"],
            last_date=data["last_date"],
            weekdays=tuple(sorted(set(data["weekdays"]))),
            start_time=data["start_time"],
            end_time=data["end_time"],
            places=data["places"],
        )
        try:
            slots.check_pattern(self.pattern)
        except slots.SlotError as error:
            raise forms.ValidationError(str(error)) from error
        return data
