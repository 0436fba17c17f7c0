"""Weeks as the directory counts them: ISO weeks (Monday to Sunday), in the site's time zone.

A week is stored as the date of its Monday; ``2026-W07`` is its ISO label.
"""

import datetime
import re

from django.utils import timezone

from portal.weeks import week_start

ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def current_week_start() -> datetime.date:
    return week_start(timezone.localdate())


def is_current_week(monday: datetime.date | None) -> bool:
    """Whether ``monday`` starts this week (the "new this week" badge)."""
    return monday == current_week_start()


def previous_week_start() -> datetime.date:
    """The Monday of the last complete week (the one the weekly digest covers)."""
    return current_week_start() - datetime.timedelta(weeks=1)


def iso_week_label(monday: datetime.date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_iso_week(label: str) -> datetime.date:
    """``2026-W07`` -> the Monday of that week; ValueError for anything else."""
    match = ISO_WEEK.match(label.strip())
    if match is None:
        raise ValueError(f"not an ISO week (YYYY-Www): {label!r}")
    return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
