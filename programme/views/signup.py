"""Sign-up: the form, "check your inbox", and the confirmation link."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from portal import ratelimit
from programme.forms import JoinForm, SignUpForm
from programme.models import MembershipStatus
from programme.services import signup


def placement_message(membership) -> str:
    if membership.status == MembershipStatus.PLACED:
        return _("Vous avez une place dans une promotion qui commence le %(date)s.") % {
            "date": membership.start_date.strftime("%d/%m/%Y")
        }
    if membership.status == MembershipStatus.WAITING:
        return _(
            "Toutes les promotions de cette semaine sont complètes : vous êtes en position "
            "%(position)s sur la liste d'attente. Nous vous écrirons dès qu'une place s'ouvre."
        ) % {"position": membership.waiting_position}
    return _("Cette semaine a déjà commencé : choisissez une autre semaine.")


class SignUpView(View):
    template_name = "programme/sign_up.html"

    def form_class(self):
        return JoinForm if self.request.user.is_authenticated else SignUpForm

    def get(self, request):
        initial = {}
        if request.GET.get("defi", "").isdigit():
            initial["challenge"] = int(request.GET["defi"])
        return self._render(self.form_class()(initial=initial))

    def post(self, request):
        form = self.form_class()(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        if not request.user.is_authenticated:
            allowed = ratelimit.allow_form_submission(request, "programme-sign-up")
            if not allowed:
                return self._render(form, status=429, rate_limited=True)
        try:
            if request.user.is_authenticated:
                membership = signup.join(request.user, form.choice())
            else:
                signup.sign_up(
                    email=form.cleaned_data["email"],
                    first_name=form.cleaned_data["first_name"],
                    password=form.cleaned_data["password"],
                    choice=form.choice(),
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
        context = {"form": form, "rate_limited": rate_limited}
        return render(self.request, self.template_name, context, status=status)


def sign_up_sent(request):
    email = request.session.get("programme_sign_up_email", "")
    return render(request, "programme/sign_up_sent.html", {"email": email})


class ConfirmView(View):
    """GET shows a button (mail scanners that follow links confirm nothing); POST confirms,
    signs in and places the volunteer."""

    template_name = "programme/confirm.html"

    def dispatch(self, request, uidb64, token):
        self.user = signup.user_for_confirmation(uidb64, token)
        if self.user is None:
            return render(request, "programme/confirm_invalid.html", status=400)
        return super().dispatch(request, uidb64, token)

    def get(self, request, uidb64, token):
        return render(request, self.template_name, {"account": self.user})

    def post(self, request, uidb64, token):
        memberships = signup.confirm(self.user)
        login(request, self.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Votre adresse est confirmée. Bienvenue !"))
        for membership in memberships:
            messages.info(request, placement_message(membership))
        return redirect("programme:space")
