"""Addresses in a language: the site's absolute URLs (``SITE_BASE_URL``) that emails, feeds
and calendars carry, with the path translated for the reader."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale


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


def in_default_language(page):
    """``page`` in the site's default language, the translation that private data points to
    (memberships, places, cohorts, a sponsor's settings); ``page`` itself when it has none.
    None stays None."""
    if page is None or page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    return page.get_translation_or_none(Locale.get_default()) or page


def in_language(page, language_code: str, *, live_only: bool = False):
    """``page`` in ``language_code`` (a live translation only, if asked) for display; ``page``
    itself when there is none. None stays None."""
    if page is None:
        return None
    # Without a query of its own: a page whose locale is not loaded is looked up with the rest.
    if type(page).locale.is_cached(page) and page.locale.language_code == language_code:
        return page
    translations = type(page).objects.filter(
        translation_key=page.translation_key, locale__language_code=language_code
    )
    if live_only:
        translations = translations.live()
    return translations.select_related("locale").first() or page


def first_in_language(pages, language_code: str):
    """The first of ``pages`` (a queryset of pages, e.g. the live ones of a type) in
    ``language_code``, else in the site's default language; None when neither has one."""
    pages = pages.select_related("locale")
    return (
        pages.filter(locale__language_code=language_code).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
