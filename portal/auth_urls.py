"""Front-end sign-in (the email address is the login), sign-out, password reset, and the
confirmation of new accounts, for volunteers, partners and coordinators.

Paths are translated (/fr/connexion/, /en/login/). Staff use the same accounts in /admin/.
"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from portal import account_views
from portal.auth_forms import EmailAuthenticationForm
from portal.login_throttle import LoginView

urlpatterns = [
    path(
        _("connexion/"),
        LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=EmailAuthenticationForm
        ),
        name="login",
    ),
    path(_("compte/verifiez-vos-mails/"), account_views.sent, name="account_sent"),
    path(
        _("compte/confirmation/<uidb64>/<token>/"),
        account_views.ConfirmView.as_view(),
        name="account_confirm",
    ),
    path(_("deconnexion/"), auth_views.LogoutView.as_view(), name="logout"),
    path(
        _("mot-de-passe/oubli/"),
        auth_views.PasswordResetView.as_view(success_url=reverse_lazy("password_reset_done")),
        name="password_reset",
    ),
    path(
        _("mot-de-passe/envoye/"),
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("mot-de-passe/nouveau/<uidb64>/<token>/"),
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        _("mot-de-passe/change/"),
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
