"""The progress of urgent-alert runs in the Wagtail admin, read-only: runs are made by the
fan-out task, never by hand (the permission policy is registered in wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from matching.models import AlertRun

PROGRESS_FIELDS = [
    "need",
    "status",
    "matched",
    "sent",
    "skipped_capped",
    "skipped_muted",
    "uncertain",
    "started_at",
    "finished_at",
]


class AlertRunViewSet(SnippetViewSet):
    model = AlertRun
    icon = "mail"
    menu_label = _("Alertes urgentes")
    add_to_admin_menu = False
    list_display = PROGRESS_FIELDS
    list_filter = ["status"]
    search_fields = ["need__title"]
    inspect_view_enabled = True
    inspect_view_fields = [
        *PROGRESS_FIELDS,
        "refused",
        "chunks",
        "messages_handed_over",
    ]

    def get_queryset(self, request):
        return AlertRun.objects.select_related("need")
