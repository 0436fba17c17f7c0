"""OpenAPI schema: only the portal's own JSON API under /api/v1/ (not Wagtail's internals)."""

API_PREFIX = "/api/v1/"
EXCLUDED_PREFIXES = ("/api/v1/cms/", "/api/v1/schema/")


def only_portal_api(endpoints, **kwargs):
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if path.startswith(API_PREFIX) and not path.startswith(EXCLUDED_PREFIXES)
    ]


ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "additionalProperties": True,
}
FEATURE_COLLECTION = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "integer"},
                    "geometry": {"type": "object"},
                    "properties": {"type": "object"},
                },
            },
        },
    },
}
DESCRIPTIONS = {
    "400": "Paramètres ou données invalides : détail et erreurs par champ",
    "403": "Connexion requise, ou compte qui n'est membre d'aucun partenaire",
    "404": "Introuvable (objet d'un autre partenaire, ou page au-delà de la dernière)",
    "429": "Trop de requêtes : réessayez après le délai indiqué (Retry-After)",
    "503": "Service de géocodage indisponible : réessayez plus tard",
}
GEOCODING_PATHS = ("/api/v1/needs/", "/api/v1/geocode/")


def document_error_answers(result, generator, request, public):
    """Every answer the API gives is in the schema: rate limits (429) everywhere; for the
    partner API, 400 (invalid data or filters), 403 (not a partner) and 404 (not found, another
    partner's, or a page past the last); 404 on other paged lists; the geocoder's 503; the
    needs' GeoJSON answer."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            codes = ["429"]
            paged = any(p.get("name") == "page" for p in operation.get("parameters", []))
            if path.startswith("/api/v1/partner/"):
                codes += ["400", "403", "404"]
            elif paged:
                codes += ["404"]
            if path in GEOCODING_PATHS:
                codes += ["503"]
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, {"description": DESCRIPTIONS[code], "content": error})
            if path == "/api/v1/needs/" and method == "get":
                content = responses.get("200", {}).get("content", {})
                content["application/geo+json"] = {"schema": FEATURE_COLLECTION}
    return result
