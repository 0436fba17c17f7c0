"""The background of the maps that show places (the volunteer's search, a partner's places)."""

from django.conf import settings
from django.templatetags.static import static

BASEMAP = "matching/basemap/france-departements.geojson"


def map_settings() -> dict:
    """The map's background: the offline basemap of France's departments (a static file) by
    default, online tiles instead when MAP_TILES_URL is set."""
    tiles_url = getattr(settings, "MAP_TILES_URL", "")
    return {
        "tiles_url": tiles_url,
        "attribution": getattr(settings, "MAP_TILES_ATTRIBUTION", ""),
        "basemap_url": "" if tiles_url else static(BASEMAP),
    }
