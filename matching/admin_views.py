"""The moderation queue in the Wagtail admin: needs waiting for review (approve, send back to
draft, close) and needs flagged by volunteers (dismiss the reports, pause or close the need).
Editors who may change needs see it; anyone else gets 403."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from matching.models import NeedStatus
from matching.services import moderation

PERMISSION = "matching.change_need"
QUEUE_URL_NAME = "matching_moderation"


def can_moderate(user) -> bool:
    return user.has_perm(PERMISSION)


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModerationQueueView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Modération des besoins")
    header_icon = "warning"
    template_name = "matching/admin/moderation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            review_needs=list(moderation.needs_in_review()),
            flagged_needs=moderation.flagged_needs(),
            queue_limit=moderation.QUEUE_LIMIT,
        )
        return context


REVIEW_ACTIONS = {
    "approve": (
        moderation.approve_review,
        gettext_lazy("« %(title)s » est ouvert aux volontaires."),
    ),
    "draft": (
        moderation.send_back_to_draft,
        gettext_lazy("« %(title)s » est renvoyé en brouillon à son partenaire."),
    ),
    "close": (moderation.close_need, gettext_lazy("« %(title)s » est fermé.")),
}
REPORT_ACTIONS = {
    "pause": (
        NeedStatus.PAUSED,
        gettext_lazy("« %(title)s » est en pause ; signalements traités."),
    ),
    "close": (NeedStatus.CLOSED, gettext_lazy("« %(title)s » est fermé ; signalements traités.")),
}


class ReviewActionView(ModeratorRequiredMixin, View):
    """Approve, send back or close one need waiting for review."""

    def post(self, request, pk: int):
        action = REVIEW_ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            messages.error(request, _("Action inconnue."))
            return redirect(QUEUE_URL_NAME)
        service, message = action
        try:
            need = service(need_id=pk)
        except moderation.ModerationError:
            messages.warning(request, _("Ce besoin n'attend plus de relecture."))
        else:
            messages.success(request, message % {"title": need.title})
        return redirect(QUEUE_URL_NAME)


class ReportActionView(ModeratorRequiredMixin, View):
    """Dismiss a flagged need's open reports, or act on them (pause or close the need)."""

    def post(self, request, pk: int):
        choice = request.POST.get("action", "")
        try:
            if choice == "dismiss":
                count = moderation.dismiss_reports(need_id=pk, user=request.user)
                messages.success(
                    request, _("%(count)s signalement(s) classé(s) sans suite.") % {"count": count}
                )
            elif choice in REPORT_ACTIONS:
                status, message = REPORT_ACTIONS[choice]
                need = moderation.act_on_reports(need_id=pk, user=request.user, status=status)
                messages.success(request, message % {"title": need.title})
            else:
                messages.error(request, _("Action inconnue."))
        except moderation.ModerationError:
            messages.warning(request, _("Ce besoin n'existe plus."))
        return redirect(QUEUE_URL_NAME)
