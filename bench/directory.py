"""Benchmark of the action directory with 20,000 actions.

Builds a throw-away test database (SQLite in memory by default; PostgreSQL when DATABASE_URL
says so), loads the demo site, adds 20,000 French actions in bulk (pages, vouching partners and
search index), then renders the directory page through Django's test client: filtered,
searched, both, deep pages, and the JSON API. Prints the median and 95th percentile in ms and
the number of SQL queries per page, which must not grow with the number of results.

    DEBUG=1 .venv/bin/python bench/directory.py [--actions 20000] [--runs 30]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings_test"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.utils import timezone  # noqa: E402

from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from actions import weeks  # noqa: E402
from actions.models import (  # noqa: E402
    ActionDuration,
    ActionIndexPage,
    ActionMode,
    ActionPage,
)
from challenges.models import ChallengePage, PartnerPage  # noqa: E402

VERBS = ["Collecter", "Distribuer", "Organiser", "Préparer", "Livrer", "Appeler", "Soutenir"]
OBJECTS = [
    "des kits d'hygiène",
    "des paniers de légumes",
    "des visières",
    "des repas",
    "des courses",
    "des masques",
    "des livres",
]
PLACES = ["dans son immeuble", "avec les pharmacies", "au marché", "à l'hôpital", "en EHPAD"]
WORDS = [
    "voisins",
    "quartier",
    "solidarité",
    "association",
    "bénévoles",
    "collecte",
    "récolte",
    "producteurs",
    "soignants",
    "seniors",
    "isolés",
    "téléphone",
    "commerçants",
    "distribution",
    "hygiène",
    "entraide",
    "partage",
    "lien",
]

SCENARIOS = [
    ("all, page 1", "/fr/actions/", {}),
    ("challenge + mode", "/fr/actions/", {"challenge": "sans-abri", "mode": "on-site"}),
    ("search 'kits'", "/fr/actions/", {"q": "kits"}),
    (
        "challenge + duration + search",
        "/fr/actions/",
        {"challenge": "sans-abri", "duration": "half-day", "q": "kits"},
    ),
    ("rare word (few hits)", "/fr/actions/", {"q": "paillassons"}),
    ("new this week + most done", "/fr/actions/", {"new": "true", "sort": "most-done"}),
    ("all, page 800", "/fr/actions/", {"page": 800}),
    ("API challenge + search", "/api/v1/actions/", {"challenge": "sans-abri", "q": "kits"}),
    ("API all, page 500", "/api/v1/actions/", {"page": 500}),
    ("API rare word", "/api/v1/actions/", {"q": "paillassons"}),
]


def bulk_actions(count: int, *, seed: int = 2020) -> None:
    """``count`` live French actions under the directory, inserted in bulk, then indexed."""
    rng = random.Random(seed)
    directory = ActionIndexPage.objects.get(locale__language_code="fr")
    challenges = list(ChallengePage.objects.filter(locale=directory.locale))
    partners = list(PartnerPage.objects.filter(locale=directory.locale))
    content_type = ContentType.objects.get_for_model(ActionPage)
    last_child = directory.get_last_child()
    first_step = ActionIndexPage._str2int(last_child.path[-ActionIndexPage.steplen :]) + 1
    this_week = weeks.current_week_start()
    now = timezone.now()
    pages, details = [], []
    for number in range(count):
        title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)} n°{number}"
        slug = f"action-banc-{number}"
        published_week = this_week - datetime.timedelta(weeks=rng.randrange(0, 52))
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=ActionIndexPage._get_path(
                    directory.path, directory.depth + 1, first_step + number
                ),
                depth=directory.depth + 1,
                numchild=0,
                url_path=f"{directory.url_path}{slug}/",
                locale_id=directory.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
        details.append(
            {
                "challenge_id": rng.choice(challenges).pk,
                "summary": " ".join(rng.choices(WORDS, k=18)),
                "duration": rng.choice(ActionDuration.values),
                "mode": rng.choice(ActionMode.values),
                "group_size_min": 1,
                "group_size_max": rng.randrange(2, 16),
                "published_week": published_week,
                "times_done": rng.randrange(0, 500),
                "partners": rng.sample(partners, k=rng.randrange(1, 3)),
            }
        )
    with transaction.atomic():
        created = Page.objects.bulk_create(pages, batch_size=1000)
        fields = ActionPage._meta.local_concrete_fields
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        table = connection.ops.quote_name(ActionPage._meta.db_table)
        # Names from the model's metadata, values as parameters: nothing from outside.
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
        rows, links = [], []
        for page, detail in zip(created, details, strict=True):
            action = ActionPage(
                page_ptr_id=page.pk,
                guide=[],
                materials="",
                safety_notes="",
                impact_unit="",
                impact_unit_label="",
                **{k: v for k, v in detail.items() if k != "partners"},
            )
            rows.append(
                [
                    field.get_db_prep_save(getattr(action, field.attname), connection)
                    for field in fields
                ]
            )
            links.extend(
                ActionPage.partners.through(actionpage_id=page.pk, partnerpage_id=partner.pk)
                for partner in detail["partners"]
            )
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        ActionPage.partners.through.objects.bulk_create(links, batch_size=2000)
        Page.objects.filter(pk=directory.pk).update(numchild=directory.numchild + count)
    backend = get_search_backend()
    ids = [page.pk for page in created]
    for start in range(0, len(ids), 1000):
        chunk = (
            ActionPage.objects.filter(pk__in=ids[start : start + 1000])
            .select_related("challenge")
            .prefetch_related("partners")
        )
        backend.add_bulk(ActionPage, list(chunk))
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load in production (it is off on some dev servers).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure(client: Client, path: str, params: dict, runs: int) -> dict:
    for _ in range(2):
        response = client.get(path, params)
        assert response.status_code == 200, (path, params, response.status_code)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path, params)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    if path.startswith("/api/"):
        total = response.json()["count"]
    else:
        total = response.context["results"].paginator.count
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
        "queries": len(queries),
        "results": total,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        call_command("load_demo", "--skip-index", verbosity=0)
        bulk_actions(args.actions)
        total = ActionPage.objects.live().filter(locale__language_code="fr").count()
        search = settings.WAGTAILSEARCH_BACKENDS["default"]
        print(
            f"database: {connection.vendor}; search: {search['BACKEND']} "
            f"(config {search.get('SEARCH_CONFIG', 'default')}); {total:,} French actions loaded "
            f"in {time.perf_counter() - started:.0f} s; {args.runs} timed runs per page"
        )
        client = Client()
        print(f"{'page':<32} {'results':>8} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        queries = {}  # (API?, searched?) -> query counts seen
        for name, path, params in SCENARIOS:
            figures = measure(client, path, params, args.runs)
            kind = (path.startswith("/api/"), bool(params.get("q")))
            queries.setdefault(kind, set()).add(figures["queries"])
            print(
                f"{name:<32} {figures['results']:>8,} {figures['median']:>10.1f} "
                f"{figures['p95']:>8.1f} {figures['queries']:>8}"
            )
        constant = all(len(counts) == 1 for counts in queries.values())
        labels = {
            (False, False): "page",
            (False, True): "page with a search",
            (True, False): "API",
            (True, True): "API with a search",
        }
        summary = ", ".join(
            f"{labels[kind]}: {sorted(counts)}" for kind, counts in sorted(queries.items())
        )
        print(f"queries per request: {summary} -> {'constant' if constant else 'NOT constant'}")
        return 0 if constant else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    sys.exit(main())
