"""Queries of the action directory: the one path the directory page, the JSON API, the feed,
the home and challenge pages and the weekly digest all take.

``directory_actions`` is THE selector: the page and ``/api/v1/actions/`` call it with the same
``DirectoryFilters`` (validated by ``actions.filters.ActionDirectoryFilterSet``), so they
return the same results. Every function runs a constant number of queries, whatever the
number of actions.

The other rooms' ways in, one module each, imported by their own name (``actions.digest``
imports this package, so this package does not import them):

- ``digest``: subscribing to the weekly digest of new actions, and leaving it;
- ``partners``: partner staff joining or leaving the group that may propose actions.
"""

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from actions import cards, weeks
from actions.models.action_page import ActionPage
from actions.models.choices import ActionDuration, ActionMode, DirectorySort
from challenges.models import ChallengePage, PartnerPage
from portal import page_cache, publication_memo, view_restrictions
from portal.compiled_query import CompiledValues

PER_PAGE = 12
VOUCHING = ActionPage.partners.through
# Search engines that cannot answer with a subquery (Elasticsearch, OpenSearch) return ids.
MAX_SEARCH_HITS = 10_000

SORT_ORDERS = {
    DirectorySort.NEWEST: ("-published_week", "-pk"),
    DirectorySort.MOST_DONE: ("-times_done", "-published_week", "-pk"),
}


@dataclass(frozen=True)
class DirectoryFilters:
    """What a reader asked for; empty values mean "any"."""

    q: str = ""
    challenge_key: uuid.UUID | None = None
    partner_key: uuid.UUID | None = None
    mode: str = ""
    duration: str = ""
    new_this_week: bool = False
    sort: str = DirectorySort.NEWEST


@dataclass(frozen=True)
class Choice:
    """A challenge or partner as the directory offers it: stable key, slug in the URL, title."""

    key: uuid.UUID
    slug: str
    title: str


@dataclass(frozen=True)
class DirectoryOptions:
    """The challenges and partners a language offers as filters, and the stable key of every
    challenge and partner page (any language: an action may point to either translation)."""

    challenges: tuple[Choice, ...] = ()
    partners: tuple[Choice, ...] = ()
    challenge_keys: dict[int, uuid.UUID] = field(default_factory=dict)
    partner_keys: dict[int, uuid.UUID] = field(default_factory=dict)

    def challenge_by_slug(self, slug: str) -> Choice | None:
        return next((c for c in self.challenges if c.slug == slug), None)

    def partner_by_slug(self, slug: str) -> Choice | None:
        return next((p for p in self.partners if p.slug == slug), None)

    def challenge_ids(self, key) -> list[int]:
        return [page_id for page_id, page_key in self.challenge_keys.items() if page_key == key]

    def partner_ids(self, key) -> list[int]:
        return [page_id for page_id, page_key in self.partner_keys.items() if page_key == key]


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: list[FacetOption]
    errors: tuple[str, ...] = ()

    @property
    def selected_value(self) -> str:
        return next((option.value for option in self.options if option.selected), "")


def _cache_seconds() -> int:
    return int(getattr(settings, "DIRECTORY_CACHE_SECONDS", 300))


def directory_options(locale_id: int) -> DirectoryOptions:
    """The challenges and partners for the filters of a language (two small queries), cached
    until a page is published or unpublished (DIRECTORY_CACHE_SECONDS; 0: always read), and
    kept in the process's memory too (``publication_memo``: no unpickling on each request).
    Read only: every request of the language shares them."""
    ttl = _cache_seconds()
    if ttl <= 0:
        return read_directory_options(locale_id)
    return publication_memo.remembered(
        ("directory-options", locale_id), lambda: _cached_directory_options(locale_id, ttl)
    )


def _cached_directory_options(locale_id: int, ttl: int) -> DirectoryOptions:
    key = f"directory-options:{page_cache.version()}:{locale_id}"
    options = cache.get(key)
    if options is None:
        options = read_directory_options(locale_id)
        cache.set(key, options, ttl)
    return options


def read_directory_options(locale_id: int) -> DirectoryOptions:
    """The challenges and partners for the filters of a language, from the database."""

    def pages(model, order):
        rows = model.objects.order_by(order).values_list(
            "pk", "translation_key", "slug", "title", "locale_id", "live"
        )
        keys, choices = {}, []
        for pk, key, slug, title, page_locale_id, live in rows:
            keys[pk] = key
            if live and page_locale_id == locale_id:
                choices.append(Choice(key, slug, title))
        return choices, keys

    challenges, challenge_keys = pages(ChallengePage, "path")
    partners, partner_keys = pages(PartnerPage, "title")
    return DirectoryOptions(tuple(challenges), tuple(partners), challenge_keys, partner_keys)


def published_actions(locale_id: int):
    """Every action a visitor may see in a language: live, not behind a view restriction.

    A fresh copy (``.all()``) of a queryset built once per process, language and publication
    (``publication_memo``; saving or deleting a view restriction bumps it too): building it
    took 0.2 ms, a copy 0.01 ms. The kept queryset is never evaluated, only copied, as a
    class-based view copies its ``queryset``.
    """
    return publication_memo.remembered(
        ("published-actions", locale_id), lambda: _published_actions(locale_id)
    ).all()


def _published_actions(locale_id: int):
    return view_restrictions.public(ActionPage.objects.live()).filter(locale_id=locale_id)


def search_matches(query: str):
    """The actions matching ``query`` through Wagtail search (PostgreSQL full text with the
    configured French stemming, SQLite FTS5, or a search engine): a subquery of ids from the
    database backends, a list of ids from a search engine."""
    backend = get_search_backend()
    results = backend.search(
        query, ActionPage.objects.all(), operator="and", order_by_relevance=False
    )
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Imported here: the SQLite backend's modules only import on a SQLite database.
        from actions.sqlite_search import fts_first_matches

        return fts_first_matches(results, ActionPage)
    if hasattr(results, "get_queryset"):
        return results.get_queryset().order_by().values("pk")
    return [page.pk for page in results[:MAX_SEARCH_HITS]]


def ids_expression(ids: list[int]):
    """``ids`` as one SQL parameter (an array), whatever their number: a long ``IN`` list would
    meet the databases' limits on parameters (65,535 on PostgreSQL, 32,766 on SQLite)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", (ids,))
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


class Directory:
    """One request's view of the directory: the results and the five facets share one base
    queryset and one evaluation of the search (a full-text query costs about 100 ms at 20,000
    actions on PostgreSQL, as the backend matches title and body together without an index).

    The directory page and ``/api/v1/actions/`` both take this path.
    """

    def __init__(
        self, *, locale_id: int, filters: DirectoryFilters, options: DirectoryOptions
    ) -> None:
        self.locale_id = locale_id
        self.filters = filters
        self.options = options

    @cached_property
    def base(self):
        return published_actions(self.locale_id)

    @cached_property
    def matches(self):
        """The ids of this language's actions matching the search, fetched once (one query),
        and cached per language and search until a page is published or unpublished, as the
        facets' counts of that search are (DIRECTORY_CACHE_SECONDS; 0: always searched): the
        full-text match was a quarter of a search's page."""
        ttl = _cache_seconds()
        if ttl <= 0:
            return ids_expression(self.matching_ids())
        digest = hashlib.sha256(self.filters.q.encode()).hexdigest()
        key = f"directory-matches:{page_cache.version()}:{self.locale_id}:{digest}"
        ids = cache.get(key)
        if ids is None:
            ids = self.matching_ids()
            cache.set(key, ids, ttl)
        return ids_expression(ids)

    def matching_ids(self) -> list[int]:
        matching = self.base.filter(pk__in=search_matches(self.filters.q)).order_by()
        return list(matching.values_list("pk", flat=True))

    def filtered(self, *, skip: str = ""):
        """The base narrowed by every filter but ``skip`` (a facet counts without its own)."""
        filters, queryset = self.filters, self.base
        if filters.q:
            queryset = queryset.filter(pk__in=self.matches)
        if filters.challenge_key and skip != "challenge":
            queryset = queryset.filter(
                challenge_id__in=self.options.challenge_ids(filters.challenge_key)
            )
        if filters.partner_key and skip != "partner":
            vouched = VOUCHING.objects.filter(
                partnerpage_id__in=self.options.partner_ids(filters.partner_key)
            ).values("actionpage_id")
            queryset = queryset.filter(pk__in=vouched)
        if filters.mode and skip != "mode":
            queryset = queryset.filter(mode=filters.mode)
        if filters.duration and skip != "duration":
            queryset = queryset.filter(duration=filters.duration)
        if filters.new_this_week and skip != "new":
            queryset = queryset.filter(published_week=weeks.current_week_start())
        return queryset

    def actions(self) -> QuerySet:
        """The results: filtered, searched, sorted, ready for cards."""
        order = SORT_ORDERS[DirectorySort(self.filters.sort)]
        return self.filtered().order_by(*order).for_cards()

    def card_rows(self) -> QuerySet:
        """The results as ``(pk, times_done, published_week)``, what a card's cache key needs
        (``actions.cards.CardRow``), in the same order as ``actions()``."""
        order = SORT_ORDERS[DirectorySort(self.filters.sort)]
        return self.filtered().order_by(*order).values_list(*cards.CardRow.FIELDS)

    def card_rows_between(self, start: int, stop: int) -> list[cards.CardRow]:
        """``card_rows()[start:stop]`` as ``CardRow``s, its SQL built and compiled once per
        language, filters, week and publication (``publication_memo``; the rows are read each
        time): building and compiling it took a fifth of the page (0.3 ms), running it 0.05."""
        key = ("directory-rows", self.locale_id, self.filters, weeks.current_week_start())
        compiled = publication_memo.remembered(
            (*key, start, stop), lambda: CompiledValues(self.card_rows()[start:stop])
        )
        return [cards.CardRow(*row) for row in compiled.rows()]

    def paged_card_rows(self) -> "PagedRows":
        """The results as ``CardRow``s, for a ``Paginator`` given their ``count()``: it slices
        them one page at a time (``card_rows_between``)."""
        return PagedRows(self.card_rows_between)

    def facets(self) -> list[Facet]:
        """Each facet with its counts (see ``summary``)."""
        return self.summary[0]

    def count(self) -> int:
        """The number of results (see ``summary``)."""
        return self.summary[1]

    @cached_property
    def summary(self) -> tuple[list[Facet], int]:
        """The facets with their counts and the number of results, cached per language and
        filters until a page is published or unpublished (DIRECTORY_CACHE_SECONDS; 0: always
        counted). Neither depends on the sort, nor on the number of completions."""
        ttl = _cache_seconds()
        if ttl <= 0:
            return self.counted_facets(), self.filtered().count()
        asked = replace(self.filters, sort=DirectorySort.NEWEST)
        digest = hashlib.sha256(repr((asked, get_language())).encode()).hexdigest()
        key = f"directory-facets:{page_cache.version()}:{self.locale_id}:{digest}"
        summary = cache.get(key)
        if summary is None:
            summary = self.counted_facets(), self.filtered().count()
            cache.set(key, summary, ttl)
        return summary

    def counted_facets(self) -> list[Facet]:
        """Each facet with the number of results each of its values would give (five queries).

        Challenges and partners are counted by page id, then summed by translation key."""
        filters, options = self.filters, self.options
        challenge_counts = _by_key(
            _counts(self.filtered(skip="challenge"), "challenge_id"), options.challenge_keys
        )
        vouching = VOUCHING.objects.filter(
            actionpage_id__in=self.filtered(skip="partner").values("pk")
        )
        partner_counts = _by_key(
            _counts(vouching, "partnerpage_id", counted="actionpage_id"), options.partner_keys
        )
        mode_counts = _counts(self.filtered(skip="mode"), "mode")
        duration_counts = _counts(self.filtered(skip="duration"), "duration")
        new_count = (
            self.filtered(skip="new").filter(published_week=weeks.current_week_start()).count()
        )
        selected_challenge = next(
            (c.slug for c in options.challenges if c.key == filters.challenge_key), ""
        )
        selected_partner = next(
            (p.slug for p in options.partners if p.key == filters.partner_key), ""
        )
        return [
            _facet(
                "challenge",
                _("Défi"),
                [(c.key, c.slug, c.title) for c in options.challenges],
                challenge_counts,
                selected_challenge,
            ),
            _facet(
                "mode",
                _("Sur place ou à distance"),
                [(value, value, label) for value, label in ActionMode.choices],
                mode_counts,
                filters.mode,
            ),
            _facet(
                "duration",
                _("Durée"),
                [(value, value, label) for value, label in ActionDuration.choices],
                duration_counts,
                filters.duration,
            ),
            _facet(
                "partner",
                _("Partenaire"),
                [(p.key, p.slug, p.title) for p in options.partners],
                partner_counts,
                selected_partner,
                hide_empty=True,
            ),
            Facet(
                "new",
                str(_("Nouveautés")),
                [
                    FacetOption(
                        "true", str(_("Nouveau cette semaine")), new_count, filters.new_this_week
                    )
                ],
            ),
        ]


@dataclass(frozen=True)
class PagedRows:
    """What a ``Paginator`` slices: ``rows[start:stop]`` is ``between(start, stop)``."""

    between: Callable[[int, int], list]

    def __getitem__(self, page: slice) -> list:
        return self.between(page.start, page.stop)


def _counts(queryset, field_name: str, *, counted: str = "pk") -> dict:
    rows = queryset.order_by().values(field_name).annotate(n=Count(counted, distinct=True))
    return {row[field_name]: row["n"] for row in rows if row[field_name] is not None}


def _by_key(counts_by_page_id: dict, keys: dict) -> dict:
    counts = {}
    for page_id, count in counts_by_page_id.items():
        key = keys.get(page_id)
        counts[key] = counts.get(key, 0) + count
    return counts


def _facet(name, legend, values, counts, selected, *, hide_empty=False) -> Facet:
    """Labels as plain strings of the active language: cached facets unpickle cheaply."""
    return Facet(
        name,
        str(legend),
        [
            FacetOption(value, str(label), counts.get(key, 0), value == selected)
            for key, value, label in values
            if counts.get(key, 0) or value == selected or not hide_empty
        ],
    )


def directory_actions(
    *, locale_id: int, filters: DirectoryFilters, options: DirectoryOptions | None = None
) -> QuerySet:
    """THE selector of the directory's results (page, API)."""
    if options is None:
        options = directory_options(locale_id)
    return Directory(locale_id=locale_id, filters=filters, options=options).actions()


def new_this_week(*, locale_id: int, limit: int = 3):
    """This week's new actions of a language, newest first (the home page section)."""
    return (
        published_actions(locale_id)
        .new_this_week()
        .order_by(*SORT_ORDERS[DirectorySort.NEWEST])
        .for_cards()[:limit]
    )


def actions_for_challenge(challenge: ChallengePage, *, limit: int = 6, include_new=True):
    """The actions the directory recommends for a challenge, in the challenge page's language:
    the most done first (without this week's new ones when they have their own section)."""
    actions = published_actions(challenge.locale_id).filter(
        challenge__translation_key=challenge.translation_key
    )
    if not include_new:
        actions = actions.exclude(published_week=weeks.current_week_start())
    return actions.order_by(*SORT_ORDERS[DirectorySort.MOST_DONE]).for_cards()[:limit]


def new_actions_for_challenge(challenge: ChallengePage, *, limit: int = 6):
    return (
        published_actions(challenge.locale_id)
        .filter(challenge__translation_key=challenge.translation_key)
        .new_this_week()
        .order_by(*SORT_ORDERS[DirectorySort.NEWEST])
        .for_cards()[:limit]
    )


def recent_actions(*, locale_id: int, limit: int = 30):
    """The latest actions of a language (the Atom feed)."""
    return (
        published_actions(locale_id)
        .order_by(*SORT_ORDERS[DirectorySort.NEWEST])
        .select_related("challenge")[:limit]
    )


def actions_published_in_week(*, locale_id: int, monday):
    return (
        published_actions(locale_id)
        .published_in_week(monday)
        .order_by(*SORT_ORDERS[DirectorySort.NEWEST])
        .select_related("challenge")
    )


def directory_index(locale_id: int):
    """The directory page (ActionIndexPage) of a language, or None (one query).

    Looked up through the app registry: the index page's module imports this one.
    """
    index_model = apps.get_model("actions", "ActionIndexPage")
    return index_model.objects.live().filter(locale_id=locale_id).first()


def directory_url(locale_id: int, request) -> str | None:
    """The URL of the directory of a language, or None: read once per process and
    publication (``portal.publication_memo``), as the menus are."""
    return publication_memo.page_url(
        "action-directory", locale_id, request, lambda: directory_index(locale_id)
    )


def record_action_done(action, *, times: int = 1) -> None:
    """Count ``times`` more completions of an action (negative: take back completions counted
    by mistake, never below zero), in every language at once. Impact reports and pledges
    marked done call this, each behind its own once-only marker."""
    rows = ActionPage.objects.filter(translation_key=action.translation_key)
    if times < 0:
        rows = rows.filter(times_done__gte=-times)
    rows.update(times_done=F("times_done") + times)
