"""The nearest-needs engine: open needs within R km of a point, nearest first.

How it stays fast at a million needs, on SQLite as on PostgreSQL, with the same results:
each need carries its place's public point and the latitude band of that point; a partial
index on (grid_band, longitude, latitude) WHERE status = 'open' turns a box into one short
range scan per 1.1 km band (a VALUES list joined to the table). The search grows a ring from
the point: a box of half-size d holds every need within d, so once ``limit`` of them lie within
d the answer is final; otherwise d grows (guided by the density seen so far) up to the radius.
Dense cities stop at a few hundred metres; empty countryside reaches the radius in a few steps.
Distances are exact great-circle distances, computed in Python (identical on both databases).
With PostGIS installed, ``nearest_postgis`` picks the candidates with a geography index instead.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.db import connection
from django.db.models.base import ModelState
from django.utils import timezone

from challenges.models import ChallengePage
from matching import geo
from matching.models import Need, NeedStatus, Place
from matching.services import nearest_cache, nearest_postgis

MAX_RADIUS_KM = 200.0
# What lists of needs show (pages, API, map): loading only these keeps a page of 20 cheap.
LIST_FIELDS = (
    "id",
    "title",
    "unit",
    "unit_singular",
    "quantity_wanted",
    "quantity_pledged",
    "urgency",
    "skill",
    "status",
    "challenge_id",
    "latitude",
    "longitude",
    "place_kind",
    "place__id",
    "place__name",
    "place__town",
)
MAX_LIMIT = 100
FIRST_RING_KM = 0.5
# The ring grows so that about this many times ``limit`` needs are expected inside it.
GROWTH_TARGET = 2.0


@dataclass(frozen=True)
class NeedMatch:
    need: Need
    distance_km: float


@dataclass(frozen=True)
class NeedFilters:
    challenge_ids: tuple[int, ...] | None = None
    place_kind: str = ""
    skill: str = ""


def challenge_page_ids(challenge: ChallengePage) -> tuple[int, ...]:
    """The ids of a challenge in every language (pages sharing its translation key)."""
    ids = ChallengePage.objects.filter(translation_key=challenge.translation_key).values_list(
        "id", flat=True
    )
    return tuple(ids)


def nearest_open_needs(
    point: geo.Point,
    radius_km: float,
    *,
    challenge: ChallengePage | None = None,
    kind: str = "",
    skill: str = "",
    limit: int = 20,
    offset: int = 0,
    now: datetime | None = None,
) -> list[NeedMatch]:
    """Open needs (not ended, something left to pledge) within ``radius_km`` of ``point``,
    ranked by distance, then urgency (highest first), then remaining quantity (largest first).
    """
    if not geo.valid_point(point.latitude, point.longitude):
        raise ValueError(f"invalid point {point!r}")
    if not 0 < radius_km <= MAX_RADIUS_KM:
        raise ValueError(f"radius_km must be in (0, {MAX_RADIUS_KM}]")
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError("limit must be in [1, 100] and offset >= 0")
    filters = NeedFilters(
        challenge_ids=challenge_page_ids(challenge) if challenge is not None else None,
        place_kind=kind,
        skill=skill,
    )
    cache_key = nearest_cache.key(point, radius_km, filters, offset + limit) if not now else None
    ranked = nearest_cache.get(cache_key)
    if ranked is None:
        ranked = ranked_need_ids(
            point, radius_km, filters=filters, count=offset + limit, now=now or timezone.now()
        )
        nearest_cache.put(cache_key, ranked)
    ranked = ranked[offset:]
    needs = needs_for_lists([need_id for _distance, need_id in ranked])
    matches = [
        NeedMatch(needs[need_id], distance) for distance, need_id in ranked if need_id in needs
    ]
    if cache_key is None:
        return matches
    # A cached ranking may name needs pledged in full or closed since: leave them out.
    return [m for m in matches if m.need.status == NeedStatus.OPEN and m.need.quantity_remaining]


def needs_for_lists(ids: list[int]) -> dict[int, Need]:
    """The needs of ``ids`` by id, each with its place, loading only ``LIST_FIELDS`` (one
    query). What ``select_related("place").only(*LIST_FIELDS).in_bulk(ids)`` returns, without
    building and compiling that query anew for every search: the SQL is written once."""
    if not ids:
        return {}
    need_names, place_names, sql = _list_query()
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=", ".join(["%s"] * len(ids))), ids)
        rows = cursor.fetchall()
    database, width = connection.alias, len(need_names)
    needs = {}
    for row in rows:
        need = _loaded(Need, database, need_names, row[:width])
        place = _loaded(Place, database, place_names, row[width:])
        place.remember_loaded()  # what Place.from_db adds
        need._state.fields_cache["place"] = place
        needs[need.pk] = need
    return needs


def _loaded(model, database: str, names: list[str], values):
    """What ``Model.from_db`` returns for these fields (the others deferred), without running
    ``Model.__init__`` over all the model's fields (a need has 22, a place 17): nobody listens
    to Need's or Place's init signals, and Place's own ``from_db`` only adds
    ``remember_loaded`` (tests/matching/test_nearest_lists.py checks all three)."""
    instance = model.__new__(model)
    instance.__dict__.update(zip(names, values, strict=True))
    instance._state = ModelState()
    instance._state.adding, instance._state.db = False, database
    return instance


@cache
def _list_query() -> tuple[list[str], list[str], str]:
    """Column names and SQL; columns in the models' field order, as ``from_db`` expects."""
    need_names = {name for name in LIST_FIELDS if "__" not in name} | {"place"}
    place_names = {name.split("__", 1)[1] for name in LIST_FIELDS if name.startswith("place__")}
    need_fields = [f for f in Need._meta.concrete_fields if {f.name, f.attname} & need_names]
    place_fields = [f for f in Place._meta.concrete_fields if f.name in place_names]
    quote = connection.ops.quote_name
    columns = [f"n.{quote(field.column)}" for field in need_fields]
    columns += [f"p.{quote(field.column)}" for field in place_fields]
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(Need._meta.db_table)} AS n "  # noqa: S608
        f"INNER JOIN {quote(Place._meta.db_table)} AS p ON p.{quote(Place._meta.pk.column)} = "
        f"n.{quote(Need._meta.get_field('place').column)} "
        f"WHERE n.{quote(Need._meta.pk.column)} IN ({{ids}})"
    )
    return [f.attname for f in need_fields], [f.attname for f in place_fields], sql


def ranked_need_ids(
    point: geo.Point, radius_km: float, *, filters: NeedFilters, count: int, now: datetime
) -> list[tuple[float, int]]:
    """(distance_km, need id) of the ``count`` best needs, best first."""
    if filters.challenge_ids == ():
        return []
    if nearest_postgis.enabled():
        return nearest_postgis.ranked_need_ids(
            point, radius_km, filters=filters, count=count, now=now
        )
    lat, lon = point.latitude, point.longitude
    ring_km = min(FIRST_RING_KM, radius_km)
    with connection.cursor() as cursor:
        while True:
            within = []
            for need_id, latitude, longitude, urgency, remaining in _rows_in_box(
                cursor, geo.bounding_box(lat, lon, ring_km), filters, now
            ):
                distance = geo.great_circle_km(lat, lon, latitude, longitude)
                if distance <= ring_km:
                    within.append((distance, -urgency, -remaining, need_id))
            if len(within) >= count or ring_km >= radius_km:
                within.sort()
                return [(row[0], row[3]) for row in within[:count]]
            ring_km = min(radius_km, _next_ring_km(ring_km, len(within), count))


def _next_ring_km(ring_km: float, found: int, wanted: int) -> float:
    if found == 0:
        return ring_km * 4
    return ring_km * max(1.5, math.sqrt(GROWTH_TARGET * wanted / found))


def _rows_in_box(cursor, box: geo.BoundingBox, filters: NeedFilters, now: datetime):
    """(id, latitude, longitude, urgency, remaining) of the matching open needs in ``box``.

    One index range scan per band: SQLite takes the VALUES list first when told CROSS JOIN;
    PostgreSQL gets a LATERAL subquery so that it does so even before ANALYZE has run (left
    free, it once scanned the whole index of a freshly loaded table).
    """
    ranges = geo.band_ranges(box)
    params: list = [value for band_range in ranges for value in band_range]
    values = ", ".join(["(%s, %s, %s)"] * len(ranges))
    columns = "n.id, n.latitude, n.longitude, n.urgency, n.quantity_wanted - n.quantity_pledged"
    conditions = [
        "n.grid_band = r.column1 AND n.longitude BETWEEN r.column2 AND r.column3",
        f"n.status = '{NeedStatus.OPEN.value}'",  # a literal: the partial index's condition
        "n.latitude BETWEEN %s AND %s",
        "n.quantity_pledged < n.quantity_wanted",
        "(n.ends_at IS NULL OR n.ends_at > %s)",
    ]
    params += [box.min_latitude, box.max_latitude, connection.ops.adapt_datetimefield_value(now)]
    if filters.challenge_ids is not None:
        conditions.append(f"n.challenge_id IN ({', '.join(['%s'] * len(filters.challenge_ids))})")
        params += filters.challenge_ids
    if filters.place_kind:
        conditions.append("n.place_kind = %s")
        params.append(filters.place_kind)
    if filters.skill:
        conditions.append("n.skill = %s")
        params.append(filters.skill)
    table, where = Need._meta.db_table, " AND ".join(conditions)
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT n.* FROM (VALUES {values}) AS r CROSS JOIN LATERAL "  # noqa: S608
            f"(SELECT {columns} FROM {table} AS n WHERE {where}) AS n"
        )
    else:
        sql = f"SELECT {columns} FROM (VALUES {values}) AS r CROSS JOIN {table} AS n WHERE {where}"  # noqa: S608
    cursor.execute(sql, params)
    return cursor.fetchall()
