"""Load test: gunicorn with 2 workers on 127.0.0.1 serving the demo site plus a million needs,
driven by an asyncio client in this process. Each route is loaded alone for a few seconds (its
own throughput, every page rendered: the whole-page cache off), then all together in a
realistic mix; then the server restarts with its whole-page cache on and the mix runs again, as
production serves it (anonymous home, challenge and directory pages from the cache). Prints
requests/s, median and p95 latency, client-visible errors (5xx, refused or broken connections)
and other non-2xx/3xx answers per route, and each route's throughput as a share of the
"ceiling": a fixed 20 KB HTML answer through the same middleware (``bench/urls.py``, mounted
only by ``bench.settings``). Each load runs in slices of a second, each right after a second of
the ceiling, and its share is its requests over the ceiling's in those slices: the machine's
speed drifts within a run (by up to 40 % on a shared 2-core machine), a ratio of the same
moments does not. Shares, unlike requests/s, hold on a busy machine.

    .venv/bin/python bench/load.py                                   # SQLite under var/bench/
    .venv/bin/python bench/load.py --redis-url redis://127.0.0.1:6379/5 \\
        --database-url postgres://postgres@127.0.0.1:5432/reaction_load   # production profile
                                                   # (after `createdb reaction_load`)
    .venv/bin/python bench/load.py --needs 10000 --seconds 3         # a quick run

The database is prepared once (migrate, demo, bulk needs, collectstatic, a bench volunteer) and
kept for the next run. The server runs with DEBUG off and the production static storage. On
SQLite, Celery runs tasks in the request (the embedded default: a pledge's emails are sent
before it answers); with --redis-url, Redis is the cache and Celery's broker, and one worker
process beside the server sends them (production's topology). The acceptance lines: issue
#14, shares of the ceiling (SHARE_GOALS; the mix as production serves it >= 35 %), zero errors;
with --page-cache (every route from the cache where production caches it), issue #9's: home
>= 300 requests/s and the near-me API >= 150 requests/s with 1M needs.
"""

import argparse
import asyncio
import json
import math
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_EMAIL = "bench.volunteer.{n}@reaction.example"
BENCH_VOLUNTEERS = 40  # pledges are limited per account and hour: spread over accounts
BENCH_PASSWORD = secrets.token_urlsafe(16)  # set anew on each run
POSTCODES = ["75011", "69003", "13001", "31000", "33000", "59000", "44000", "67000", "35000"]
DIRECTORY_MIXES = {
    "directory": {},
    "directory_challenge": "challenge",
    "directory_search": {"q": "kits"},
    "directory_sorted": {"sort": "most-done"},
}
MIX = {
    "home": 25,
    "challenge": 10,
    "directory": 4,
    "directory_challenge": 4,
    "directory_search": 4,
    "directory_sorted": 3,
    "near_me": 15,
    "api_needs": 20,
    "need": 8,
    "volunteer_space": 2,
    "pledge": 5,
}
# Issue #14: each route's requests/s as a share of the ceiling's, at least (pages rendered).
SHARE_GOALS = {
    "directory": 0.25,
    "directory_challenge": 0.25,
    "directory_search": 0.25,
    "directory_sorted": 0.25,
    "near_me": 0.25,
    "need": 0.25,
    "api_needs": 0.40,
    "pledge": 0.15,
}
MIXED_SHARE_GOAL = 0.35
SLICE_SECONDS = 1.0  # a load and the ceiling alternate by slices this long


@dataclass
class RouteStats:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    refused: int = 0

    def add(self, status: int, elapsed_ms: float):
        self.latencies_ms.append(elapsed_ms)
        if status >= 500 or status == 0:
            self.errors += 1
        elif status >= 400:
            self.refused += 1

    def merge(self, other: "RouteStats"):
        self.latencies_ms += other.latencies_ms
        self.errors += other.errors
        self.refused += other.refused


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


# --- preparing the database and the server ---------------------------------------------


def server_env(args) -> dict:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.settings",  # portal.settings plus the ceiling route
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=args.database_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_BASE_URL=f"http://127.0.0.1:{args.port}",
        LOG_LEVEL="WARNING",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        # All the bench's requests come from one address: lift the API's limits per address
        # (anonymous requests count under both). Per second: DRF keeps a timestamp per request
        # of its window, and a minute of bench traffic (30,000) would cost each request far more
        # than production's 300 per minute; a second of it is about as many.
        API_RATE_ANONYMOUS="1000000/second",
        API_RATE_ACCOUNT="1000000/second",
        # A bench account pledges hundreds of times a minute: successful pledges measured, not
        # 429 answers (20 an hour per account otherwise).
        PLEDGES_PER_HOUR="1000000",
        # The real work by default: anonymous pages rendered, not answered from the whole-page
        # cache (home, challenge, directory); --page-cache measures the cache instead.
        PAGE_CACHE_SECONDS="60" if args.page_cache else "0",
    )
    if args.redis_url:
        # Production's topology: Redis is the cache and Celery's broker; a worker beside the
        # server sends the emails (pledge confirmations, partner notices) out of the request.
        env["REDIS_URL"] = args.redis_url
        env["CELERY_TASK_ALWAYS_EAGER"] = "0"
    return env


def manage(env: dict, *arguments: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


PREPARE = """
from django.contrib.auth import get_user_model
from django.core.cache import cache
from challenges.models import ChallengePage
from matching.models import Pledge, VolunteerProfile
cache.clear()  # the bench's own cache database: rate limits start afresh
# The last runs' pledges withdrawn (each recounts its need): every run pledges the same needs
# from the same state, none filled by the runs before.
Pledge.objects.filter(volunteer__user__username__startswith="{prefix}").delete()
for n in range({count}):
    email = "{email}".format(n=n)
    user, _ = get_user_model().objects.get_or_create(
        username=email, defaults={{"email": email, "first_name": "Bench"}})
    user.set_password("{password}")
    user.save()
    VolunteerProfile.objects.get_or_create(user=user, defaults={{"postcode": "75011"}})
page = ChallengePage.objects.live().filter(locale__language_code="fr").first()
print(page.url_path.split("/", 2)[2].rstrip("/") + "|" + page.slug)
"""


def prepare(args, env: dict) -> dict:
    started = time.monotonic()
    if not args.prepared:
        manage(env, "compile_catalogues", "-v0")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "--needs", str(args.needs), "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
    script = PREPARE.format(
        email=BENCH_EMAIL,
        password=BENCH_PASSWORD,
        count=BENCH_VOLUNTEERS,
        prefix=BENCH_EMAIL.split("{", 1)[0],
    )
    out = manage(env, "shell", "-c", script)
    challenge_path, challenge_slug = out.strip().splitlines()[-1].split("|")
    print(f"database ready in {time.monotonic() - started:.0f} s ({args.needs:,} needs)")
    return {"challenge_path": challenge_path, "challenge_slug": challenge_slug}


def start_worker(env: dict) -> subprocess.Popen:
    """One Celery worker process (production runs them on other machines: here it shares the
    server's two cores, so its work counts against the routes' throughput)."""
    command = [PYTHON, "-m", "celery", "--quiet", "-A", "portal", "worker", "--pool=solo"]
    command += ["--loglevel=WARNING", "--without-gossip", "--without-mingle", "-n", "bench@%h"]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def start_server(args, env: dict) -> subprocess.Popen:
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "portal.wsgi",
        "--workers",
        str(args.workers),
        "--bind",
        f"127.0.0.1:{args.port}",
        "--log-level",
        "warning",
        "--backlog",
        "2048",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


# --- a minimal HTTP/1.1 client ------------------------------------------------------------


async def request(port: int, method: str, path: str, *, headers=None, body=b"") -> tuple:
    """One request on a fresh connection (gunicorn's sync workers close each one)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if body:
            lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    head, _, content = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ")[1]) if status_line else 0
    response_headers = [line.split(": ", 1) for line in header_lines if ": " in line]
    return status, response_headers, content


def cookies_from(headers) -> dict:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            found[key] = rest.split(";", 1)[0]
    return found


async def sign_in(port: int, email: str) -> dict:
    """A bench volunteer's session and CSRF token, for the pledge route."""
    status, headers, content = await request(port, "GET", "/fr/connexion/")
    cookies = cookies_from(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    body = urlencode(
        {"csrfmiddlewaretoken": token, "username": email, "password": BENCH_PASSWORD}
    ).encode()
    status, headers, _ = await request(
        port,
        "POST",
        "/fr/connexion/",
        headers={
            "Cookie": f"csrftoken={cookies['csrftoken']}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}/fr/connexion/",
        },
        body=body,
    )
    cookies.update(cookies_from(headers))
    if status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"bench volunteer could not sign in (status {status})")
    return {"cookies": cookies, "token": token}


async def refresh_token(port: int, session: dict, need_id: int) -> None:
    """Signing in rotates the CSRF token: read the new one from a need's pledge form."""
    status, headers, content = await request(
        port,
        "GET",
        f"/fr/besoins/{need_id}/",
        headers={"Cookie": _cookie_header(session["cookies"])},
    )
    session["cookies"].update(cookies_from(headers))
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
    if found is None:
        raise SystemExit(f"no pledge form on need {need_id} (status {status})")
    session["token"] = found.group(1).decode()


def _cookie_header(cookies: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


async def open_needs(port: int) -> dict[int, int]:
    """Open needs near the bench's postcodes: id -> quantity left to promise."""
    needs = {}
    for postcode in POSTCODES:
        query = urlencode({"postcode": postcode, "radius_km": 30, "limit": 50})
        status, _, content = await request(port, "GET", f"/api/v1/needs/?{query}")
        for result in json.loads(content)["results"]:
            needs[result["id"]] = result["quantity_remaining"]
    return needs


# --- the routes -------------------------------------------------------------------------


def routes(port: int, context: dict, sessions: list[dict], needs: dict[int, int]) -> dict:
    rnd = random.Random(7)
    need_ids, room = list(needs), list(needs.values())
    slug = context["challenge_slug"]

    def ceiling():
        return request(port, "GET", "/bench/ceiling/")

    def home():
        return request(port, "GET", "/fr/")

    def challenge():
        return request(port, "GET", f"/fr/{context['challenge_path']}/")

    def directory_route(mix):
        def directory():
            query = urlencode({"challenge": slug} if mix == "challenge" else mix)
            return request(port, "GET", f"/fr/actions/?{query}" if query else "/fr/actions/")

        return directory

    def need():
        return request(port, "GET", f"/fr/besoins/{rnd.choice(need_ids)}/")

    def volunteer_space():
        session = rnd.choice(sessions)
        headers = {"Cookie": _cookie_header(session["cookies"])}
        return request(port, "GET", "/fr/mon-espace/", headers=headers)

    def near_me():
        query = urlencode({"q": rnd.choice(POSTCODES), "radius_km": rnd.choice([5, 20])})
        return request(port, "GET", f"/fr/pres-de-chez-moi/?{query}")

    def api_needs():
        query = urlencode({"postcode": rnd.choice(POSTCODES), "radius_km": rnd.choice([5, 20])})
        return request(port, "GET", f"/api/v1/needs/?{query}")

    def pledge():
        # Each need as often as it has room: a run's thousands of pledges (one each) take a
        # small share of every need, none is filled (a full need answers 400).
        need_id = rnd.choices(need_ids, weights=room)[0]
        session = rnd.choice(sessions)
        cookies = session["cookies"]
        body = urlencode(
            {"csrfmiddlewaretoken": session["token"], "quantity": 1, "contact_channel": "none"}
        ).encode()
        return request(
            port,
            "POST",
            f"/fr/besoins/{need_id}/engagement/",
            headers={
                "Cookie": _cookie_header(cookies),
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}/fr/besoins/{need_id}/",
            },
            body=body,
        )

    return {
        "ceiling": ceiling,
        "home": home,
        "challenge": challenge,
        **{name: directory_route(mix) for name, mix in DIRECTORY_MIXES.items()},
        "near_me": near_me,
        "api_needs": api_needs,
        "need": need,
        "volunteer_space": volunteer_space,
        "pledge": pledge,
    }


async def drain_tasks(redis_url: str, timeout: float = 300) -> float:
    """Waits until Celery's queue is empty; returns the seconds waited."""
    import redis

    client = redis.Redis.from_url(redis_url)
    started = time.monotonic()
    while client.llen("celery") and time.monotonic() - started < timeout:
        await asyncio.sleep(0.2)
    return time.monotonic() - started


async def load(calls: dict, weights: dict, seconds: float, concurrency: int) -> dict:
    stats = {name: RouteStats() for name in weights}
    names, chances = list(weights), list(weights.values())
    deadline = time.monotonic() + seconds
    rnd = random.Random(11)

    async def user():
        while time.monotonic() < deadline:
            name = rnd.choices(names, chances)[0]
            started = time.perf_counter()
            try:
                status, _, _ = await calls[name]()
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                status = 0
            stats[name].add(status, (time.perf_counter() - started) * 1000)

    await asyncio.gather(*(user() for _ in range(concurrency)))
    return stats


def print_table(title: str, rows: list, seconds: float, page_cache: bool):
    """One line per ``(name, stats, ceiling)``: the ceiling's requests in the slices beside
    that load (None: no share)."""
    print(f"\n{title} (whole-page cache {'on' if page_cache else 'off'})")
    print(
        "| route | requests | req/s | p50 ms | p95 ms | ceiling req/s beside | share of ceiling "
        "| errors | 4xx |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, route, ceiling in rows:
        if not route.latencies_ms:
            continue
        count = len(route.latencies_ms)
        goal = SHARE_GOALS.get(name)
        if ceiling is None:
            beside, share = "", ""
        else:
            beside = f"{len(ceiling.latencies_ms) / seconds:,.0f}"
            share = f"{count / len(ceiling.latencies_ms):.0%}" + (
                f" (>= {goal:.0%})" if goal else ""
            )
        print(
            f"| {name} | {count:,} | {count / seconds:,.0f} | "
            f"{statistics.median(route.latencies_ms):.1f} | "
            f"{percentile(route.latencies_ms, 0.95):.1f} | {beside} | {share} | "
            f"{route.errors} | {route.refused} |"
        )


async def ready(args, context: dict) -> dict:
    """Once the server answers: the bench volunteers signed in, and each route's call."""
    deadline = time.monotonic() + 60
    while True:
        try:
            status, _, _ = await request(args.port, "GET", "/fr/")
            if status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit("the server did not answer within 60 s")
        await asyncio.sleep(0.5)
    needs = await open_needs(args.port)
    need_ids = list(needs)
    sessions = []
    for n in range(BENCH_VOLUNTEERS):
        session = await sign_in(args.port, BENCH_EMAIL.format(n=n))
        await refresh_token(args.port, session, need_ids[n % len(need_ids)])
        sessions.append(session)
    return routes(args.port, context, sessions, needs)


async def beside_the_ceiling(calls: dict, weights: dict, seconds: float, args):
    """``weights``' load for ``seconds``, by slices of SLICE_SECONDS each right after a slice
    of the ceiling: each route's stats, and the ceiling's over the same moments. With a
    worker (--redis-url), each slice of the ceiling waits until Celery's queue holds nothing
    of what the slice before queued (pledges' emails; but the few tasks the worker has taken
    already): that work is the pledges', not the ceiling's."""
    stats = {name: RouteStats() for name in weights}
    ceiling = RouteStats()
    for _ in range(max(1, round(seconds / SLICE_SECONDS))):
        if args.redis_url:
            await drain_tasks(args.redis_url)
        ceiling.merge(
            (await load(calls, {"ceiling": 1}, SLICE_SECONDS, args.concurrency))["ceiling"]
        )
        for name, route in (await load(calls, weights, SLICE_SECONDS, args.concurrency)).items():
            stats[name].merge(route)
    return stats, ceiling


def print_mixed(label: str, mixed: dict, ceiling: RouteStats, args, page_cache: bool) -> float:
    """The mixed run's table; answers its share of the ceiling beside it."""
    mix = {name: weight for name, weight in MIX.items() if name in mixed}
    seconds = args.seconds * 2
    print_table(
        f"Mixed ({seconds:.0f} s, weights {mix})",
        [(name, route, None) for name, route in mixed.items()],
        seconds,
        page_cache,
    )
    requests = sum(len(route.latencies_ms) for route in mixed.values())
    share = requests / len(ceiling.latencies_ms)
    print(
        f"| {label} | {requests:,} | {requests / seconds:,.0f} | | | "
        f"{len(ceiling.latencies_ms) / seconds:,.0f} | {share:.0%} (>= {MIXED_SHARE_GOAL:.0%}) "
        "| | |"
    )
    return share


def mix_of(args) -> dict:
    return {name: weight for name, weight in MIX.items() if not args.routes or name in args.routes}


async def run(args, context: dict) -> tuple[int, dict, dict, float]:
    """Each route alone beside the ceiling, then all of them in the mix: the errors, each
    route's requests/s and share of the ceiling, and the mix's share."""
    calls = await ready(args, context)
    rows = []
    for name in mix_of(args):
        stats, ceiling = await beside_the_ceiling(calls, {name: 1}, args.seconds, args)
        rows.append((name, stats[name], ceiling))
        if args.redis_url:  # the next route starts once the worker has caught up
            waited = await drain_tasks(args.redis_url)
            if waited >= 0.5:
                print(f"{name}: the worker sent its queued tasks {waited:.1f} s after the load")
    print_table(
        f"Each route alone ({args.seconds:.0f} s, {args.concurrency} clients, by slices of "
        f"{SLICE_SECONDS:.0f} s after as long of the ceiling)",
        rows,
        args.seconds,
        args.page_cache,
    )
    mixed, ceiling = await beside_the_ceiling(calls, mix_of(args), args.seconds * 2, args)
    mixed_share = print_mixed("mixed, all routes", mixed, ceiling, args, args.page_cache)
    errors = sum(route.errors + ceiling.errors for _name, route, ceiling in rows)
    errors += ceiling.errors + sum(route.errors for route in mixed.values())
    rps = {name: len(route.latencies_ms) / args.seconds for name, route, _ceiling in rows}
    shares = {
        name: len(route.latencies_ms) / len(ceiling.latencies_ms) for name, route, ceiling in rows
    }
    return errors, rps, shares, mixed_share


async def run_as_served(args, context: dict) -> tuple[int, float]:
    """The mix again as production serves it, beside the ceiling: anonymous home, challenge
    and directory pages from the whole-page cache, every other answer (the near-me page and
    API, needs, the volunteer space, pledges) worked out: its errors and its share of the
    ceiling."""
    calls = await ready(args, context)
    print("\nThe mix as production serves it: the whole-page cache on")
    mixed, ceiling = await beside_the_ceiling(calls, mix_of(args), args.seconds * 2, args)
    share = print_mixed("mixed, as served", mixed, ceiling, args, page_cache=True)
    errors = ceiling.errors + sum(route.errors for route in mixed.values())
    return errors, share


def print_acceptance(shares: dict, rendered_share, served_share: float, errors: int):
    """Issue #14's goals: each route's share of the ceiling, the mix's as production serves it
    (every page rendered, the home and challenge pages, 35 of its 100 requests, cost too much
    for any mix to reach the goal: issue #14 measured them cached), and no error."""
    missed = [
        f"{name} {shares[name]:.0%} < {goal:.0%}"
        for name, goal in SHARE_GOALS.items()
        if name in shares and shares[name] < goal
    ]
    if served_share < MIXED_SHARE_GOAL:
        missed.append(f"mixed as served {served_share:.0%} < {MIXED_SHARE_GOAL:.0%}")
    if errors:
        missed.append(f"{errors} errors")
    rendered = "" if rendered_share is None else f"{rendered_share:.0%} with every page rendered, "
    print(
        f"\nmixed: {rendered}{served_share:.0%} as production serves it (whole-page cache on)"
        f"\nacceptance (issue #14, shares of the ceiling): {'; '.join(missed) or 'meets'}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench' / 'load.sqlite3'}"
    )
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--needs", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per route alone")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--prepared",
        action="store_true",
        help="the database is loaded and the static files collected: only the bench accounts",
    )
    parser.add_argument(
        "--routes", nargs="+", choices=list(MIX), help="only these (and the ceiling)"
    )
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="serve anonymous home, challenge and directory pages from the whole-page cache",
    )
    args = parser.parse_args()
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    env = server_env(args)
    context = prepare(args, env)
    errors, rps, shares, mixed_share = serving(args, env, run, context)
    if args.page_cache:  # the mix was served as production serves it already
        rendered_share, served_share = None, mixed_share
    else:  # the same server, its whole-page cache on
        served_env = dict(env, PAGE_CACHE_SECONDS="60")
        served_errors, served_share = serving(args, served_env, run_as_served, context)
        errors += served_errors
        rendered_share = mixed_share
    print_acceptance(shares, rendered_share, served_share, errors)
    # Issue #9 measured the home page as production serves it: from the whole-page cache.
    if args.page_cache and "home" in rps and "api_needs" in rps:
        print(
            f"acceptance (issue #9): home {rps['home']:,.0f} req/s (>= 300), near-me API "
            f"{rps['api_needs']:,.0f} req/s (>= 150), errors {errors} (0)"
        )
    sys.exit(1 if errors else 0)


def serving(args, env: dict, phase, context: dict):
    """``phase(args, context)``'s result while a server (and a worker, with Redis) runs."""
    processes = [start_server(args, env)] + ([start_worker(env)] if args.redis_url else [])
    try:
        return asyncio.run(phase(args, context))
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
