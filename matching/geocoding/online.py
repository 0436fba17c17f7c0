"""Production geocoders (geopy's BANFrance or Nominatim), rate-limited and cached, and the choice
between them and the offline gazetteer.

Settings (read with defaults until the portal's settings declare them):
GEOCODER = "offline" | "ban" | "nominatim"; GEOCODER_BAN_DOMAIN (the BAN moved to
data.geopf.fr/geocodage); GEOCODER_NOMINATIM_DOMAIN; GEOCODER_USER_AGENT; GEOCODER_TIMEOUT_S;
GEOCODER_CACHE_S; GEOCODER_QUERIES_PER_HOUR.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from geopy import exc as geopy_exc
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import BANFrance, Nominatim

from matching.geocoding.base import GeocodedPoint, GeocoderUnavailable, PlaceNotFound
from matching.geocoding.gazetteer import OfflineGeocoder
from matching.geocoding.normalise import fold
from portal import ratelimit

DEFAULTS = {
    "GEOCODER": "offline",
    "GEOCODER_BAN_DOMAIN": "data.geopf.fr/geocodage",
    "GEOCODER_NOMINATIM_DOMAIN": "nominatim.openstreetmap.org",
    "GEOCODER_USER_AGENT": "reaction-portal/1.0",
    "GEOCODER_TIMEOUT_S": 5,
    "GEOCODER_CACHE_S": 30 * 24 * 3600,
    "GEOCODER_QUERIES_PER_HOUR": 60,
}
# French territories for Nominatim's country filter.
FRENCH_COUNTRY_CODES = ["fr", "gp", "mq", "gf", "re", "yt", "pm", "nc", "pf", "wf", "bl", "mf"]
NOT_FOUND_CACHE_S = 24 * 3600
_NOT_FOUND = "not-found"


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


class GeopyGeocoder:
    """A geopy geocoder behind the portal's interface: rate-limited, cached, errors mapped."""

    def __init__(self, geocode, *, source: str, min_delay_seconds: float, cache_seconds: int):
        self.source = source
        self.cache_seconds = cache_seconds
        self._geocode = RateLimiter(
            geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=1,
            error_wait_seconds=2.0,
            swallow_exceptions=False,
        )

    def cache_key(self, query: str) -> str:
        digest = hashlib.sha256(" ".join(fold(query).split()).encode()).hexdigest()[:32]
        return f"matching:geocode:{self.source}:{digest}"

    def geocode(self, query: str) -> GeocodedPoint:
        query = (query or "").strip()
        if not query:
            raise PlaceNotFound(_("Indiquez un code postal ou une commune."))
        key = self.cache_key(query)
        cached = cache.get(key)
        if cached == _NOT_FOUND:
            raise PlaceNotFound(_("Adresse introuvable : « %(query)s ».") % {"query": query[:80]})
        if cached is not None:
            return GeocodedPoint(**cached)
        try:
            location = self._geocode(query)
        except geopy_exc.GeocoderQueryError as error:
            raise PlaceNotFound(
                _("Adresse introuvable : « %(query)s ».") % {"query": query[:80]}
            ) from error
        except geopy_exc.GeopyError as error:
            raise GeocoderUnavailable(
                _("Le service de géocodage ne répond pas ; nouvel essai plus tard.")
            ) from error
        if location is None:
            cache.set(key, _NOT_FOUND, NOT_FOUND_CACHE_S)
            raise PlaceNotFound(_("Adresse introuvable : « %(query)s ».") % {"query": query[:80]})
        point = GeocodedPoint(
            latitude=location.latitude,
            longitude=location.longitude,
            label=location.address or query,
            source=self.source,
            postcode=str((location.raw or {}).get("properties", {}).get("postcode", "")),
        )
        cache.set(key, point.__dict__, self.cache_seconds)
        return point


def _ban() -> GeopyGeocoder:
    ban = BANFrance(
        domain=setting("GEOCODER_BAN_DOMAIN"),
        user_agent=setting("GEOCODER_USER_AGENT"),
        timeout=setting("GEOCODER_TIMEOUT_S"),
    )
    # The BAN allows 50 requests per second per address; stay well under it.
    return GeopyGeocoder(
        ban.geocode,
        source="ban",
        min_delay_seconds=0.05,
        cache_seconds=setting("GEOCODER_CACHE_S"),
    )


def _nominatim() -> GeopyGeocoder:
    nominatim = Nominatim(
        domain=setting("GEOCODER_NOMINATIM_DOMAIN"),
        user_agent=setting("GEOCODER_USER_AGENT"),
        timeout=setting("GEOCODER_TIMEOUT_S"),
    )
    # Nominatim's usage policy: at most one request per second.
    return GeopyGeocoder(
        functools.partial(nominatim.geocode, country_codes=FRENCH_COUNTRY_CODES),
        source="nominatim",
        min_delay_seconds=1.0,
        cache_seconds=setting("GEOCODER_CACHE_S"),
    )


_FACTORIES = {"offline": OfflineGeocoder, "ban": _ban, "nominatim": _nominatim}
_instances: dict[tuple, object] = {}


def get_geocoder():
    """The geocoder chosen by settings.GEOCODER (one instance per configuration and process,
    so its rate limiter sees every call)."""
    name = setting("GEOCODER")
    if name not in _FACTORIES:
        raise ValueError(f"GEOCODER must be one of {sorted(_FACTORIES)}, not {name!r}")
    key = (
        name,
        setting("GEOCODER_BAN_DOMAIN"),
        setting("GEOCODER_NOMINATIM_DOMAIN"),
        setting("GEOCODER_USER_AGENT"),
        setting("GEOCODER_TIMEOUT_S"),
    )
    if key not in _instances:
        _instances[key] = _FACTORIES[name]()
    return _instances[key]


def geocode_query(query: str, *, client: str = "") -> GeocodedPoint:
    """What a volunteer typed (postcode, commune, maybe an address) -> a point.

    The offline gazetteer answers postcodes and communes without a network call; only what it
    does not know goes to the configured service, if any, at most GEOCODER_QUERIES_PER_HOUR
    times an hour for one ``client`` (its address), so the public cannot drain the service.
    """
    try:
        return OfflineGeocoder().geocode(query)
    except PlaceNotFound:
        geocoder = get_geocoder()
        if isinstance(geocoder, OfflineGeocoder):
            raise
        if client and not ratelimit.allow(
            "geocode", client, limit=setting("GEOCODER_QUERIES_PER_HOUR"), window_s=3600
        ):
            raise GeocoderUnavailable(
                _(
                    "Trop de recherches d'adresse : réessayez dans une heure, ou indiquez un "
                    "code postal."
                )
            ) from None
        return geocoder.geocode(query)
