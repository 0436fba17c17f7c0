"""Sign-in throttling for the public and the admin login: lock-out after repeated failures.

Failures are counted per account name and per client address on the cache (Redis in
production, local memory in the embedded default). Past the limit, sign-in answers 429 with a
clear message until the window ends; a successful sign-in clears the account's count.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.forms.utils import ErrorDict
from django.utils.translation import gettext as _

from wagtail.admin.views.account import LoginView as WagtailAdminLoginView

from portal import ratelimit

logger = logging.getLogger(__name__)


def _account_key(username: str) -> str:
    """Hashed: usernames typed at the form may hold any character (and stay out of Redis)."""
    digest = hashlib.sha256(username.strip().lower()[:150].encode()).hexdigest()
    return f"login-failures:account:{digest}"


def _address_key(request) -> str:
    return f"login-failures:ip:{ratelimit.client_address(request)}"


def _count(key: str) -> int:
    try:
        return cache.get(key, 0)
    except Exception:  # noqa: BLE001 - the cache (Redis) is down: no lock-out rather than a 500
        logger.warning("Sign-in lock-out not checked: the cache is unreachable")
        return 0


def is_locked_out(request, username: str) -> bool:
    return (
        _count(_account_key(username)) >= settings.LOGIN_FAILURES_PER_ACCOUNT
        or _count(_address_key(request)) >= settings.LOGIN_FAILURES_PER_ADDRESS
    )


def _bump(key: str) -> None:
    try:
        if not cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_S):
            try:
                cache.incr(key)
            except ValueError:
                cache.add(key, 1, timeout=settings.LOGIN_LOCKOUT_S)
    except Exception:  # noqa: BLE001 - the cache (Redis) is down: the failure goes uncounted
        logger.warning("Sign-in failure not counted: the cache is unreachable")


@receiver(user_login_failed)
def _record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    _bump(_account_key(credentials.get("username", "")))
    _bump(_address_key(request))


@receiver(user_logged_in)
def _clear_failures(sender, request, user, **kwargs):
    try:
        cache.delete(_account_key(user.get_username()))
    except Exception:  # noqa: BLE001 - the cache (Redis) is down
        logger.warning("Sign-in failures not cleared: the cache is unreachable")


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
