"""Editors manage places, needs, volunteer profiles and pledges in the Wagtail admin, and
work through the moderation queue."""

from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from matching import admin_views
from matching.admin_forms import PledgeAdminForm
from matching.models import Need, Place, Pledge, VolunteerProfile

# --- Moderation queue (needs in review, flagged needs) -------------------------------------


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "moderation/",
            admin_views.ModerationQueueView.as_view(),
            name=admin_views.QUEUE_URL_NAME,
        ),
        path(
            "moderation/relecture/<int:pk>/",
            admin_views.ReviewActionView.as_view(),
            name="matching_moderation_review",
        ),
        path(
            "moderation/signalements/<int:pk>/",
            admin_views.ReportActionView.as_view(),
            name="matching_moderation_reports",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Modération"),
        reverse(admin_views.QUEUE_URL_NAME),
        icon_name="warning",
        name="matching-moderation",
        order=250,
    )


# --- Snippets -------------------------------------------------------------------------------


class PledgePermissionPolicy(ModelPermissionPolicy):
    """Pledges are made by volunteers on the site and kept as history: the admin changes
    their status (done, cancelled) but neither creates nor deletes them."""

    READ_ONLY_ACTIONS = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.READ_ONLY_ACTIONS]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


register_permission_policy(Pledge, PledgePermissionPolicy(Pledge), exact_class=True)


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Lieux")
    list_display = ["name", "kind", "town", "postcode", "partner", "geocoding_status"]
    list_filter = ["kind", "geocoding_status", "public_precision"]
    search_fields = ["name", "town", "postcode", "address"]
    inspect_view_enabled = True


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "list-ul"
    menu_label = _("Besoins")
    list_display = ["title", "place", "status", "quantity_wanted", "quantity_pledged", "urgency"]
    list_filter = ["status", "urgency", "place_kind", "skill"]
    search_fields = ["title", "place__name", "place__town", "place__postcode"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Need.objects.select_related("place")


class VolunteerProfileViewSet(SnippetViewSet):
    model = VolunteerProfile
    icon = "group"
    menu_label = _("Volontaires")
    list_display = ["user", "radius_km", "language", "geocoding_status", "created_at"]
    list_filter = ["language", "geocoding_status"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]

    def get_queryset(self, request):
        return VolunteerProfile.objects.select_related("user")


class PledgeViewSet(SnippetViewSet):
    model = Pledge
    icon = "pick"
    menu_label = _("Engagements")
    list_display = ["need", "volunteer", "quantity", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["need__title", "volunteer__user__username", "volunteer__user__email"]
    inspect_view_enabled = True
    edit_handler = ObjectList([FieldPanel("status")], base_form_class=PledgeAdminForm)

    def get_queryset(self, request):
        return Pledge.objects.select_related("need", "volunteer__user")


class MatchingViewSetGroup(SnippetViewSetGroup):
    items = (PlaceViewSet, NeedViewSet, VolunteerProfileViewSet, PledgeViewSet)
    menu_icon = "site"
    menu_label = _("Besoins et volontaires")
    menu_name = "matching"


register_snippet(MatchingViewSetGroup)


# --- Urgent alerts: each run's progress, read-only (matching.admin_alerts) ------------------
from matching.admin_alerts import AlertRunViewSet  # noqa: E402
from matching.models import AlertRun  # noqa: E402


class AlertRunPermissionPolicy(PledgePermissionPolicy):
    """Runs are made by the fan-out task: editors only look (the 'view' permission)."""

    READ_ONLY_ACTIONS = {"add", "change", "delete"}


register_permission_policy(AlertRun, AlertRunPermissionPolicy(AlertRun), exact_class=True)
register_snippet(AlertRunViewSet)
