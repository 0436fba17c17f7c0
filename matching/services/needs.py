"""Needs: what pages show of one need, and their expiry."""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from challenges.models import ChallengePage
from matching.models import Need, NeedStatus
from matching.services.slots import last_slot_end
from matching.services.volunteers import pledge_sums
from portal import page_cache, publication_memo
from portal.i18n import in_language

HIDDEN_STATUSES = [NeedStatus.DRAFT, NeedStatus.REVIEW]


def public_needs() -> QuerySet[Need]:
    """Needs the public may see (drafts and needs in review stay with their partner)."""
    return Need.objects.exclude(status__in=HIDDEN_STATUSES).select_related(
        "place", "place__partner", "challenge"
    )


# What the need's page reads, in one row built once per process (each request only filters
# it): the need's and its place's shown columns, its partner's name, when its last slot ends
# (its slots are asked for only when one is to come) and its figures' sums. Neither the
# partner's nor the challenge's page is joined (a page's hundred columns made the query cost
# more to write than to run): the page reads its challenge from ``challenge_link``.
_NEED_PAGE = (
    Need.objects.exclude(status__in=HIDDEN_STATUSES)
    .select_related("place")
    .only(
        "place",
        "challenge_id",
        "title",
        "description",
        "quantity_wanted",
        "unit",
        "unit_singular",
        "urgency",
        "skill",
        "starts_at",
        "ends_at",
        "status",
        "place_kind",
        "place__name",
        "place__address",
        "place__postcode",
        "place__town",
        "place__latitude",
        "place__longitude",
        "place__public_precision",
        "place__public_instructions",
    )
    .annotate(
        partner_title=Coalesce(F("place__partner__title"), Value("")),
        last_slot_ends_at=last_slot_end(),
        pledge_sums=pledge_sums(),
    )
    .order_by()
)


def public_need(pk: int) -> Need | None:
    """One need the public may see, as its page reads it: its place, its partner's name
    (``partner_title``, "" without a partner), ``last_slot_ends_at`` and ``pledge_sums``
    (read by ``slots.may_have_upcoming_slots`` and ``need_figures``); None if there is none.
    Other columns are deferred."""
    return next(iter(_NEED_PAGE.filter(pk=pk)[:1]), None)


def expire_stale_needs(*, now: datetime | None = None) -> int:
    """Open needs whose end date has passed become 'expired'; returns how many."""
    return Need.objects.filter(status=NeedStatus.OPEN, ends_at__lte=now or timezone.now()).update(
        status=NeedStatus.EXPIRED, updated_at=timezone.now()
    )


def localized_challenge(challenge: ChallengePage | None, language_code: str):
    """The challenge page in the reader's language when it exists, else the stored one."""
    return in_language(challenge, language_code, live_only=True)


def challenge_link(challenge_id: int | None, language_code: str, request) -> dict | None:
    """``{"title", "url"}`` of a challenge (by any of its pages' ids) in the reader's language
    when it exists, else the stored page: read once per process and publication."""
    if challenge_id is None:
        return None

    def compute():
        page = ChallengePage.objects.filter(pk=challenge_id).first()
        shown = localized_challenge(page, language_code) if page is not None else None
        return None if shown is None else {"title": shown.title, "url": shown.get_url(request)}

    key = ("challenge-link", challenge_id, language_code, request.get_host())
    return publication_memo.remembered(key, compute)


def challenges_for_language(language_code: str) -> QuerySet[ChallengePage]:
    """Challenges offered as a filter, in the reader's language."""
    return ChallengePage.objects.live().filter(locale__language_code=language_code).order_by("path")


def challenge_by_slug(slug: str) -> ChallengePage | None:
    """A challenge by its slug in any language (the filters' value)."""
    return ChallengePage.objects.live().filter(slug=slug).order_by("locale_id").first()


def localized_challenges_by_id(language_code: str) -> dict[int, "ChallengeLabel"]:
    """Any challenge page's id -> that challenge's label in the reader's language (a need
    stores whichever page its partner picked). Cached until a page is published or unpublished:
    every list of needs (pages, API, map) reads it."""
    key = f"challenge-labels:{page_cache.version()}:{language_code}"
    labels = cache.get(key)
    if labels is None:
        rows = ChallengePage.objects.live().values_list(
            "pk", "translation_key", "locale__language_code", "slug", "title"
        )
        by_key = {
            row[1]: ChallengeLabel(*row[0:1], *row[3:]) for row in rows if row[2] == language_code
        }
        labels = {
            row[0]: by_key.get(row[1], ChallengeLabel(row[0], row[3], row[4])) for row in rows
        }
        cache.set(key, labels, 3600)
    return labels


@dataclass(frozen=True)
class ChallengeLabel:
    pk: int
    slug: str
    title: str
