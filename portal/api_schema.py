"""OpenAPI schema: only the portal's own JSON API under /api/v1/ (not Wagtail's internals)."""

API_PREFIX = "/api/v1/"
EXCLUDED_PREFIXES = ("/api/v1/cms/", "/api/v1/schema/")


def only_portal_api(endpoints, **kwargs):
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if path.startswith(API_PREFIX) and not path.startswith(EXCLUDED_PREFIXES)
    ]
