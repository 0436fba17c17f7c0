from django import template
from django.urls import reverse
from django.utils.http import urlencode

from portal import account_menu, kept_layout, shell

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language: its translation, else that home page
    (portal.shell). Stand-ins for their addresses while the kept header is rendered."""
    if "kept_language_links" in context:
        return context["kept_language_links"]
    return shell.language_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def site_header(context):
    """The site header (components/header.html), kept for visitors not signed in
    (portal.kept_layout)."""
    return kept_layout.header(context)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The site footer (components/footer.html), kept per language (portal.kept_layout)."""
    return kept_layout.footer(context)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page of the current language and its children shown in menus (portal.shell)."""
    return shell.main_menu(context["request"])


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


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's pages, each in the current language when translated (portal.shell)."""
    return shell.footer_links(context["request"])


@register.filter
def unit_for(thing, quantity):
    """``{{ need|unit_for:quantity }}``: the unit of ``thing`` agreeing with ``quantity``."""
    return thing.unit_for(quantity)


@register.inclusion_tag("components/pages.html", takes_context=True)
def page_links(context, page, label, anchor=""):
    """Previous / next links under a paginated list, keeping the list's other parameters
    (filters, search, sort) and opening the linked page at ``anchor``."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return {"page": page, "label": label, "query": query.urlencode(), "anchor": anchor}
