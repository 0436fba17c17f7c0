"""Admin forms that route editors' changes through the room's services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from programme.models import MembershipStatus


class MembershipAdminForm(WagtailAdminModelForm):
    """Editors may only cancel an enrolment: placement and positions belong to the services."""

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in (self.instance.status, MembershipStatus.CANCELLED):
            raise forms.ValidationError(
                _("Seule l'annulation est possible ici : le placement est automatique.")
            )
        return status
