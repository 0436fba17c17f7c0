"""Queries behind the home page: challenges, stories, partner logos, impact counters and the
week's new actions."""

from dataclasses import dataclass

from django.core.cache import cache

from wagtail.models import Site

from actions import services as action_services
from challenges.models import ChallengePage, PartnerPage
from home.models.programme_goals import ProgrammeGoals, counters_cache_key
from home.models.stories import StoryPage
from programme.services import live_impact_counts

COUNTERS_CACHE_S = 5 * 60


@dataclass(frozen=True)
class Counter:
    key: str
    value: int
    goal: int | None = None

    @property
    def percent(self) -> int:
        if not self.goal:
            return 0
        return min(100, round(100 * self.value / self.goal))


def impact_counters(site: Site) -> dict[str, Counter]:
    """Volunteers, actions done, partners and cohorts, against the programme's goals.

    Read from the cache (refreshed every minute by a beat task, and at once when the goals
    change); computed on a miss, so the home page never counts on every view.
    """
    counters = cache.get(counters_cache_key(site.pk))
    if counters is None:
        counters = refresh_impact_counters(site)
    return counters


def refresh_impact_counters(site: Site) -> dict[str, Counter]:
    """Recorded figures (editable in the site settings) plus what the portal counts live."""
    goals = ProgrammeGoals.for_site(site)
    live = live_impact_counts()
    partners = PartnerPage.objects.live().values("translation_key").distinct().count()
    counters = {
        "volunteers": Counter(
            "volunteers", goals.recorded_volunteers + live["volunteers"], goals.goal_volunteers
        ),
        "actions": Counter("actions", goals.recorded_actions + live["actions"], goals.goal_actions),
        "partners": Counter("partners", partners),
        "cohorts": Counter("cohorts", goals.recorded_cohorts + live["cohorts"]),
    }
    cache.set(counters_cache_key(site.pk), counters, COUNTERS_CACHE_S)
    return counters


# The columns the home page's cards read (a card's ``{% pageurl %}`` reads ``url_path``): the
# page models are wide (stream fields, settings), and compiling and loading every column of
# each of them was most of the home page's time.
CHALLENGE_CARD_FIELDS = ("title", "url_path", "summary", "image")
STORY_CARD_FIELDS = ("title", "url_path", "summary", "image")
PARTNER_LOGO_FIELDS = ("title", "url_path", "logo")


def home_page_sections(page, request) -> dict:
    locale_id = page.locale_id
    return {
        "challenges": ChallengePage.objects.live()
        .filter(locale_id=locale_id)
        .select_related("image")
        .only(*CHALLENGE_CARD_FIELDS)
        .order_by("path"),
        "stories": StoryPage.objects.live()
        .filter(locale_id=locale_id)
        .select_related("image")
        .only(*STORY_CARD_FIELDS)
        .order_by("-date")[:3],
        "partners": PartnerPage.objects.live()
        .filter(locale_id=locale_id)
        .exclude(logo=None)
        .select_related("logo")
        .only(*PARTNER_LOGO_FIELDS)
        .order_by("title"),
        "counters": impact_counters(Site.find_for_request(request) or page.get_site()),
        "new_actions": action_services.new_this_week(locale_id=locale_id, limit=3),
        "action_directory_url": action_services.directory_url(locale_id, request),
    }
