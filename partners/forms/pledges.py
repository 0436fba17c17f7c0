"""The filter of the partner's pledge list: by status and by one of the partner's own needs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matching.models import PledgeStatus
from portal.fields import SafeModelChoiceField


class PledgeFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[("", _("Tous les statuts")), *PledgeStatus.choices],
    )
    need = SafeModelChoiceField(
        label=_("Besoin"),
        required=False,
        queryset=None,
        empty_label=_("Tous les besoins"),
    )

    def __init__(self, *args, needs, **kwargs):
        """``needs``: the partner's own needs (selectors.needs_of), the only ones offered."""
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = (
            needs.select_related(None).only("id", "title").order_by("title", "id")
        )

    def filter(self, pledges):
        if self.cleaned_data.get("status"):
            pledges = pledges.filter(status=self.cleaned_data["status"])
        if self.cleaned_data.get("need"):
            pledges = pledges.filter(need=self.cleaned_data["need"])
        return pledges
