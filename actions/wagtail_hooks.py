"""Admin of the actions room: digest subscribers, partners' view of drafts, and the action
sections of challenge pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from actions import services
from actions.models import DigestDelivery, DigestSubscription
from actions.permissions import hide_other_partners_drafts


@hooks.register("construct_page_chooser_queryset")
def hide_other_partners_drafts_in_chooser(pages, request):
    return hide_other_partners_drafts(pages, request.user)


@hooks.register("construct_challenge_page_context")
def add_actions_to_challenge_page(page, request, context):
    context["new_actions"] = services.new_actions_for_challenge(page)
    context["recommended_actions"] = services.actions_for_challenge(page, include_new=False)
    context["action_directory_url"] = services.directory_url(page.locale_id, request)


class DigestSubscriptionViewSet(SnippetViewSet):
    model = DigestSubscription
    icon = "mail"
    menu_label = _("Abonnés")
    list_display = ["email", "language", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    inspect_view_enabled = True


class DigestDeliveryViewSet(SnippetViewSet):
    model = DigestDelivery
    icon = "history"
    menu_label = _("Envois")
    list_display = ["subscription", "week", "action_count", "sent_at"]
    list_filter = ["week"]
    inspect_view_enabled = True


class DigestViewSetGroup(SnippetViewSetGroup):
    items = (DigestSubscriptionViewSet, DigestDeliveryViewSet)
    menu_icon = "mail"
    menu_label = _("Lettre des actions")
    menu_name = "action-digest"


register_snippet(DigestViewSetGroup)
