"""The ``next`` field of forms that return to the page they came from."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_next(request) -> str:
    """The posted ``next`` when it is a path of this site ("/fr/…"), else an empty string (never
    another site, never a bare word that ``redirect()`` would take for a URL name)."""
    target = request.POST.get("next", "") or ""
    if not target.startswith("/") or target.startswith("//"):
        return ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""
