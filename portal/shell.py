"""The parts of every page's layout that change only when a page is published: the site, the
main menu and the footer's links, computed once per host, language and publication and kept in
the process (``portal.publication_memo``). Every page used to pay four to five queries and a
fifth of its time for them."""

from functools import lru_cache

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

from portal import publication_memo
from portal.models import FooterLinks

FOOTER_ROLES = [
    ("legal_notice", _("Mentions légales")),
    ("privacy_policy", _("Politique de confidentialité")),
    ("contact", _("Contact")),
]


def site_for(request):
    """The Wagtail site answering ``request`` (Wagtail's own lookup costs a query per request),
    also set where Wagtail looks for it first (``Site.find_for_request``)."""
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request.get_host(), request.get_port())
        request._wagtail_site = publication_memo.remembered(
            key, lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def _remembered(kind: str, request, compute):
    return publication_memo.remembered(
        (kind, request.get_host(), get_language()), lambda: compute(request)
    )


def main_menu(request) -> dict:
    """``{"home_url", "items": [{"pk", "url", "title"}]}``: the home page of the current
    language and its children shown in menus."""
    return _remembered("menu", request, _main_menu)


def footer_links(request) -> list[dict]:
    """The footer's pages (site setting) as ``{"key", "label", "url"}``, each in the current
    language when translated."""
    return _remembered("footer", request, _footer_links)


def language_links(request, page=None) -> list[dict]:
    """``{"code", "name", "url", "current"}`` for every language: the current page's
    translation (a Wagtail page), else the same view in that language (the query string kept),
    else that language's home page."""
    current = get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        translations = publication_memo.remembered(
            ("translations", page.pk, request.get_host()), lambda: _translations(page, request)
        )
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None:
            path = _translated_path(request.path, code, current)
            if path == request.path and code != current:
                url = f"/{code}/"
            else:
                url = f"{path}?{query}" if query else path
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


def _translations(page, request) -> dict[str, str]:
    live = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.get_url(request) for translation in live}


@lru_cache(maxsize=4096)
def _translated_path(path: str, code: str, current: str) -> str:
    """``path`` in language ``code`` (``current`` is active: resolving depends on it); the URL
    configuration is fixed while a process runs, so the answer is too."""
    return translate_url(path, code)


def _main_menu(request) -> dict:
    site = site_for(request)
    if site is None:
        return {"home_url": "/", "items": []}
    site_root = site.root_page
    try:
        home = site_root.get_translation(Locale.get_active())
    except Page.DoesNotExist:
        home = site_root
    items = home.get_children().live().in_menu().specific(defer=True)
    return {
        "home_url": home.get_url(request) or "/",
        "items": [
            {"pk": item.pk, "url": item.get_url(request), "title": item.title} for item in items
        ],
    }


def _footer_links(request) -> list[dict]:
    """Two queries whatever the number of links (beside finding the site)."""
    if site_for(request) is None:
        return []
    chosen = FooterLinks.for_request(request)
    roles = {getattr(chosen, f"{name}_id"): (name, label) for name, label in FOOTER_ROLES}
    roles.pop(None, None)
    if not roles:
        return []
    language = get_language()
    pages = (
        Page.objects.live()
        .filter(
            Q(pk__in=roles) | Q(locale__language_code=language),
            translation_key__in=Page.objects.filter(pk__in=roles).values("translation_key"),
        )
        .select_related("locale")
    )
    chosen_pages, in_language = {}, {}
    for page in pages:
        if page.pk in roles:
            chosen_pages[roles[page.pk][0]] = page
        if page.locale.language_code == language:
            in_language[page.translation_key] = page
    links = []
    for name, label in FOOTER_ROLES:
        page = chosen_pages.get(name)
        if page is not None:
            shown = in_language.get(page.translation_key, page)
            links.append({"key": name, "label": str(label), "url": shown.get_url(request)})
    return links
