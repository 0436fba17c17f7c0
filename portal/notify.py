"""One email in its recipient's language: the one path every email of the project takes.

``message(...)`` builds the email inside ``translation.override(language)``: the subject (a
string or a lazy translation, formatted with ``subject_params`` when given), the context and
the text body (a template, or ``body``), and an HTML alternative when ``html_template`` is
given. ``context``, ``subject_params`` and ``body`` may be zero-argument callables: they are
then evaluated in the recipient's language (for contexts that translate or format dates).
``send(...)`` takes the same arguments and sends the message; ``to_staff(...)`` addresses
the team (``STAFF_EMAIL``) in the site's language.

The message leaves through ``EMAIL_BACKEND`` (the transactional outbox, ``portal.mail``, in
production) or through ``connection``, which a batch passes to reuse one connection. Who
receives what, and only once, stays the caller's business (its own delivery log).
"""

import base64
from collections.abc import Callable, Iterable
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

# A header's encoded words hold up to 45 bytes of UTF-8 (60 in base64): 72 characters each.
_WORD_BYTES = 45


def encoded_words(text: str) -> str:
    """``text`` as RFC 2047 encoded words (base64, cut between characters), in one pass:
    Python's header encoder tries every cut of a French subject, a tenth of a pledge's time."""
    data, words, start = text.encode(), [], 0
    while start < len(data):
        end = min(len(data), start + _WORD_BYTES)
        while end < len(data) and data[end] & 0xC0 == 0x80:  # inside a character
            end -= 1
        words.append(f"=?utf-8?b?{base64.b64encode(data[start:end]).decode()}?=")
        start = end
    return " ".join(words)


def _needs_encoding(value: str) -> bool:
    """Non-ASCII on one line (newlines are left for Django to refuse)."""
    return not value.isascii() and "\n" not in value and "\r" not in value


class Email(EmailMultiAlternatives):
    """What ``message`` returns: Django's email, its subject and its sender's name encoded in
    one pass when they are not ASCII (Django then keeps them as they are)."""

    def message(self):
        subject, from_email = self.subject, self.from_email
        if _needs_encoding(str(subject)):
            self.subject = encoded_words(str(subject))
        name, address = parseaddr(str(from_email or ""))
        if name and address.isascii() and _needs_encoding(str(from_email)):
            self.from_email = formataddr((name, address), charset="utf-8")
        try:
            return super().message()
        finally:
            self.subject, self.from_email = subject, from_email


def _evaluated(value):
    return value() if callable(value) else value


def message(
    *,
    to: str | Iterable[str],
    language: str | None,
    subject: Any,
    template: str | None = None,
    context: dict | Callable[[], dict] | None = None,
    body: str | Callable[[], str] | None = None,
    html_template: str | None = None,
    subject_params: dict | Callable[[], dict] | None = None,
    connection=None,
    headers: dict | None = None,
    reply_to: Iterable[str] | None = None,
    from_email: str | None = None,
) -> Email:
    """The email to ``to`` (one address or several), rendered in ``language`` (the site's
    default when empty). The text body is ``template`` rendered with ``context``, or ``body``
    as it is; ``subject`` is formatted (``%``) with ``subject_params`` only when they are
    given, so a subject typed by someone may hold a ``%``."""
    if (template is None) == (body is None):
        raise ValueError("notify.message takes either a template or a body")
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = str(subject)
        if subject_params is not None:
            subject %= _evaluated(subject_params)
        values = _evaluated(context) or {}
        text = render_to_string(template, values) if template else str(_evaluated(body))
        html = render_to_string(html_template, values) if html_template else None
    email = Email(
        subject,
        text,
        from_email,
        [to] if isinstance(to, str) else list(to),
        connection=connection,
        headers=headers,
        reply_to=reply_to,
    )
    if html is not None:
        email.attach_alternative(html, "text/html")
    return email


def to_staff(**kwargs) -> Email:
    """``message(**kwargs)`` to the team's inbox (``STAFF_EMAIL``), in the site's language."""
    return message(to=settings.STAFF_EMAIL, language=settings.LANGUAGE_CODE, **kwargs)


def send(**kwargs) -> int:
    """Build ``message(**kwargs)`` and send it; returns how many messages left (0 or 1)."""
    return message(**kwargs).send()
