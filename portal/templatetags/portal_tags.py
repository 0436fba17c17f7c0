from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

from portal import account_menu
from portal.models import FooterLinks

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


@register.simple_tag
def near_me_url(challenge=None) -> str:
    """The near-me search, preselecting ``challenge`` (a challenge page in the current
    language: the search's challenge filter takes its slug). The one place this link is built:
    the home hero, the menu, challenge and action pages."""
    url = reverse("matching:near_me")
    if challenge is None:
        return url
    return f"{url}?{urlencode({'challenge': challenge.slug})}"


@register.simple_tag(takes_context=True)
def account_links(context):
    """The signed-in user's other spaces (partner, coordination, sponsor, admin), registered
    by the apps in portal.account_menu; computed once per request."""
    return account_menu.links_for(context["request"])


FOOTER_ROLES = [
    ("legal_notice", _("Mentions légales")),
    ("privacy_policy", _("Politique de confidentialité")),
    ("contact", _("Contact")),
]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's pages (site setting), each in the current language when translated: two
    queries whatever the number of links."""
    request = context["request"]
    if Site.find_for_request(request) is None:
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
            links.append({"key": name, "label": label, "url": shown.get_url(request)})
    return links


@register.filter
def unit_for(thing, quantity):
    """``{{ need|unit_for:quantity }}``: the unit of ``thing`` agreeing with ``quantity``."""
    return thing.unit_for(quantity)
