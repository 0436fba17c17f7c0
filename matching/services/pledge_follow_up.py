"""After a pledge: what the volunteer promised, where and when to bring it or do it, whom to
ask, and how to withdraw. The confirmation page, its email and the reminder read this one view
of a pledge, so they never disagree."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import get_language

from matching.models import Need, Place, Pledge, PledgeStatus, PublicPrecision
from portal import publication_memo


@dataclass(frozen=True)
class PartnerShown:
    """What the follow-up shows of a partner: its page's name and website."""

    title: str
    website: str


@dataclass(frozen=True)
class FollowUp:
    pledge: Pledge
    need: Need
    place: Place
    partner: PartnerShown | None  # in the reader's language when its page is translated
    address: str  # the place's PUBLIC address: the street only when the place shows it
    instructions: str
    contact: str
    website: str
    starts_at: datetime | None
    ends_at: datetime | None

    @property
    def can_cancel(self) -> bool:
        return self.pledge.status == PledgeStatus.PLEDGED


def public_address(place: Place) -> str:
    """The street is public only when the partner shows the place at its exact address."""
    town = f"{place.postcode} {place.town}".strip()
    if place.public_precision == PublicPrecision.EXACT and place.address:
        return f"{place.address}, {town}"
    return town


def own_pledge(user, pledge_id: int) -> Pledge | None:
    """The user's own pledge (None for anyone else's, or for a visitor)."""
    if not user.is_authenticated:
        return None
    return (
        Pledge.objects.select_related("need__place", "volunteer__user")
        .filter(pk=pledge_id, volunteer__user=user)
        .first()
    )


def shown_partner(place: Place) -> PartnerShown:
    """The name and website of the place's partner page in the active language (its live
    translation, else the page itself): looked up once per process, publication and language;
    the page is read only then (the pledge's queries leave it out)."""

    def compute() -> PartnerShown:
        page = place.partner.localized
        return PartnerShown(title=page.title, website=page.website)

    key = ("partner-shown", place.partner_id, get_language())
    return publication_memo.remembered(key, compute)


def follow_up(pledge: Pledge) -> FollowUp:
    need, place = pledge.need, pledge.need.place
    partner = shown_partner(place) if place.partner_id is not None else None
    return FollowUp(
        pledge=pledge,
        need=need,
        place=place,
        partner=partner,
        address=public_address(place),
        instructions=place.public_instructions,
        contact=place.public_contact,
        website=partner.website if partner is not None else "",
        starts_at=need.starts_at,
        ends_at=need.ends_at,
    )
