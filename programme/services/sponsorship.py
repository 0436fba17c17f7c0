"""Which pool an enrolment belongs to: the public cohorts, or one sponsor's dedicated cohorts.

Cohorts carry ``Cohort.sponsor_key``; memberships have no such field yet, so the sponsors room
links an enrolment made through a sponsor's page to the sponsor's key
(``sponsors.SponsorMembership``, reverse accessor ``sponsor_link``). Everything the programme
needs about it goes through this module: moving the key onto ``Membership`` later changes only
these functions. Likewise a sponsor's internal mobilisers are coordinators linked to its key
(``sponsors.SponsorMobiliser``, reverse accessor ``sponsor_links``).
"""

from django.db.models import Exists, OuterRef, Q

from programme.models import Coordinator, Membership

LINK = "sponsor_link"
KEY_LOOKUP = f"{LINK}__sponsor_key"
MOBILISER_LINK = "sponsor_links"  # sponsors.SponsorMobiliser.coordinator


def sponsor_key_of(membership: Membership) -> str:
    """The sponsor key of the enrolment's pool ("" for the public cohorts)."""
    if membership.pk is None:
        return ""
    link = getattr(membership, LINK, None)  # a missing reverse one-to-one is an AttributeError
    return link.sponsor_key if link is not None else ""


def in_pool_of(sponsor_key: str) -> Q:
    """Memberships of a sponsor's pool, or of the public pool when ``sponsor_key`` is ""."""
    if sponsor_key:
        return Q(**{KEY_LOOKUP: sponsor_key})
    return Q(**{f"{LINK}__isnull": True})


def link_to_sponsor(membership: Membership, sponsor_key: str) -> None:
    if not sponsor_key:
        return
    link_model = Membership._meta.get_field(LINK).related_model
    link_model.objects.update_or_create(
        membership=membership, defaults={"sponsor_key": sponsor_key}
    )


def is_mobiliser_of(sponsor_key: str) -> Exists:
    """For a coordinators queryset: True when the coordinator is the sponsor's mobiliser."""
    link_model = Coordinator._meta.get_field(MOBILISER_LINK).related_model
    return Exists(link_model.objects.filter(coordinator=OuterRef("pk"), sponsor_key=sponsor_key))
