"""The header's "Coordination" link, for coordinators of a cohort (portal.account_menu)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import account_menu
from programme.models import Cohort


def coordination_url(user) -> str | None:
    coordinates = Cohort.objects.filter(coordinator__user=user).exists()
    return reverse("programme:coordination") if coordinates else None


def register() -> None:
    account_menu.register("coordination", _("Coordination"), coordination_url, order=300)
