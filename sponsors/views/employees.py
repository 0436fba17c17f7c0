"""Employees sign up for the sponsor's internal programme from the sponsor's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from portal import ratelimit
from programme.services.signup import placement_message
from sponsors.forms import EmployeeJoinForm, EmployeeSignUpForm
from sponsors.models import SponsorPage
from sponsors.services import enrolment, selectors


class EmployeeSignUpView(View):
    template_name = "sponsors/employee_sign_up.html"

    def dispatch(self, request, pk):
        self.page = get_object_or_404(SponsorPage.objects.live().select_related("logo"), pk=pk)
        self.sponsor = self.page.canonical
        return super().dispatch(request, pk)

    def form(self, data=None):
        keys = set(
            selectors.localized_challenges(self.sponsor, self.page.locale).values_list(
                "translation_key", flat=True
            )
        )
        form_class = EmployeeJoinForm if self.request.user.is_authenticated else EmployeeSignUpForm
        return form_class(data, challenge_keys=keys)

    def get(self, request, pk):
        return self._render(self.form())

    def post(self, request, pk):
        form = self.form(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        allowed = ratelimit.allow_form_submission(request, "sponsor-sign-up")
        if not allowed:
            return self._render(form, status=429, rate_limited=True)
        code = form.cleaned_data.get("company_code", "")
        try:
            if request.user.is_authenticated:
                membership = enrolment.join_as_employee(
                    self.sponsor, request.user, choice=form.choice(), company_code=code
                )
            else:
                enrolment.sign_up_employee(
                    self.sponsor,
                    email=form.cleaned_data["email"],
                    first_name=form.cleaned_data["first_name"],
                    password=form.cleaned_data["password"],
                    choice=form.choice(),
                    company_code=code,
                )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
            return self._render(form, status=400)
        if request.user.is_authenticated:
            messages.success(request, placement_message(membership))
            return redirect("programme:space")
        request.session["programme_sign_up_email"] = form.cleaned_data["email"]
        return redirect("programme:sign_up_sent")

    def _render(self, form, *, status=200, rate_limited=False):
        context = {
            "page": self.page,
            "sponsor": self.sponsor,
            "form": form,
            "rate_limited": rate_limited,
        }
        return render(self.request, self.template_name, context, status=status)
