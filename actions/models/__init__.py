"""Actions room: the directory of actions (pages) and the weekly digest of new ones.

Direction of dependencies: ``actions`` reads ``challenges`` (an action belongs to a challenge,
partners vouch for it) and ``partners`` (who may propose actions); ``home`` reads ``actions``.
``action_page`` never imports ``services``; ``index_page`` does (module imports only).
"""

from actions.models.action_page import ActionPage, ActionPageQuerySet
from actions.models.choices import ActionDuration, ActionMode, DirectorySort
from actions.models.digest import DigestDelivery, DigestSubscription
from actions.models.index_page import ActionIndexPage

__all__ = [
    "ActionDuration",
    "ActionIndexPage",
    "ActionMode",
    "ActionPage",
    "ActionPageQuerySet",
    "DigestDelivery",
    "DigestSubscription",
    "DirectorySort",
]
