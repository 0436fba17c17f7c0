"""The one path pages, the API and the tasks take: queries and rules of the matching room.

- ``nearest``: the nearest-needs engine;
- ``pledging``: pledges and the counters they keep;
- ``needs``: what pages show of needs, expiry;
- ``geocoding``: giving places and profiles their points, and a postcode its town;
- ``publishing``: opening needs, with an editor's review of a moderated partner's first needs;
- ``volunteers``: a volunteer's own search origin, and counts for everyone else;
- ``slots``: time slots of needs, their places, waiting lists and weekly series;
- ``maps``: the background of the maps that show places.
"""

from matching.services.geocoding import geocode_place, geocode_profile, mark_place_geocoding_failed
from matching.services.nearest import MAX_LIMIT, MAX_RADIUS_KM, NeedMatch, nearest_open_needs
from matching.services.needs import (
    challenge_by_slug,
    challenge_link,
    challenges_for_language,
    expire_stale_needs,
    localized_challenge,
    localized_challenges_by_id,
    public_need,
    public_needs,
)
from matching.services.pledging import (
    PledgeError,
    cancel_pledge,
    complete_pledge,
    need_to_pledge,
    pledge,
    pledge_completed,
    pledge_for_emails,
    recount_need,
)
from matching.services.publishing import approve, needs_review, publish
from matching.services.volunteers import NeedFigures, need_figures, own_search_origin, profile_for

__all__ = [
    "MAX_LIMIT",
    "MAX_RADIUS_KM",
    "NeedFigures",
    "NeedMatch",
    "PledgeError",
    "approve",
    "needs_review",
    "publish",
    "cancel_pledge",
    "challenge_by_slug",
    "challenge_link",
    "challenges_for_language",
    "complete_pledge",
    "pledge_completed",
    "pledge_for_emails",
    "expire_stale_needs",
    "geocode_place",
    "geocode_profile",
    "localized_challenge",
    "localized_challenges_by_id",
    "mark_place_geocoding_failed",
    "nearest_open_needs",
    "need_figures",
    "need_to_pledge",
    "pledge",
    "public_need",
    "public_needs",
    "own_search_origin",
    "profile_for",
    "recount_need",
]
