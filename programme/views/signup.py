"""Sign-up for a week: first the cohorts that exist for a challenge and an area (a GET step
that works without JavaScript), then the form. The account itself is created by
``portal.accounts`` ("check your inbox" and the confirmation link are the site's)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from portal import account_views, ratelimit
from portal.next_url import local_next, requested_next
from programme.areas import AREA_CHOICES
from programme.forms import CohortFinderForm, JoinForm, SignUpForm
from programme.services import offer, signup


class SignUpView(View):
    template_name = "programme/sign_up.html"

    def form_class(self):
        return JoinForm if self.request.user.is_authenticated else SignUpForm

    def get(self, request):
        next_url = requested_next(request)
        if "area" not in request.GET:
            initial = {}
            if request.GET.get("defi", "").isdigit():
                initial["challenge"] = int(request.GET["defi"])
            return self._render(finder=CohortFinderForm(initial=initial), next_url=next_url)
        finder = CohortFinderForm(request.GET)
        if not finder.is_valid():
            return self._render(finder=finder, next_url=next_url, status=400)
        challenge, area = finder.chosen()
        form = self.form_class()(initial={"challenge": challenge.pk, "area": area})
        return self._render(form=form, chosen=(challenge, area), next_url=next_url)

    def post(self, request):
        form = self.form_class()(request.POST)
        next_url = local_next(request)
        if not form.is_valid():
            return self._render(form=form, chosen=form.chosen(), next_url=next_url, status=400)
        if not request.user.is_authenticated:
            allowed = ratelimit.allow_form_submission(request, "programme-sign-up")
            if not allowed:
                return self._render(
                    form=form, chosen=form.chosen(), next_url=next_url, status=429, limited=True
                )
        try:
            if request.user.is_authenticated:
                membership = signup.join(request.user, form.choice())
            else:
                signup.sign_up(
                    email=form.cleaned_data["email"],
                    first_name=form.cleaned_data["first_name"],
                    password=form.cleaned_data["password"],
                    choice=form.choice(),
                    next_url=next_url,
                )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
            return self._render(form=form, chosen=form.chosen(), next_url=next_url, status=400)
        if request.user.is_authenticated:
            messages.success(request, signup.placement_message(membership))
            return redirect(next_url or "volunteers:space")
        account_views.remember_sign_up(request, form.cleaned_data["email"])
        return redirect("account_sent")

    def _render(
        self, *, form=None, finder=None, chosen=None, next_url="", status=200, limited=False
    ):
        context = {"form": form, "finder": finder, "next": next_url, "rate_limited": limited}
        if chosen is not None:
            challenge, area = chosen
            context.update(
                challenge=challenge,
                area=area,
                area_name=dict(AREA_CHOICES).get(area, area),
                cohorts=offer.upcoming_cohorts(challenge, area, today=timezone.localdate()),
            )
        return render(self.request, self.template_name, context, status=status)


def sign_up_sent(request):
    """The address of the sponsors' sign-up (it stores it under the programme's old key)."""
    email = request.session.pop("programme_sign_up_email", "")
    if email:
        account_views.remember_sign_up(request, email)
    return redirect("account_sent", permanent=False)
