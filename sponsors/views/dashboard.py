"""The sponsor's dashboard, for the sponsor's contacts only: figures over time, CSV export and
internal mobilisers. Counts only: no employee's name or address is shown or exported (the
mobilisers are named by the contacts themselves)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from sponsors.forms import MobiliserForm
from sponsors.models import SponsorPage
from sponsors.services import figures, mobilisers, selectors


class SponsorContactMixin(LoginRequiredMixin):
    """Signed-in contacts of the sponsor only; anyone else gets a 404 (nothing to learn)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.page = get_object_or_404(SponsorPage.objects.live(), pk=kwargs["pk"])
        self.sponsor = self.page.canonical
        if not self.sponsor.is_contact(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def challenges(self):
        return selectors.localized_challenges(self.sponsor, self.page.locale)


class DashboardView(SponsorContactMixin, View):
    template_name = "sponsors/dashboard.html"

    def get(self, request, pk):
        return self._render(MobiliserForm(challenges=self.challenges()))

    def _render(self, form, status=200):
        key = self.sponsor.sponsor_key
        rows, units = figures.weekly_figures(key)
        labels = figures.unit_labels(units, self.page.locale)
        for row in rows:
            row.cells = [row.quantities.get(unit, 0) for unit in units]
        context = {
            "page": self.page,
            "sponsor": self.sponsor,
            "figures": figures.sponsor_figures(key, self.page.locale),
            "rows": rows,
            "unit_labels": [labels[unit] for unit in units],
            "mobilisers": mobilisers.mobilisers_of(self.sponsor),
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


class MobiliserView(DashboardView):
    def get(self, request, pk):
        return redirect("sponsors:dashboard", pk=pk)

    def post(self, request, pk):
        form = MobiliserForm(request.POST, challenges=self.challenges())
        if form.is_valid():
            try:
                mobilisers.name_mobiliser(
                    self.sponsor,
                    email=form.cleaned_data["email"],
                    challenge=form.challenges[form.cleaned_data["challenge"]],
                    named_by=request.user,
                )
            except ValidationError as error:
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("C'est noté : l'équipe ré_action vous contacte pour organiser la formation."),
                )
                return redirect("sponsors:dashboard", pk=pk)
        return self._render(form, status=400)


class ExportView(SponsorContactMixin, View):
    def get(self, request, pk):
        content = figures.weekly_csv(self.sponsor.sponsor_key, self.page.locale)
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        filename = f"sponsor-{self.sponsor.slug}-{_('semaines')}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response
