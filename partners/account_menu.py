"""The header's "Espace partenaire" link, for members of a partner (portal.account_menu)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partners import services
from portal import account_menu


def partner_space_url(user) -> str | None:
    return reverse("partners:home") if services.membership_of(user) is not None else None


def register() -> None:
    account_menu.register("partner", _("Espace partenaire"), partner_space_url, order=200)
