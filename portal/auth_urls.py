"""Front-end sign-in, sign-out and password reset for volunteers, partners and coordinators.

Paths are translated (/fr/connexion/, /en/login/). Staff use the same accounts in /admin/.
"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from portal.login_throttle import LoginView

urlpatterns = [
    path(
        _("connexion/"),
        LoginView.as_view(redirect_authenticated_user=True),
        name="login",
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
