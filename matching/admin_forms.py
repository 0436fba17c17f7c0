"""Admin forms of the matching room: a pledge's status changes through the services, so the
need's counters stay exact."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from matching import services
from matching.models import PledgeStatus

ALLOWED_TRANSITIONS = {
    PledgeStatus.PLEDGED: {PledgeStatus.PLEDGED, PledgeStatus.DONE, PledgeStatus.CANCELLED},
    PledgeStatus.DONE: {PledgeStatus.DONE},
    PledgeStatus.CANCELLED: {PledgeStatus.CANCELLED},
}


class PledgeAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_status = self.instance.status

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in ALLOWED_TRANSITIONS[PledgeStatus(self.previous_status)]:
            raise forms.ValidationError(
                _("Un engagement réalisé ou annulé ne change plus de statut.")
            )
        return status

    def save(self, commit=True):
        status = self.cleaned_data["status"]
        try:
            if status != self.previous_status and status == PledgeStatus.DONE:
                return services.complete_pledge(pledge_id=self.instance.pk)
            if status != self.previous_status and status == PledgeStatus.CANCELLED:
                return services.cancel_pledge(pledge_id=self.instance.pk)
        except services.PledgeError as error:
            raise forms.ValidationError(str(error)) from error
        self.instance.refresh_from_db()
        return self.instance
