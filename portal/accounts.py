"""Creating a person's account: the one path every sign-up takes (volunteers, programme,
sponsors' employees; partner staff invited by email through ``create_confirmed``).

The email address is the login (username = the normalised address). Whatever the address, the
page answers the same ("check your inbox"): a new address gets a one-time confirmation link;
the owner of an existing account gets an email inviting them to sign in, and nothing of the
account changes. An account is inactive until its link is followed (``confirm``); the apps that
stored something at sign-up (a profile, a pending enrolment) act on ``account_confirmed``.
Accounts never confirmed are deleted after ``UNCONFIRMED_DAYS`` (``purge_unconfirmed``).
"""

import datetime
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from portal import mail, notify
from portal.i18n import absolute_reverse

UNCONFIRMED_DAYS = 7

# Sent once an account's address is confirmed and its owner signed in: user, request.
account_confirmed = Signal()


class ConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """One-time link confirming a sign-up's address (not usable as a password-reset link).
    The salt is the one links sent before this module existed were signed with."""

    key_salt = "programme.services.emails.SignUpTokenGenerator"


tokens = ConfirmationTokenGenerator()


def normalise_email(email: str) -> str:
    """The form every address is stored and signed in with: trimmed, all lower-case."""
    return get_user_model().objects.normalize_email((email or "").strip()).lower()


def find_account(email: str):
    return get_user_model().objects.filter(email__iexact=normalise_email(email)).first()


def is_unconfirmed(user) -> bool:
    """Created by a sign-up whose link was never followed (never signed in either)."""
    return not user.is_active and user.last_login is None


def _with_next(url: str, next_url: str = "") -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def confirmation_url(user, language: str, next_url: str = "") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = absolute_reverse("account_confirm", language, uid, tokens.make_token(user))
    return _with_next(url, next_url)


def _send(user, language: str, subject, template: str, context: dict) -> None:
    notify.send(
        to=user.email,
        language=language,
        subject=subject,
        template=template,
        context={"user": user, "days": settings.PASSWORD_RESET_TIMEOUT // 86400, **context},
    )


def send_confirmation(user, language: str, next_url: str, details: str) -> None:
    _send(
        user,
        language,
        _("Confirmez votre adresse pour activer votre compte ré_action"),
        "registration/account_confirm_email.txt",
        {"url": confirmation_url(user, language, next_url), "details": details},
    )


def send_account_exists(user, language: str, next_url: str) -> None:
    """Someone signed up with the address of an existing account: tell its owner, reveal
    nothing on the page."""
    _send(
        user,
        language,
        _("Vous avez déjà un compte ré_action"),
        "registration/account_exists_email.txt",
        {
            "login_url": _with_next(absolute_reverse("login", language), next_url),
            "reset_url": absolute_reverse("password_reset", language),
        },
    )


@transaction.atomic
def register(
    *,
    email: str,
    first_name: str,
    password: str,
    language: str,
    next_url: str = "",
    prepare: Callable[[object], str] | None = None,
):
    """Create (or, when never confirmed, refresh) an inactive account and email its link.

    ``prepare(user)`` stores what the caller's sign-up adds (a profile, an enrolment) and may
    return a sentence for the email. Returns the account, or None when the address already
    belongs to a confirmed account (its owner is emailed; the caller answers as for anyone).
    """
    email = normalise_email(email)
    user_model = get_user_model()
    user = user_model.objects.select_for_update().filter(email__iexact=email).first()
    if user is None:
        user = user_model.objects.filter(username__iexact=email).first()
    if user is not None and not is_unconfirmed(user):
        mail.after_commit(lambda: send_account_exists(user, language, next_url))
        return None
    if user is None:
        user = user_model.objects.create_user(
            username=email,
            email=email,
            password=password,
            first_name=first_name.strip(),
            is_active=False,
        )
    else:
        user.set_password(password)
        user.first_name = first_name.strip()
        user.save(update_fields=["password", "first_name"])
    details = (prepare(user) if prepare else "") or ""
    mail.after_commit(lambda: send_confirmation(user, language, next_url, details))
    return user


def create_confirmed(*, email: str, first_name: str, password: str):
    """An active account for an address already proven (an invitation's one-time link was
    followed): no confirmation email. The caller checks first that no account has it
    (``find_account``)."""
    email = normalise_email(email)
    return get_user_model().objects.create_user(
        username=email, email=email, password=password, first_name=first_name.strip()
    )


def user_for_confirmation(uidb64: str, token: str):
    """The account a confirmation link is for, or None if the link is wrong or used."""
    user_model = get_user_model()
    try:
        user = user_model.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, user_model.DoesNotExist):
        return None
    return user if tokens.check_token(user, token) else None


def activate(user) -> None:
    """The address is confirmed: the account may sign in (the link then stops working, as
    the token covers the last sign-in)."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])


def purge_unconfirmed(*, now=None) -> int:
    """Delete the accounts never confirmed after UNCONFIRMED_DAYS (with what they stored)."""
    limit = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
    stale = get_user_model().objects.filter(
        is_active=False,
        last_login__isnull=True,
        date_joined__lt=limit,
        is_staff=False,
        is_superuser=False,
    )
    count = 0
    for user in stale:
        user.delete()
        count += 1
    return count
