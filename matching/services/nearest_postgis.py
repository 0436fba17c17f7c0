"""The nearest-needs engine on PostGIS, used when the database is PostgreSQL with the postgis
extension (NEARBY_ENGINE=auto or postgis): a GiST index on the open needs' geography answers
K-nearest-neighbour queries (``<->``) directly.

It returns exactly what the portable engine returns: PostGIS only picks the candidates (the
nearest ``count`` by the index, then every need within the farthest of them, so ties ranked by
urgency are all seen); distances and ranking are the same Python code (``geo.great_circle_km``,
then distance, urgency, remaining quantity, id).
"""

from datetime import datetime
from functools import cache

from django.conf import settings
from django.db import connection

from matching import geo
from matching.models import Need, NeedStatus

# The indexed expression (immutable, as an index needs); the migration builds the same one.
GEOGRAPHY = "geography(ST_SetSRID(ST_MakePoint(n.longitude, n.latitude), 4326))"
# ST_DWithin on the sphere with a margin: PostGIS's sphere and ours differ by < 1 m per 6,371 km.
MARGIN_M = 5.0


@cache
def postgis_installed(alias: str = "default") -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
        return cursor.fetchone() is not None


def enabled() -> bool:
    engine = getattr(settings, "NEARBY_ENGINE", "auto")
    if engine == "portable":
        return False
    if engine == "postgis":
        return True
    return postgis_installed()


def ranked_need_ids(
    point: geo.Point, radius_km: float, *, filters, count: int, now: datetime
) -> list[tuple[float, int]]:
    """(distance_km, need id) of the ``count`` best needs, best first."""
    if filters.challenge_ids == ():
        return []
    with connection.cursor() as cursor:
        nearest = _rows(cursor, point, radius_km, filters, now, limit=count)
        if len(nearest) == count:
            farthest_km = max(_distance(point, row) for row in nearest)
            nearest = _rows(cursor, point, farthest_km, filters, now, limit=None)
    ranked = []
    for row in nearest:
        distance = _distance(point, row)
        if distance <= radius_km:
            need_id, _lat, _lon, urgency, remaining = row
            ranked.append((distance, -urgency, -remaining, need_id))
    ranked.sort()
    return [(row[0], row[3]) for row in ranked[:count]]


def _distance(point: geo.Point, row) -> float:
    return geo.great_circle_km(point.latitude, point.longitude, row[1], row[2])


def _rows(cursor, point: geo.Point, within_km: float, filters, now: datetime, *, limit):
    conditions = [
        f"n.status = '{NeedStatus.OPEN.value}'",  # a literal: the partial index's condition
        "n.latitude IS NOT NULL",
        f"ST_DWithin({GEOGRAPHY}, ST_MakePoint(%s, %s)::geography, %s, false)",
        "n.quantity_pledged < n.quantity_wanted",
        "(n.ends_at IS NULL OR n.ends_at > %s)",
    ]
    params: list = [point.longitude, point.latitude, within_km * 1000 + MARGIN_M, now]
    if filters.challenge_ids is not None:
        conditions.append(f"n.challenge_id IN ({', '.join(['%s'] * len(filters.challenge_ids))})")
        params += filters.challenge_ids
    if filters.place_kind:
        conditions.append("n.place_kind = %s")
        params.append(filters.place_kind)
    if filters.skill:
        conditions.append("n.skill = %s")
        params.append(filters.skill)
    sql = (
        "SELECT n.id, n.latitude, n.longitude, n.urgency, "  # noqa: S608
        "n.quantity_wanted - n.quantity_pledged "
        f"FROM {Need._meta.db_table} AS n WHERE {' AND '.join(conditions)}"
    )
    if limit is not None:
        sql += f" ORDER BY {GEOGRAPHY} <-> ST_MakePoint(%s, %s)::geography LIMIT %s"
        params += [point.longitude, point.latitude, limit]
    cursor.execute(sql, params)
    return cursor.fetchall()
