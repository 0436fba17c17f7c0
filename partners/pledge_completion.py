"""A partner marks a pledge done: the need's counters move (matching) and, when the need puts
a directory action into practice, that action counts one more completion, once per pledge.

``matching.complete_pledge`` is the once-only marker: it moves a pledge from "pledged" to
"done" under a row lock and refuses any later call, so a retried click or API call never
counts twice. Both happen in one transaction: the pledge is done and counted, or neither.
"""

from django.db import transaction

from actions.services import record_action_done
from matching import services as matching
from matching.models import Need, Pledge
from programme.services import pledge_counted_by_report


@transaction.atomic
def mark_pledge_done(*, pledge_id: int) -> Pledge:
    """Complete the pledge (or raise matching.PledgeError) and count its need's action."""
    pledge = matching.complete_pledge(pledge_id=pledge_id)
    need = Need.objects.select_related("action").get(pk=pledge.need_id)
    if need.action is not None and not pledge_counted_by_report(pledge, need.action):
        record_action_done(need.action)
    return pledge
