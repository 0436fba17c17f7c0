"""Benchmark of the nearest-needs engine: 10k, 100k and 1M needs clustered like France's
population, a realistic query mix, through the service and through the API, against a numpy
brute-force scan of every open row in memory as the reference. Prints a table.

The service and the API are timed with the ranking cache off (NEARBY_CACHE_SECONDS=0: every
query ranks); the cached figure (the same queries again, their rankings in the cache) is
printed apart. numpy is a dev dependency (pyproject.toml); there is no pure-Python fallback.

    .venv/bin/python bench/matching.py                    # SQLite, 10k / 100k / 1M
    .venv/bin/python bench/matching.py --sizes 10000      # one size
    .venv/bin/python bench/matching.py --postgres postgres://postgres@127.0.0.1:5432/reaction_x

Each size lives in its own database (SQLite files under var/bench/, or PostgreSQL databases
named <db>_bench_<size>), loaded once with the demo's bulk loader and kept for the next run.
Each size runs in a child process (one Django setup per database).

Query mix: points drawn like the population (so mostly in cities), radii 5, 20 and 100 km in
turn, the 20 nearest. The acceptance line (issue #14) is the 20 nearest within 20 km at 1M on
SQLite, cache off: median at most 1/15 of the numpy brute force's median, p95 under 10 ms.
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = 300
BRUTE_FORCE_QUERIES = 30
RADII_KM = (5, 20, 100)
LIMIT = 20
GOAL_RATIO = 15
GOAL_P95_MS = 10


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


def summary(values: list[float]) -> dict:
    return {"p50": statistics.median(values), "p95": percentile(values, 0.95)}


# --- child: one size, one database -------------------------------------------------------


def child(size: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from matching import demo, geo, services
    from matching.models import Need
    from matching.population import population_points

    settings.DEBUG = False  # no query log in memory
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    added = demo.load_bulk(size, {}, {})
    load_s = time.perf_counter() - started
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = Need.objects.count()

    points = population_points(QUERIES, seed=f"bench-queries-{size}")
    mix = [(lat, lon, RADII_KM[i % len(RADII_KM)]) for i, (lat, lon, _town) in enumerate(points)]
    twenty_km = [(lat, lon, 20) for lat, lon, _radius in mix]
    settings.NEARBY_CACHE_SECONDS = 0  # every timed query ranks: no cached ranking
    for lat, lon, radius in mix:  # one untimed pass: the OS page cache holds the index
        services.nearest_open_needs(geo.Point(lat, lon), radius, limit=LIMIT)

    def timed(function, queries) -> list[float]:
        times = []
        for query in queries:
            begin = time.perf_counter()
            function(*query)
            times.append((time.perf_counter() - begin) * 1000)
        return times

    def service(lat, lon, radius):
        return services.nearest_open_needs(geo.Point(lat, lon), radius, limit=LIMIT)

    client = Client()

    def api(lat, lon, radius):
        response = client.get(
            "/api/v1/needs/", {"lat": lat, "lon": lon, "radius_km": radius, "limit": LIMIT}
        )
        assert response.status_code == 200, response.content[:200]

    service_ms = timed(service, mix)
    api_ms = timed(api, mix)
    twenty_ms = timed(service, twenty_km)
    brute = brute_force_reference()
    brute_queries = twenty_km[:BRUTE_FORCE_QUERIES]
    brute_ms = timed(brute, brute_queries)
    for lat, lon, radius in mix[:BRUTE_FORCE_QUERIES] + brute_queries:  # the two agree
        expected = brute(lat, lon, radius)
        found = [m.need.pk for m in service(lat, lon, radius)]
        assert found == expected, (lat, lon, radius)
    settings.NEARBY_CACHE_SECONDS = 30  # now the cache: fill it, then time the same queries
    timed(service, twenty_km)
    cached_ms = timed(service, twenty_km)
    return {
        "size": size,
        "needs": total,
        "added": added,
        "load_s": load_s,
        "vendor": f"{connection.vendor} {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else f"{connection.vendor} {connection.pg_version}",
        "service": summary(service_ms),
        "api": summary(api_ms),
        "twenty_km": summary(twenty_ms),
        "twenty_km_cached": summary(cached_ms),
        "brute": summary(brute_ms),
        "service_same_queries": summary(twenty_ms[:BRUTE_FORCE_QUERIES]),
    }


def brute_force_reference():
    """Every open row in memory (numpy arrays), then a full distance scan per query."""
    from django.db.models import F, Q
    from django.utils import timezone

    import numpy as np

    from matching.models import Need, NeedStatus

    rows = list(
        Need.objects.filter(
            status=NeedStatus.OPEN,
            latitude__isnull=False,
            quantity_pledged__lt=F("quantity_wanted"),
        )
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=timezone.now()))
        .values_list(
            "id", "latitude", "longitude", "urgency", "quantity_wanted", "quantity_pledged"
        )
    )
    radius_earth = 6371.009
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    phi2 = np.radians(np.array([r[1] for r in rows]))
    lam2 = np.radians(np.array([r[2] for r in rows]))
    cos2 = np.cos(phi2)
    urgency = np.array([-r[3] for r in rows])
    remaining = np.array([r[5] - r[4] for r in rows])

    def scan(lat, lon, radius):
        phi, lam = math.radians(lat), math.radians(lon)
        a = np.sin((phi2 - phi) / 2) ** 2 + math.cos(phi) * cos2 * np.sin((lam2 - lam) / 2) ** 2
        distance = 2 * radius_earth * np.arcsin(np.minimum(1.0, np.sqrt(a)))
        inside = np.nonzero(distance <= radius)[0]
        order = np.lexsort((ids[inside], remaining[inside], urgency[inside], distance[inside]))
        return ids[inside][order[:LIMIT]].tolist()

    return scan


# --- parent: one child per size, then the table -------------------------------------------


def database_url(base: str | None, size: int) -> str:
    if base is None:
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / f'matching-{size}.sqlite3'}"
    server, _, name = base.rpartition("/")
    bench_name = f"{name}_bench_{size}"
    _ensure_postgres_database(server, bench_name)
    return f"{server}/{bench_name}"


def _ensure_postgres_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def run_size(size: int, base: str | None) -> dict:
    env = dict(
        os.environ,
        DEBUG="1",
        DATABASE_URL=database_url(base, size),
        DJANGO_SETTINGS_MODULE="portal.settings",
        LOG_LEVEL="WARNING",
        REDIS_URL="",
        CELERY_BROKER_URL="",
    )
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(size)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"size {size} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_table(results: list[dict]) -> None:
    def pair(figures):
        return f"{figures['p50']:7.2f} /{figures['p95']:7.2f}"

    print(
        f"\nNearest open needs — {results[0]['vendor']}; {QUERIES} queries per size "
        f"(points weighted to cities, radii {'/'.join(map(str, RADII_KM))} km, top {LIMIT}); "
        "ranking cache off unless said"
    )
    print(
        f"{'needs':>10} {'load s':>7} | {'service p50/p95 ms':>18} | {'API p50/p95 ms':>18} | "
        f"{'20 within 20 km':>18} | {'same, cached':>18} | {'numpy brute p50':>15} | "
        f"{'ratio':>6}"
    )
    for row in results:
        ratio = row["brute"]["p50"] / row["service_same_queries"]["p50"]
        print(
            f"{row['needs']:>10,} {row['load_s']:>7.1f} | {pair(row['service']):>18} | "
            f"{pair(row['api']):>18} | {pair(row['twenty_km']):>18} | "
            f"{pair(row['twenty_km_cached']):>18} | {row['brute']['p50']:>15.1f} | "
            f"{ratio:>5.1f}×"
        )
    print(
        "ratio = numpy brute-force median / service median (cache off) on the same "
        f"{BRUTE_FORCE_QUERIES} queries of 20 within 20 km (results checked identical); "
        "load s = bulk loading time of this run (0 when the database was already loaded)."
    )
    largest = max(results, key=lambda row: row["needs"])
    if largest["needs"] >= 1_000_000 and largest["vendor"].startswith("sqlite"):
        ratio = largest["brute"]["p50"] / largest["service_same_queries"]["p50"]
        meets = ratio >= GOAL_RATIO and largest["twenty_km"]["p95"] < GOAL_P95_MS
        print(
            f"Acceptance (1M on SQLite, 20 nearest within 20 km, cache off: median <= 1/"
            f"{GOAL_RATIO} of the numpy brute force, p95 < {GOAL_P95_MS} ms): "
            f"{'meets' if meets else 'MISSES'} ({ratio:.1f}×, {pair(largest['twenty_km'])} ms)."
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--postgres", help="postgres://user@host:port/name (default: SQLite)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    results = []
    for size in args.sizes:
        print(f"… {size:,} needs", flush=True)
        results.append(run_size(size, args.postgres))
    print_table(results)


if __name__ == "__main__":
    main()
