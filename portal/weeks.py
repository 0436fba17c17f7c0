"""Weeks as the site counts them: ISO weeks, Monday to Sunday, each known by its Monday."""

import datetime


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of the ISO week of ``day``."""
    return day - datetime.timedelta(days=day.weekday())
