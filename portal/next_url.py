"""The ``next`` field of forms that return to the page they came from."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, target: str) -> str:
    """``target`` when it is a path of this site ("/fr/…"), else an empty string (never
    another site, never a bare word that ``redirect()`` would take for a URL name)."""
    target = target or ""
    if not target.startswith("/") or target.startswith("//"):
        return ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def local_next(request) -> str:
    """The posted ``next`` when it is a path of this site (see ``safe_next``)."""
    return safe_next(request, request.POST.get("next", ""))


def requested_next(request) -> str:
    """The ``next`` of the query string (a link to a form), when it is a path of this site."""
    return safe_next(request, request.GET.get("next", ""))
