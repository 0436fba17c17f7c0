"""The coordinator space: only a cohort's own coordinator reaches it (others get 404)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from programme.forms import CohortLinksForm, CohortMessageForm
from programme.services import content, coordination


class CoordinatorMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.coordinator = coordination.coordinator_of(request.user)
        if self.coordinator is None:
            return render(request, "programme/not_a_coordinator.html", status=403)
        return super().dispatch(request, *args, **kwargs)


class CohortMixin(CoordinatorMixin):
    def get_cohort(self, pk):
        return get_object_or_404(coordination.cohorts_of(self.request.user), pk=pk)


class CoordinationView(CoordinatorMixin, View):
    def get(self, request):
        cohorts = list(coordination.cohorts_of(request.user))
        for cohort in cohorts:
            cohort.challenge_here = content.challenge_in_language(
                cohort.challenge, request.LANGUAGE_CODE
            )
        return render(request, "programme/coordination.html", {"cohorts": cohorts})


class CohortView(CohortMixin, View):
    template_name = "programme/cohort.html"

    def get(self, request, pk):
        cohort = self.get_cohort(pk)
        return self._render(cohort, CohortMessageForm(), self._links_form(cohort))

    def _links_form(self, cohort, data=None):
        return CohortLinksForm(
            data,
            initial={"call_url": cohort.call_url, "chat_url": cohort.chat_url},
            prefix="links",
        )

    def _render(self, cohort, message_form, links_form, status=200):
        overview = coordination.cohort_overview(cohort)
        context = {
            "cohort": cohort,
            "challenge": content.challenge_in_language(
                cohort.challenge, self.request.LANGUAGE_CODE
            ),
            "message_form": message_form,
            "links_form": links_form,
            **overview,
        }
        return render(self.request, self.template_name, context, status=status)


class CohortMessageView(CohortView):
    def get(self, request, pk):
        return redirect("programme:cohort", pk=pk)

    def post(self, request, pk):
        cohort = self.get_cohort(pk)
        form = CohortMessageForm(request.POST)
        if not form.is_valid():
            return self._render(cohort, form, self._links_form(cohort), status=400)
        message = coordination.send_message(
            cohort,
            sender=request.user,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        )
        messages.success(
            request,
            _("Message envoyé à %(count)s membres.") % {"count": message.recipients},
        )
        return redirect("programme:cohort", pk=pk)


class CohortLinksView(CohortView):
    def get(self, request, pk):
        return redirect("programme:cohort", pk=pk)

    def post(self, request, pk):
        cohort = self.get_cohort(pk)
        form = self._links_form(cohort, request.POST)
        if not form.is_valid():
            return self._render(cohort, CohortMessageForm(), form, status=400)
        coordination.update_links(cohort, **form.cleaned_data)
        messages.success(request, _("Liens enregistrés."))
        return redirect("programme:cohort", pk=pk)


class CohortCallView(CohortMixin, View):
    def post(self, request, pk, day):
        cohort = self.get_cohort(pk)
        try:
            coordination.mark_call_done(cohort, day=day, user=request.user)
        except ValueError as error:
            raise Http404 from error
        messages.success(request, _("Appel du jour noté comme fait."))
        return redirect("programme:cohort", pk=pk)


class CohortExportView(CohortMixin, View):
    def get(self, request, pk):
        cohort = self.get_cohort(pk)
        overview = coordination.cohort_overview(cohort)
        headers = [
            _("Prénom"),
            _("Adresse e-mail"),
            _("Placé·e le"),
            _("Mails ouverts (jours)"),
            _("Actions déclarées"),
        ]
        body = coordination.export_csv(cohort, overview, [str(h) for h in headers])
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="promotion-{cohort.pk}.csv"'
        return response
