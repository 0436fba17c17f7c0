"""Sign-in throttling for the public and the admin login: lock-out after repeated failures.

Failures are counted per account name and per client address on the cache (Redis in
production, local memory in the embedded default). Past the limit, sign-in answers 429 with a
clear message until the window ends; a successful sign-in clears the account's count.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.forms.utils import ErrorDict
from django.utils.translation import gettext as _

from wagtail.admin.views.account import LoginView as WagtailAdminLoginView

from portal import ratelimit


def _account_key(username: str) -> str:
    return f"login-failures:account:{username.strip().lower()[:150]}"


def _address_key(request) -> str:
    return f"login-failures:ip:{ratelimit.client_address(request)}"


def _count(key: str) -> int:
    return cache.get(key, 0)


def is_locked_out(request, username: str) -> bool:
    return (
        _count(_account_key(username)) >= settings.LOGIN_FAILURES_PER_ACCOUNT
        or _count(_address_key(request)) >= settings.LOGIN_FAILURES_PER_ADDRESS
    )


def _bump(key: str) -> None:
    if not cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_S):
        try:
            cache.incr(key)
        except ValueError:
            cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_S)


@receiver(user_login_failed)
def _record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    _bump(_account_key(credentials.get("username", "")))
    _bump(_address_key(request))


@receiver(user_logged_in)
def _clear_failures(sender, request, user, **kwargs):
    cache.delete(_account_key(user.get_username()))


class ThrottledLoginMixin:
    """Refuse the sign-in form with 429 while the account or the address is locked out."""

    def post(self, request, *args, **kwargs):
        if is_locked_out(request, request.POST.get("username", "")):
            form = self.get_form()
            form._errors = ErrorDict()  # shown as a bound form with one error, not validated
            form.cleaned_data = {}
            form.add_error(
                None,
                _(
                    "Trop de tentatives de connexion échouées. Par sécurité, réessayez dans "
                    "%(minutes)d minutes."
                )
                % {"minutes": settings.LOGIN_LOCKOUT_S // 60},
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)


class LoginView(ThrottledLoginMixin, auth_views.LoginView):
    pass


class AdminLoginView(ThrottledLoginMixin, WagtailAdminLoginView):
    pass
