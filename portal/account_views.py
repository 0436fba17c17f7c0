"""The pages every sign-up shares: "check your inbox" and the confirmation link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from portal import accounts
from portal.next_url import local_next

SESSION_EMAIL = "sign_up_email"
DEFAULT_LANDING = "volunteers:space"


def remember_sign_up(request, email: str) -> None:
    """What the "check your inbox" page shows: the address typed, whatever happened."""
    request.session[SESSION_EMAIL] = accounts.normalise_email(email)


def sent(request):
    email = request.session.get(SESSION_EMAIL, "")
    return render(request, "registration/account_sent.html", {"email": email})


class ConfirmView(View):
    """GET shows a button (mail scanners that follow links confirm nothing); POST confirms,
    signs in, lets the apps finish what the sign-up started, and goes to ``next``."""

    def dispatch(self, request, uidb64, token):
        self.account = accounts.user_for_confirmation(uidb64, token)
        if self.account is None:
            return render(request, "registration/account_confirm_invalid.html", status=400)
        return super().dispatch(request, uidb64, token)

    def get(self, request, uidb64, token):
        context = {"account": self.account, "next": request.GET.get("next", "")}
        return render(request, "registration/account_confirm.html", context)

    def post(self, request, uidb64, token):
        accounts.activate(self.account)
        login(request, self.account, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(request, _("Votre adresse est confirmée. Bienvenue !"))
        accounts.account_confirmed.send(sender=ConfirmView, user=self.account, request=request)
        return redirect(local_next(request) or DEFAULT_LANDING)
