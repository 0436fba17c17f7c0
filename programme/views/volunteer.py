"""What a volunteer does in the programme from their space (``volunteers:space``): leave a
week, report an action done."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from wagtail.models import Page

from programme.forms import ReportForm
from programme.models import Membership, MembershipStatus
from programme.services import impact, placement


class CancelMembershipView(LoginRequiredMixin, View):
    def post(self, request, pk):
        membership = get_object_or_404(
            Membership.objects.filter(user=request.user).exclude(status=MembershipStatus.CANCELLED),
            pk=pk,
        )
        placement.cancel_membership(membership)
        messages.success(request, _("Votre inscription est annulée."))
        return redirect("volunteers:space")


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
        return redirect("volunteers:space")

    def _render(self, form, status=200):
        return render(self.request, self.template_name, {"form": form}, status=status)
