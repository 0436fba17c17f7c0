"""Admin menus of the sponsors room and its section on the challenge pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sponsors import personal_data
from sponsors.models import SponsorTier
from sponsors.services import selectors


class SponsorTierViewSet(SnippetViewSet):
    model = SponsorTier
    icon = "pick"
    menu_label = _("Niveaux de sponsoring")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "amount_eur", "locale"]
    list_filter = ["locale"]


register_snippet(SponsorTierViewSet)


@hooks.register("construct_challenge_page_context")
def add_challenge_sponsors(page, request, context):
    context["challenge_sponsors"] = selectors.sponsors_of_challenge(page)


@hooks.register("register_personal_data")
def register_personal_data():
    return personal_data.COLLECTOR
