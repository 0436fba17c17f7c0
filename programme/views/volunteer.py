"""The volunteer's space: their weeks, cohort and reports; reporting an action done."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from wagtail.models import Page

from programme.forms import ReportForm
from programme.models import Membership, MembershipStatus
from programme.services import content, coordination, impact, placement


class SpaceView(LoginRequiredMixin, View):
    template_name = "programme/space.html"

    def get(self, request):
        language = get_language()
        memberships = list(
            Membership.objects.filter(user=request.user)
            .exclude(status__in=[MembershipStatus.CANCELLED, MembershipStatus.PENDING])
            .select_related("cohort", "cohort__coordinator__user", "challenge")
            .order_by("-start_date")
        )
        for membership in memberships:
            membership.challenge_here = content.challenge_in_language(
                membership.challenge, language
            )
        reports = list(
            request.user.impact_reports.select_related("challenge").order_by("-created_at")[:20]
        )
        labels = {
            (metric.page.translation_key, metric.unit): metric.label
            for metric in content.metrics_for_language(language)
        }
        for report in reports:
            report.unit_label = labels.get(
                (report.challenge.translation_key, report.unit), report.unit
            )
        context = {
            "memberships": memberships,
            "reports": reports,
            "today": timezone.localdate(),
            "coordinator": coordination.coordinator_of(request.user),
        }
        return render(request, self.template_name, context)


class CancelMembershipView(LoginRequiredMixin, View):
    def post(self, request, pk):
        membership = get_object_or_404(
            Membership.objects.filter(user=request.user).exclude(status=MembershipStatus.CANCELLED),
            pk=pk,
        )
        placement.cancel_membership(membership)
        messages.success(request, _("Votre inscription est annulée."))
        return redirect("programme:space")


class ReportView(LoginRequiredMixin, View):
    template_name = "programme/report.html"

    def get(self, request):
        initial = {}
        if request.GET.get("action", "").isdigit():
            initial["action_page"] = int(request.GET["action"])
        return self._render(ReportForm(user=request.user, initial=initial))

    def post(self, request):
        form = ReportForm(request.POST, user=request.user)
        if not form.is_valid():
            return self._render(form, status=400)
        data = form.cleaned_data
        metric = form.metrics[data["metric"]]
        action_page = None
        if data.get("action_page"):
            action_page = Page.objects.filter(pk=data["action_page"]).first()
        try:
            impact.record_report(
                user=request.user,
                challenge=metric.page,
                unit=metric.unit,
                quantity=data["quantity"],
                action_page=action_page,
                pledge=form.pledges.get(data.get("pledge")),
                note=data.get("note", ""),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self._render(form, status=400)
        messages.success(
            request,
            _("Merci ! Votre action est comptée : %(quantity)s %(label)s.")
            % {"quantity": data["quantity"], "label": metric.label},
        )
        return redirect("programme:space")

    def _render(self, form, status=200):
        return render(self.request, self.template_name, {"form": form}, status=status)
