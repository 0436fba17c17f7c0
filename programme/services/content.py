"""Challenges and programme content across languages.

Cohorts, memberships and reports point to the challenge page of the default language; the other
languages find theirs by ``translation_key``.
"""

import datetime

from challenges.models import ChallengeImpactMetric, ChallengePage
from portal.i18n import first_in_language, in_language
from portal.weeks import week_start
from programme.models import ProgrammePage
from programme.models.cohorts import canonical_challenge

__all__ = [
    "canonical_challenge",
    "challenge_in_language",
    "challenges_for_language",
    "metrics_for_language",
    "next_mondays",
    "programme_page_for_language",
]

WEEKS_OPEN_FOR_SIGN_UP = 8


def challenge_in_language(page: ChallengePage, language_code: str) -> ChallengePage:
    """The challenge's page in ``language_code`` when it exists (for display)."""
    return in_language(page, language_code)


def challenges_for_language(language_code: str):
    return ChallengePage.objects.live().filter(locale__language_code=language_code).order_by("path")


def metrics_for_language(language_code: str):
    """Impact metrics of the live challenges of a language, grouped by challenge order."""
    return (
        ChallengeImpactMetric.objects.filter(
            page__live=True, page__locale__language_code=language_code
        )
        .select_related("page", "page__locale")
        .order_by("page__path", "sort_order")
    )


def programme_page_for_language(language_code: str) -> ProgrammePage | None:
    """The live programme page of a language, else the default language's."""
    return first_in_language(ProgrammePage.objects.live(), language_code)


def next_mondays(today: datetime.date, count: int = WEEKS_OPEN_FOR_SIGN_UP) -> list:
    """The start dates one can sign up for: the next ``count`` Mondays after today."""
    first = week_start(today) + datetime.timedelta(weeks=1)
    return [first + datetime.timedelta(weeks=n) for n in range(count)]
