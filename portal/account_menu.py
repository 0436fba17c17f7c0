"""The links of the header's account menu beyond "Mon espace", filled by the apps.

``portal`` imports no app: each app registers, in its ``AppConfig.ready()``, a link whose
``url_for(user)`` answers the URL of that user's space, or ``None`` when the user has none there
(one query at most). ``links_for(request)`` computes them once per request.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class AccountLink:
    key: str
    label: str | Promise
    url_for: Callable  # (user) -> str | None
    order: int = 100


_registry: dict[str, AccountLink] = {}
REQUEST_ATTRIBUTE = "_account_menu_links"


def register(key: str, label, url_for: Callable, *, order: int = 100) -> None:
    """Add (or replace, by key) a link of the account menu."""
    _registry[key] = AccountLink(key=key, label=label, url_for=url_for, order=order)


def registered() -> list[AccountLink]:
    return sorted(_registry.values(), key=lambda link: (link.order, link.key))


def links_for(request) -> list[dict]:
    """The signed-in user's spaces as ``{"key", "label", "url"}``, computed once per request."""
    cached = getattr(request, REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    links = []
    if user is not None and user.is_authenticated:
        for link in registered():
            url = link.url_for(user)
            if url:
                links.append({"key": link.key, "label": link.label, "url": url})
    setattr(request, REQUEST_ATTRIBUTE, links)
    return links


def wagtail_admin_url(user) -> str | None:
    """The Wagtail admin, for users allowed in it only (editors, superusers)."""
    return reverse("wagtailadmin_home") if user.has_perm("wagtailadmin.access_admin") else None


def register_admin_link() -> None:
    register("admin", _("Administration"), wagtail_admin_url, order=900)
