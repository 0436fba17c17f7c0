"""The demo programme page: each day of the week has its own content and action, in French
and English."""

import pytest

from programme.services import content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_day_of_the_demo_has_its_own_content_and_action(language):
    page = content.programme_page_for_language(language)
    days = page.schedule_days()
    working_days = [day for day in days if day["kind"] == "day"]
    assert len(working_days) == 5
    for field in ("email_content", "action", "email_subject", "title"):
        values = [str(day[field]) for day in days]
        assert len(set(values)) == len(values), field


def test_the_english_days_are_not_the_french_ones():
    french, english = (
        content.programme_page_for_language(language).schedule_days() for language in ("fr", "en")
    )
    for fr_day, en_day in zip(french, english, strict=True):
        assert str(fr_day["email_content"]) != str(en_day["email_content"])
        assert fr_day["action"] != en_day["action"]
