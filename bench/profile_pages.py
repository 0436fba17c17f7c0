"""Profile of the dynamic pages in-process (Django's test client, production settings): the
directory with and without filters or search, the need page, the near-me page and API, the
volunteer space and the pledge POST. Prints the median time per request (wall clock and
this process's CPU time, steadier on a busy machine) and, with --profile, the
functions that cost the most (cProfile, cumulative), or a pyinstrument tree with --tree.

    DATABASE_URL=sqlite:///var/bench/load.sqlite3 DEBUG=0 SECRET_KEY=… \\
        ALLOWED_HOSTS=testserver .venv/bin/python bench/profile_pages.py [--profile directory]

The database must hold the demo (``manage.py load_demo --needs N``), as ``bench/load.py``
prepares it. The whole-page cache is off (each request renders); the facet, ranking and card
caches work as in production unless --no-caches.
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")  # the portal + the ceiling

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F, Max, Min, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from challenges.models import ChallengePage  # noqa: E402
from matching.models import Need, NeedStatus, VolunteerProfile  # noqa: E402

EMAIL = "profile.volunteer@reaction.example"


def volunteer_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(
        username=EMAIL, defaults={"email": EMAIL, "first_name": "Profile"}
    )
    VolunteerProfile.objects.get_or_create(user=user, defaults={"postcode": "75011"})
    client = Client()
    client.force_login(user)
    return client


def pages() -> dict:
    challenge = ChallengePage.objects.live().filter(locale__language_code="fr").first()
    need = Need.objects.filter(status=NeedStatus.OPEN).order_by("pk").first()
    # Each pledge on a need of its own: pledging the same one again would fill it (400). Open
    # needs with something left to promise, from a random place in the table: each run takes
    # others than the last, which its pledges may have filled.
    pledgeable = Need.objects.filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=timezone.now()),
        status=NeedStatus.OPEN,
        quantity_pledged__lt=F("quantity_wanted"),
    )
    bounds = pledgeable.aggregate(low=Min("pk"), high=Max("pk"))
    start = random.randint(bounds["low"], max(bounds["low"], bounds["high"] - 100_000))
    fresh = iter(
        pledgeable.filter(pk__gte=start).order_by("pk").values_list("pk", flat=True)[:5000]
    )
    anonymous, volunteer = Client(), volunteer_client()
    return {
        "ceiling": (anonymous, "get", "/bench/ceiling/", {}),
        "home": (anonymous, "get", "/fr/", {}),
        "challenge": (anonymous, "get", challenge.url, {}),
        "directory": (anonymous, "get", "/fr/actions/", {}),
        "directory_challenge": (anonymous, "get", "/fr/actions/", {"challenge": challenge.slug}),
        "directory_search": (anonymous, "get", "/fr/actions/", {"q": "kits"}),
        "directory_sorted": (anonymous, "get", "/fr/actions/", {"sort": "most-done"}),
        "need": (anonymous, "get", f"/fr/besoins/{need.pk}/", {}),
        "near_me": (anonymous, "get", "/fr/pres-de-chez-moi/", {"q": "75011", "radius_km": 20}),
        "api_needs": (anonymous, "get", "/api/v1/needs/", {"postcode": "75011", "radius_km": 20}),
        "volunteer_space": (volunteer, "get", "/fr/mon-espace/", {}),
        "pledge": (
            volunteer,
            "post",
            lambda: f"/fr/besoins/{next(fresh)}/engagement/",
            {"quantity": 1, "contact_channel": "none"},
        ),
    }


def counting(queries: list):
    def wrapper(execute, sql, *rest):
        queries.append(sql)
        return execute(sql, *rest)

    return wrapper


def call(spec):
    client, method, path, data = spec
    path = path() if callable(path) else path
    response = getattr(client, method)(path, data)
    # A volunteer reads the message a pledge leaves (on the page it redirects to): here nobody
    # does, and the messages cookie would grow with each pledge (as bench/load.py's does not).
    client.cookies.pop("messages", None)
    # Every page answers and the POST succeeds (a pledge redirects): a 4xx (a 429 from a limit,
    # say) would be timed instead of the page.
    assert response.status_code < 400, (path, response.status_code)
    return response


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", nargs="*", default=[], help="pages to profile")
    parser.add_argument("--tree", action="store_true", help="pyinstrument instead of cProfile")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--sort", default="cumulative", choices=["cumulative", "tottime"], help="cProfile's order"
    )
    parser.add_argument("--no-caches", action="store_true", help="facets and rankings too")
    parser.add_argument("--pages", nargs="*", default=[], help="only these pages")
    args = parser.parse_args()
    settings.PAGE_CACHE_SECONDS = 0
    # Every request comes from one address: the API's limits per address lifted, as
    # bench/load.py lifts them (the near-me API answered 429 after 300 requests).
    settings.API_RATE_ANONYMOUS = settings.API_RATE_ACCOUNT = "1000000/second"
    if args.no_caches:
        settings.NEARBY_CACHE_SECONDS = 0
        settings.DIRECTORY_CACHE_SECONDS = 0
    settings.PLEDGES_PER_HOUR = 10**9  # each bench account pledges far more than 20 an hour
    specs = pages()
    for name, spec in specs.items():
        if args.pages and name not in args.pages:
            continue
        response = call(spec)  # warm: templates compiled, catalogues loaded
        queries = []
        with connection.execute_wrapper(counting(queries)):
            response = call(spec)
        times, cpu_times = [], []
        for _ in range(args.runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            call(spec)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
        print(
            f"{name:>20}: {statistics.median(times):6.1f} ms median "
            f"({statistics.median(cpu_times):5.1f} ms CPU, fastest {min(times):5.1f} ms), "
            f"{len(queries)} queries, "
            f"{len(response.content):,} bytes, status {response.status_code}"
        )
        if name in args.profile:
            profile(spec, args)


def profile(spec, args):
    if args.tree:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.runs):
            call(spec)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.runs):
        call(spec)
    profiler.disable()
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
