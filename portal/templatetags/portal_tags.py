from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language: its translation, else that home page."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.get_url(request)
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        if url is None:
            url = translate_url(request.get_full_path(), code)
            if url == request.get_full_path() and code != current:
                url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page of the current language and its children shown in menus."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return {"home": None, "items": []}
    site_root = site.root_page
    try:
        home = site_root.get_translation(Locale.get_active())
    except Page.DoesNotExist:
        home = site_root
    items = home.get_children().live().in_menu().specific(defer=True)
    return {"home": home, "items": list(items)}
