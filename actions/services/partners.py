"""Partner staff and the Partners group, the accounts that may propose actions (see
``actions.permissions``): the room that knows partner organisations calls these as people join
or leave one. Nothing happens before the group exists (it is created by a data migration)."""

from django.contrib.auth.models import Group

from actions.permissions import PARTNERS_GROUP


def _partners_group() -> Group | None:
    return Group.objects.filter(name=PARTNERS_GROUP).first()


def join_partners_group(user) -> None:
    group = _partners_group()
    if group is not None:
        user.groups.add(group)


def leave_partners_group(user) -> None:
    group = _partners_group()
    if group is not None:
        user.groups.remove(group)
