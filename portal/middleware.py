"""Project middleware."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of the JSON API stays a 404: the language-prefix redirect
    (``/api/v1/x`` → ``/fr/api/v1/x``, which Wagtail's catch-all route would then accept) is
    for pages, never for the API."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
