"""What one room keeps about a person, for the data export and the account deletion.

A ``Collector`` says what the room holds about a user (``export``, plain JSON-ready data), what
must happen to it when the account is deleted (``erase``, run before the user row goes) and
what would stop a self-service deletion (``blocker``, a message for people). A room adds its
collector by registering a function that returns it with the ``register_personal_data`` hook;
``volunteers.personal_data`` walks them all.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class Collector:
    key: str
    export: Callable
    erase: Callable | None = None
    blocker: Callable | None = None


def registered_collectors() -> tuple[Collector, ...]:
    """The collectors the rooms registered, in the order of INSTALLED_APPS."""
    return tuple(collector() for collector in hooks.get_hooks("register_personal_data"))
