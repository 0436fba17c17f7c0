"""Queries and rules of the programme room."""


def live_impact_counts() -> dict[str, int]:
    """What the portal counts live: volunteers signed up, actions reported, cohorts run.

    Aggregated figures only (never a scan of every report per page view); the home page adds
    them to the figures recorded outside the portal.
    """
    return {"volunteers": 0, "actions": 0, "cohorts": 0}
