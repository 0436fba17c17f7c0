"""Public syndication of open needs (and the directory's actions) for other platforms:

- ``GET /api/v1/feeds/needs.json`` and ``GET /api/v1/feeds/actions.json``: JSON in a
  schema.org shape (a ``DataFeed`` whose elements are ``VolunteerAction``-like objects, as the
  national engagement platforms exchange missions), paginated (``?page=``), cacheable
  (``Cache-Control: public``, an ``ETag`` answered with 304 on ``If-None-Match``);
- ``/fr/flux/besoins.atom`` (``/en/feeds/needs.atom``): the newest open needs as Atom.

Only public facts: the place's name, postcode, town and public point (already rounded to its
public precision), the partner, the challenge, quantities and slot times with places left.
Never a volunteer, never a street address.
"""

import hashlib
import json

from django.contrib.syndication.views import Feed
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from wagtail.models import Locale

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from actions import services as action_services
from matching.models import Need, NeedStatus, Slot
from matching.services import public_needs
from portal.api import bad_request
from portal.i18n import absolute_url

PER_PAGE = 50
MAX_AGE_S = 300
ATOM_LENGTH = 50
SLOTS_PER_NEED = 20


def open_needs():
    now = timezone.now()
    upcoming = Slot.objects.filter(ends_at__gt=now).order_by("starts_at", "pk")
    return (
        public_needs()
        .filter(Q(status=NeedStatus.OPEN), Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .prefetch_related(Prefetch("slots", queryset=upcoming, to_attr="upcoming_slots"))
        .order_by(F("published_at").desc(nulls_last=True), "-id")
    )


def need_item(need: Need) -> dict:
    place = need.place
    location = {
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "postalCode": place.postcode,
            "addressLocality": place.town,
            "addressCountry": "FR",
        },
    }
    if need.latitude is not None and need.longitude is not None:
        location["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": need.latitude,
            "longitude": need.longitude,
        }
    return {
        "@type": "VolunteerAction",
        "identifier": f"need-{need.pk}",
        "name": need.title,
        "description": need.description,
        "url": absolute_url(need.get_absolute_url()),
        "actionStatus": "PotentialActionStatus",
        "startTime": need.starts_at.isoformat() if need.starts_at else None,
        "endTime": need.ends_at.isoformat() if need.ends_at else None,
        "location": location,
        "organizer": {"@type": "Organization", "name": place.partner.title}
        if place.partner_id
        else None,
        "about": need.challenge.title if need.challenge_id else None,
        "quantityWanted": need.quantity_wanted,
        "quantityRemaining": need.quantity_remaining,
        "unitText": need.unit,
        "urgency": need.urgency,
        "slots": [
            {
                "startTime": slot.starts_at.isoformat(),
                "endTime": slot.ends_at.isoformat(),
                "places": slot.places,
                "placesLeft": slot.places_left,
            }
            for slot in need.upcoming_slots[:SLOTS_PER_NEED]
        ],
        "dateModified": need.updated_at.isoformat(),
    }


def action_item(action, request=None) -> dict:
    return {
        "@type": "VolunteerAction",
        "identifier": f"action-{action.pk}",
        "name": action.title,
        "description": action.summary,
        "url": action.get_full_url(request) or "",
        "actionStatus": "PotentialActionStatus",
        "about": action.challenge.title if action.challenge_id else None,
        "inLanguage": action.locale.language_code,
        "datePublished": action.first_published_at.isoformat()
        if action.first_published_at
        else None,
        "dateModified": action.last_published_at.isoformat() if action.last_published_at else None,
    }


PAGE_PARAMETER = OpenApiParameter(
    "page", OpenApiTypes.INT, description="Page (1 par défaut), de 50 éléments."
)


class _FeedView(APIView):
    """One page of a DataFeed, with Cache-Control and an ETag (304 when unchanged)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    feed_name = ""

    def items(self, request):
        raise NotImplementedError

    def item(self, obj) -> dict:
        raise NotImplementedError

    def get(self, request):
        raw = request.query_params.get("page", "1")
        paginator = Paginator(self.items(request), PER_PAGE)
        try:
            page = paginator.page(raw)
        except (EmptyPage, PageNotAnInteger):
            return bad_request({"page": [_("Cette page de résultats n'existe pas.")]})
        path = request.path
        data = {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "name": self.feed_name,
            "count": paginator.count,
            "page": page.number,
            "next": absolute_url(f"{path}?page={page.number + 1}") if page.has_next() else None,
            "previous": absolute_url(f"{path}?page={page.number - 1}")
            if page.has_previous()
            else None,
            "dataFeedElement": [self.item(obj) for obj in page.object_list],
        }
        body = json.dumps(data, sort_keys=True, ensure_ascii=False)
        etag = f'"{hashlib.sha256(body.encode()).hexdigest()[:32]}"'
        if etag in request.headers.get("If-None-Match", ""):
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
        else:
            response = Response(data)
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={MAX_AGE_S}"
        return response


FEED_RESPONSES = {
    200: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="Un DataFeed schema.org : count, page, next, previous, dataFeedElement.",
    ),
    304: OpenApiResponse(description="Inchangé depuis l'ETag donné dans If-None-Match."),
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="Page inexistante."),
}


class NeedsFeedView(_FeedView):
    feed_name = "ré_action — besoins ouverts"

    @extend_schema(
        tags=["feeds"],
        summary="Flux public des besoins ouverts (schema.org, paginé)",
        parameters=[PAGE_PARAMETER],
        responses=FEED_RESPONSES,
    )
    def get(self, request):
        return super().get(request)

    def items(self, request):
        return open_needs()

    def item(self, obj):
        return need_item(obj)


class ActionsFeedView(_FeedView):
    feed_name = "ré_action — actions du répertoire"

    @extend_schema(
        tags=["feeds"],
        summary="Flux public des actions du répertoire (schema.org, paginé, en français)",
        parameters=[PAGE_PARAMETER],
        responses=FEED_RESPONSES,
    )
    def get(self, request):
        return super().get(request)

    def items(self, request):
        locale = Locale.get_default()
        return (
            action_services.published_actions(locale.pk)
            .select_related("challenge", "locale")
            .order_by("-first_published_at", "-pk")
        )

    def item(self, obj):
        return action_item(obj, self.request)


class NeedsAtomFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("ré_action — besoins ouverts")

    def subtitle(self):
        return _("Les besoins ouverts des partenaires, les plus récents d'abord.")

    def link(self):
        return "/"

    def items(self):
        return open_needs()[:ATOM_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.description}\n{item.place.postcode} {item.place.town}".strip()

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.challenge.title] if item.challenge_id else []
