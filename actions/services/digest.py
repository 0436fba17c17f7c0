"""The weekly digest of new actions, for the rooms that manage a person's subscription (the
volunteer space): a double opt-in subscription, and leaving it. Confirmation and the weekly
send live with the digest itself (``actions.digest``), which the directory's pages and tasks
use directly."""

from actions.digest import subscribe, unsubscribe

__all__ = ["subscribe", "unsubscribe"]
