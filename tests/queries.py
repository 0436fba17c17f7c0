"""Query counts of requests, whatever the database."""

from django.db import connection


def per_request(count: int) -> int:
    """``count`` queries of a view, plus the SAVEPOINT and RELEASE of the request's transaction
    where requests are atomic (ATOMIC_REQUESTS, on PostgreSQL)."""
    return count + (2 if connection.settings_dict.get("ATOMIC_REQUESTS") else 0)
