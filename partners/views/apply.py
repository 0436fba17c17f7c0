"""« Devenir partenaire »: the public application form, with the contact form's honeypot and
the per-address budget of public forms."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views import View

from partners import applications
from partners.forms.apply import PartnerApplicationForm
from portal import honeypot, ratelimit


class ApplyView(View):
    template_name = "partners/apply/form.html"

    def language(self) -> str:
        return get_language() or settings.LANGUAGE_CODE

    def get(self, request):
        return self._render(PartnerApplicationForm(language_code=self.language()))

    def post(self, request):
        if honeypot.caught(request):
            return redirect("partners:apply_done")  # a bot: thanked and ignored
        form = PartnerApplicationForm(request.POST, language_code=self.language())
        if not ratelimit.allow_form_submission(request, "partner-application"):
            return self._render(form, status=429, rate_limited=True)
        if not form.is_valid():
            return self._render(form, status=400)
        applications.submit(data=form.cleaned_data, language=self.language())
        return redirect("partners:apply_done")

    def _render(self, form, *, status=200, rate_limited=False):
        context = {
            "form": form,
            "honeypot_field": honeypot.HONEYPOT_FIELD,
            "rate_limited": rate_limited,
        }
        return render(self.request, self.template_name, context, status=status)


def apply_done(request):
    return render(request, "partners/apply/done.html")
