"""What crawlers and browsers ask for at the root of the site: /robots.txt and /favicon.ico."""

import posixpath

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# The personal spaces, in every language (their paths are translated); "sponsors:dashboard" is
# per sponsor, so its folder is kept.
PRIVATE_URL_NAMES = [
    ("volunteers:space", {}),
    ("programme:space", {}),
    ("programme:coordination", {}),
    ("partners:home", {}),
    ("sponsors:dashboard", {"pk": 1}),
]


def private_paths() -> list[str]:
    paths = ["/admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for url_name, kwargs in PRIVATE_URL_NAMES:
                try:
                    path = reverse(url_name, kwargs=kwargs)
                except NoReverseMatch:
                    continue
                if kwargs:
                    path = posixpath.dirname(path.rstrip("/")) + "/"
                if path not in paths:
                    paths.append(path)
    return paths


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private_paths()), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    return redirect(static("favicon-32.png"), permanent=True)
