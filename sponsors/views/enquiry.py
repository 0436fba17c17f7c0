"""« Devenir sponsor »: the enquiry form, with the contact form's honeypot and rate limit."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views import View

from portal import honeypot, ratelimit
from sponsors.forms import SponsorEnquiryForm
from sponsors.models import SponsorTier
from sponsors.services import enquiry


class EnquiryView(View):
    template_name = "sponsors/enquiry.html"

    def tiers(self):
        language = get_language() or settings.LANGUAGE_CODE
        tiers = SponsorTier.objects.filter(locale__language_code=language)
        if not tiers.exists():
            tiers = SponsorTier.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        return list(tiers)

    def get(self, request):
        return self._render(SponsorEnquiryForm(tiers=self.tiers()))

    def post(self, request):
        if honeypot.caught(request):
            return redirect("sponsors:enquiry_sent")  # a bot: thanked and ignored
        form = SponsorEnquiryForm(request.POST, tiers=self.tiers())
        # The same budget as the contact form: it is the same inbox.
        allowed = ratelimit.allow_form_submission(request, "contact-form")
        if not allowed:
            return self._render(form, status=429, rate_limited=True)
        if not form.is_valid():
            return self._render(form, status=400)
        enquiry.submit_enquiry(
            data=form.cleaned_data,
            language_code=get_language() or settings.LANGUAGE_CODE,
            user=request.user,
        )
        return redirect("sponsors:enquiry_sent")

    def _render(self, form, *, status=200, rate_limited=False):
        context = {
            "form": form,
            "honeypot_field": honeypot.HONEYPOT_FIELD,
            "rate_limited": rate_limited,
            "tiers": self.tiers(),
        }
        return render(self.request, self.template_name, context, status=status)


def enquiry_sent(request):
    return render(request, "sponsors/enquiry_sent.html")
