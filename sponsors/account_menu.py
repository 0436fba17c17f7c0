"""The header's "Espace sponsor" link, for contacts of a sponsor (portal.account_menu)."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import account_menu
from sponsors.models import SponsorPage


def sponsor_space_url(user) -> str | None:
    """The dashboard of the sponsor the user is a contact of, in the page's current language
    when it is translated (contacts are kept on the canonical page); one query."""
    keys = SponsorPage.objects.filter(contacts=user).values("translation_key")
    pages = SponsorPage.objects.live().filter(translation_key__in=keys)
    language = get_language()
    found = sorted(
        pages.values_list("pk", "locale__language_code"), key=lambda row: row[1] != language
    )
    return reverse("sponsors:dashboard", kwargs={"pk": found[0][0]}) if found else None


def register() -> None:
    account_menu.register("sponsor", _("Espace sponsor"), sponsor_space_url, order=400)
