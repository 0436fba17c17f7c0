"""The volunteer's data: a JSON export of everything kept about them, and account deletion."""

import json

from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from volunteers import personal_data, services
from volunteers.forms import DeleteAccountForm


class ExportView(LoginRequiredMixin, View):
    def get(self, request):
        data = personal_data.export_all(request.user)
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"volunteer-data-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store, private"
        return response


class DeleteView(LoginRequiredMixin, View):
    template_name = "volunteers/delete.html"

    def get(self, request):
        return self._render(DeleteAccountForm(user=request.user))

    def post(self, request):
        form = DeleteAccountForm(request.POST, user=request.user)
        if not form.is_valid():
            return self._render(form, status=400)
        try:
            services.delete_account(user=request.user)
        except services.AccountError as error:
            form.add_error(None, str(error))
            return self._render(form, status=409)
        logout(request)
        return redirect("volunteers:deleted")

    def _render(self, form, *, status=200):
        context = {"form": form, "blockers": personal_data.deletion_blockers(self.request.user)}
        return render(self.request, self.template_name, context, status=status)


def deleted(request):
    return render(request, "volunteers/deleted.html")
