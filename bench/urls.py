"""The portal's URLs plus the ceiling route of ``bench/load.py``: a fixed 20 KB HTML answer
built once per process, served through the same middleware as every page (security headers,
sessions, locale, CSRF, authentication, CSP). Its requests/s are what the stack itself allows
on this machine; each route's throughput is printed as a share of it."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

CEILING_BYTES = 20 * 1024
_PARAGRAPH = "<p>ré_action — une page fixe pour mesurer le plafond de la pile.</p>\n"
_HEAD = '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Plafond</title>'
_HEAD += "</head><body><main>\n"
_TAIL = "</main></body></html>\n"
_BODY_BYTES = CEILING_BYTES - len((_HEAD + _TAIL).encode())
_FILLER = (_PARAGRAPH * (_BODY_BYTES // len(_PARAGRAPH.encode()) + 1)).encode()[:_BODY_BYTES]
CEILING_HTML = _HEAD.encode() + _FILLER.decode("utf-8", "ignore").encode() + _TAIL.encode()


def ceiling(request):
    return HttpResponse(CEILING_HTML, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/ceiling/", ceiling, name="bench_ceiling"), *portal_urlpatterns]
