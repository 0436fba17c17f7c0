"""Project middleware."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from portal import publication_memo, shell


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of the JSON API stays a 404: the language-prefix redirect
    (``/api/v1/x`` → ``/fr/api/v1/x``, which Wagtail's catch-all route would then accept) is
    for pages, never for the API."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)


class SiteMiddleware:
    """Finds the request's Wagtail site once per process and publication (``portal.shell``)
    rather than with a query on each request; Wagtail's own lookups then find it set. With the
    memo off (PUBLICATION_MEMO_SECONDS=0, tests) Wagtail finds it itself, only when asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if publication_memo.ttl_seconds() > 0:
            shell.site_for(request)
        return self.get_response(request)
