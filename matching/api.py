"""JSON API of the matching room: needs near a point (JSON or GeoJSON) and geocoding.

Bad input (coordinates out of range or not numbers, radius <= 0 or > 200 km, unknown
postcode or challenge) answers 400 with {"detail": message, "errors": {field: [...]}}.
Places appear at their public precision; volunteers never appear.
"""

import copy
import math

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer

from matching import geo, services
from matching.geocoding import GeocoderUnavailable, PlaceNotFound, geocode_query
from matching.models import PlaceKind, Skill
from matching.public import feature_collection, match_rows
from portal import ratelimit
from portal.api import bad_request


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise serializers.ValidationError(_("Nombre attendu."))
    return value


class NeedSearchParams(serializers.Serializer):
    lat = serializers.FloatField(
        required=False, min_value=-90, max_value=90, help_text=gettext_lazy("Latitude (WGS84).")
    )
    lon = serializers.FloatField(
        required=False,
        min_value=-180,
        max_value=180,
        help_text=gettext_lazy("Longitude (WGS84)."),
    )
    postcode = serializers.CharField(
        required=False,
        max_length=100,
        help_text=gettext_lazy("Code postal (ou commune) au lieu de lat/lon."),
    )
    radius_km = serializers.FloatField(
        required=False,
        default=20,
        max_value=services.MAX_RADIUS_KM,
        help_text=gettext_lazy("Rayon en km, de 0 (exclu) à 200."),
    )
    challenge = serializers.CharField(
        required=False, max_length=255, help_text=gettext_lazy("Slug du défi (fr ou en).")
    )
    kind = serializers.ChoiceField(choices=PlaceKind.choices, required=False)
    skill = serializers.ChoiceField(choices=Skill.choices, required=False)
    limit = serializers.IntegerField(
        required=False, default=20, min_value=1, max_value=services.MAX_LIMIT
    )

    def get_fields(self):
        """The declared fields, each copied (then bound to this serializer) rather than built
        again: DRF rebuilds every field of every serializer from its arguments, an eighth of
        the API's answer for these nine. What a field keeps of its arguments (limits,
        validators, choices) is only read when validating."""
        return {name: copy.copy(field) for name, field in self._declared_fields.items()}

    def validate_lat(self, value):
        return _finite(value)

    def validate_lon(self, value):
        return _finite(value)

    def validate_radius_km(self, value):
        if not math.isfinite(value) or value <= 0:
            raise serializers.ValidationError(_("Le rayon doit être supérieur à 0 km."))
        return value

    def validate_challenge(self, value):
        challenge = services.challenge_by_slug(value)
        if challenge is None:
            raise serializers.ValidationError(_("Défi inconnu : %(slug)s.") % {"slug": value})
        return challenge

    def validate(self, attrs):
        has_lat, has_lon = "lat" in attrs, "lon" in attrs
        if has_lat != has_lon:
            raise serializers.ValidationError(_("Indiquez à la fois lat et lon."))
        if not has_lat and not attrs.get("postcode"):
            raise serializers.ValidationError(_("Indiquez lat et lon, ou un code postal."))
        return attrs


class NeedResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=PlaceKind.choices)
    challenge = serializers.CharField(allow_null=True, help_text="Slug du défi")
    distance_km = serializers.FloatField()
    lat = serializers.FloatField(help_text="À la précision publique du lieu")
    lon = serializers.FloatField(help_text="À la précision publique du lieu")
    quantity_wanted = serializers.IntegerField()
    quantity_remaining = serializers.IntegerField()
    unit = serializers.CharField()
    urgency = serializers.IntegerField(help_text="1 (peut attendre) à 4 (très urgent)")
    place = serializers.CharField()
    town = serializers.CharField()
    url = serializers.URLField()


class NearbyNeedsView(APIView):
    """Open needs near a point, nearest first."""

    renderer_classes = [JSONRenderer, GeoJSONRenderer]
    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        parameters=[
            NeedSearchParams,
            OpenApiParameter(
                "format",
                OpenApiTypes.STR,
                enum=["json", "geojson"],
                description="json (par défaut) ou geojson : une FeatureCollection de points",
            ),
        ],
        responses={
            200: inline_serializer(
                "NearbyNeeds",
                {"count": serializers.IntegerField(), "results": NeedResultSerializer(many=True)},
            ),
            400: OpenApiTypes.OBJECT,
        },
        summary="Besoins ouverts près d'un point",
        operation_id="needs_nearby",
    )
    def get(self, request):
        params = NeedSearchParams(data=request.query_params)
        if not params.is_valid():
            return bad_request(params.errors)
        data = params.validated_data
        if "lat" in data:
            point = geo.Point(data["lat"], data["lon"])
        else:
            try:
                found = geocode_query(data["postcode"], client=ratelimit.client_address(request))
            except PlaceNotFound as error:
                return bad_request({"postcode": [str(error)]})
            except GeocoderUnavailable as error:
                return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
            point = geo.Point(found.latitude, found.longitude)
        matches = services.nearest_open_needs(
            point,
            data["radius_km"],
            challenge=data.get("challenge"),
            kind=data.get("kind", ""),
            skill=data.get("skill", ""),
            limit=data["limit"],
        )
        rows = match_rows(matches, request)
        if request.accepted_renderer.format == "geojson":
            return Response(feature_collection(rows))
        return Response({"count": len(rows), "results": rows})


class GeocodeView(APIView):
    """A French postcode or commune (or, with an online geocoder, an address) -> a point."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, required=True, description="Code postal ou commune"
            )
        ],
        responses={
            200: inline_serializer(
                "Geocoded",
                {
                    "lat": serializers.FloatField(),
                    "lon": serializers.FloatField(),
                    "label": serializers.CharField(),
                    "source": serializers.CharField(),
                },
            ),
            400: OpenApiTypes.OBJECT,
        },
        summary="Géocoder un code postal ou une commune",
        operation_id="geocode",
    )
    def get(self, request):
        query = request.query_params.get("q", "").strip()
        if not query:
            return bad_request({"q": [_("Indiquez un code postal ou une commune.")]})
        if len(query) > 200:
            return bad_request({"q": [_("Recherche trop longue (200 caractères au plus).")]})
        try:
            found = geocode_query(query, client=ratelimit.client_address(request))
        except PlaceNotFound as error:
            return bad_request({"q": [str(error)]})
        except GeocoderUnavailable as error:
            return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return Response(
            {
                "lat": found.latitude,
                "lon": found.longitude,
                "label": found.label,
                "source": found.source,
            }
        )
