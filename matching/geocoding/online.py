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

from matching import geo
from matching.geocoding.base import GeocodedPoint, GeocoderUnavailable, PlaceNotFound
from matching.geocoding.gazetteer import OfflineGeocoder, gazetteer
from matching.geocoding.normalise import department_of_postcode, fold, split_postcode
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
# An answer farther than this from all the communes of the postcode the query names is garbage
# (a point in the sea, another country): French communes span a few tens of km at most (French
# Guiana's excepted: they get a wider margin).
MAX_KM_FROM_POSTCODE = 60.0
MAX_KM_FROM_POSTCODE_BY_DEPARTMENT = {"973": 250.0}
# And any answer must fall near a department the gazetteer knows (the portal is French).
TERRITORY_MARGIN_DEGREES = 1.0


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
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
            # geopy could not read the answer (coordinates out of range or not numbers,
            # fields missing): a service fault like an outage, retried later.
            raise GeocoderUnavailable(
                _("Le service de géocodage a donné une position invalide ; nouvel essai plus tard.")
            ) from error
        if location is None:
            cache.set(key, _NOT_FOUND, NOT_FOUND_CACHE_S)
            raise PlaceNotFound(_("Adresse introuvable : « %(query)s ».") % {"query": query[:80]})
        latitude, longitude = _plausible_point(location, query)
        point = GeocodedPoint(
            latitude=latitude,
            longitude=longitude,
            label=location.address if isinstance(location.address, str) else query,
            source=self.source,
            postcode=str((location.raw or {}).get("properties", {}).get("postcode", "")),
        )
        cache.set(key, point.__dict__, self.cache_seconds)
        return point


def _plausible_point(location, query: str) -> tuple[float, float]:
    """The answer's coordinates, or GeocoderUnavailable (not cached, so retried later) when the
    service sent garbage: not numbers, out of range, or far from the postcode of the query."""
    garbage = GeocoderUnavailable(
        _("Le service de géocodage a donné une position invalide ; nouvel essai plus tard.")
    )
    try:
        latitude, longitude = float(location.latitude), float(location.longitude)
    except (TypeError, ValueError, AttributeError):
        raise garbage from None
    if not geo.valid_point(latitude, longitude) or not _in_french_territory(latitude, longitude):
        raise garbage
    code, _rest = split_postcode(query)
    postcode = gazetteer().postcodes.get(code) if code else None
    if postcode is not None:
        reach = MAX_KM_FROM_POSTCODE_BY_DEPARTMENT.get(
            department_of_postcode(code), MAX_KM_FROM_POSTCODE
        )
        centres = [(postcode.latitude, postcode.longitude), *_commune_points(code)]
        if all(geo.great_circle_km(latitude, longitude, *centre) > reach for centre in centres):
            raise garbage
    return latitude, longitude


def _commune_points(code: str) -> list[tuple[float, float]]:
    """The points of the communes a postcode serves (a postcode may span several)."""
    data = gazetteer()
    return [
        (commune.latitude, commune.longitude)
        for name in data.postcodes[code].communes
        for commune in data.communes_named(name)
        if code in commune.postcodes
    ]


@functools.cache
def _territory_boxes() -> list[tuple[float, float, float, float]]:
    """(south, north, west, east) around each department of the gazetteer, with a margin."""
    bounds: dict[str, list[float]] = {}
    for postcode in gazetteer().postcodes.values():
        department = department_of_postcode(postcode.code)
        box = bounds.setdefault(department, [90.0, -90.0, 180.0, -180.0])
        box[0], box[1] = min(box[0], postcode.latitude), max(box[1], postcode.latitude)
        box[2], box[3] = min(box[2], postcode.longitude), max(box[3], postcode.longitude)
    margin = TERRITORY_MARGIN_DEGREES
    return [(s - margin, n + margin, w - margin, e + margin) for s, n, w, e in bounds.values()]


def _in_french_territory(latitude: float, longitude: float) -> bool:
    return any(
        south <= latitude <= north and west <= longitude <= east
        for south, north, west, east in _territory_boxes()
    )


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
