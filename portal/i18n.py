"""Addresses in a language: the site's absolute URLs (``SITE_BASE_URL``) that emails, feeds
and calendars carry, with the path translated for the reader."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def absolute_url(path_or_url: str) -> str:
    """``path_or_url`` on the site's base URL; an address that is already absolute stays."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return f"{settings.SITE_BASE_URL}{path_or_url}"


def absolute_reverse(view_name: str, language: str, *args, **kwargs) -> str:
    """The absolute URL of ``view_name`` with its path in ``language``."""
    with translation.override(language):
        path = reverse(view_name, args=args or None, kwargs=kwargs or None)
    return absolute_url(path)
