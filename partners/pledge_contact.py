"""What a partner may know of the volunteer behind a pledge: the first name, and only the
contact the volunteer chose to share for that pledge. Pages, exports and the API all use this."""

from django.utils.translation import gettext as _

from matching.models import ContactChannel, Pledge


def is_anonymous(pledge: Pledge) -> bool:
    """The volunteer deleted their account (or it was deactivated): nothing personal is left."""
    volunteer = pledge.volunteer
    return volunteer is None or volunteer.user is None or not volunteer.user.is_active


def volunteer_first_name(pledge: Pledge) -> str:
    if is_anonymous(pledge):
        return _("volontaire anonyme")
    return pledge.volunteer.user.first_name or _("volontaire anonyme")


def shared_email(pledge: Pledge) -> str:
    """The volunteer's email, only when they chose to share it for this pledge."""
    if is_anonymous(pledge) or pledge.contact_channel != ContactChannel.EMAIL:
        return ""
    return pledge.volunteer.user.email


def shared_phone(pledge: Pledge) -> str:
    """The volunteer's phone, only when they chose to share it for this pledge."""
    if is_anonymous(pledge) or pledge.contact_channel != ContactChannel.PHONE:
        return ""
    return pledge.volunteer.phone


def shared_contact(pledge: Pledge) -> str:
    """One line for pages and exports: the chosen email or phone, else "via ré_action"."""
    if is_anonymous(pledge):
        return _("volontaire anonyme")
    return shared_email(pledge) or shared_phone(pledge) or _("via ré_action")
