"""Partner API: slots of the partner's needs (/api/v1/partner/slots/), weekly series, and the
places volunteers took (/api/v1/partner/slot-bookings/), marked done there.

Same rules as partners.api: session authentication, partner members only (else 403), every
queryset from partners.selectors (another partner's object answers 404), bad input 400 with
{"detail": message, "errors": {field: [messages]}}. Volunteers appear by first name only."""

from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view

from matching.models import Slot, SlotBooking
from matching.services import slots
from partners import pledge_contact, selectors
from partners.api import TAG, PartnerAPIMixin, _form_errors
from partners.forms.slots import SlotSeriesForm


class SlotSerializer(serializers.ModelSerializer):
    places_left = serializers.IntegerField(read_only=True)

    class Meta:
        model = Slot
        fields = [
            "id",
            "need",
            "starts_at",
            "ends_at",
            "places",
            "places_taken",
            "places_left",
            "series",
            "created_at",
        ]
        read_only_fields = fields


class SlotSeriesSerializer(serializers.Serializer):
    """A weekly pattern: one slot per chosen weekday between first_date and last_date."""

    need = serializers.IntegerField(help_text=gettext_lazy("Un besoin du partenaire."))
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        help_text=gettext_lazy("0 = lundi … 6 = dimanche."),
    )
    start_time = serializers.TimeField(help_text=gettext_lazy("Heure de Paris, HH:MM."))
    end_time = serializers.TimeField()
    places = serializers.IntegerField(min_value=1)
    first_date = serializers.DateField()
    last_date = serializers.DateField(
        help_text=gettext_lazy("Au plus 100 créneaux par série, sur un an au plus.")
    )


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="Créneaux des besoins du partenaire (filtre : need)"),
    retrieve=extend_schema(tags=[TAG], summary="Un créneau"),
    destroy=extend_schema(
        tags=[TAG],
        summary="Supprimer un créneau où personne n'a pris de place",
        responses={204: None, 400: OpenApiTypes.OBJECT},
    ),
)
class SlotViewSet(
    PartnerAPIMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = SlotSerializer
    queryset = Slot.objects.none()
    filterset_fields = ["need"]

    def get_queryset(self):
        return selectors.slots_of(self.membership).order_by("starts_at", "id")

    def destroy(self, request, *args, **kwargs):
        slot = self.get_object()
        try:
            slots.delete_slot(slot_id=slot.pk)
        except slots.SlotError as error:
            raise ValidationError({"slot": [str(error)]}) from error
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        tags=[TAG],
        request=SlotSeriesSerializer,
        responses={201: SlotSerializer(many=True), 400: OpenApiTypes.OBJECT},
        summary="Créer une série hebdomadaire de créneaux",
    )
    @action(detail=False, methods=["post"])
    def series(self, request):
        data = request.data
        if not isinstance(data, dict):
            raise ValidationError(
                {"non_field_errors": [str(gettext_lazy("Un objet JSON est attendu."))]}
            )
        need = selectors.needs_of(self.membership).filter(pk=_int(data.get("need"))).first()
        if need is None:
            raise ValidationError({"need": [str(gettext_lazy("Choisissez un de vos besoins."))]})
        form = SlotSeriesForm(_as_form_data(data))
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        try:
            made = slots.create_series(need=need, pattern=form.pattern)
        except slots.SlotError as error:
            raise ValidationError({"non_field_errors": [str(error)]}) from error
        return Response(SlotSerializer(made, many=True).data, status=status.HTTP_201_CREATED)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _as_form_data(data) -> dict:
    """JSON (weekdays as a list) or form-encoded (weekdays repeated) alike, for the page's form."""
    values = {name: data.get(name) for name in SlotSeriesForm.base_fields if name in data}
    weekdays = data.getlist("weekdays") if hasattr(data, "getlist") else data.get("weekdays")
    if isinstance(weekdays, list | tuple):
        values["weekdays"] = [str(day) for day in weekdays]
    elif weekdays is not None:
        values["weekdays"] = [str(weekdays)]
    return MultiValueDict({key: v if isinstance(v, list) else [v] for key, v in values.items()})


class SlotBookingSerializer(serializers.ModelSerializer):
    volunteer_first_name = serializers.SerializerMethodField(
        help_text=gettext_lazy("Prénom seulement ; « volontaire anonyme » après suppression.")
    )
    need = serializers.IntegerField(source="slot.need_id", read_only=True)

    class Meta:
        model = SlotBooking
        fields = [
            "id",
            "slot",
            "need",
            "status",
            "hours",
            "volunteer_first_name",
            "from_waiting_list",
            "created_at",
            "done_at",
            "cancelled_at",
        ]
        read_only_fields = fields

    def get_volunteer_first_name(self, booking) -> str:
        return pledge_contact.volunteer_first_name(booking)


@extend_schema_view(
    list=extend_schema(
        tags=[TAG], summary="Places prises sur les créneaux (filtres : slot, status)"
    ),
    retrieve=extend_schema(tags=[TAG], summary="Une place prise sur un créneau"),
)
class SlotBookingViewSet(PartnerAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SlotBookingSerializer
    queryset = SlotBooking.objects.none()
    filterset_fields = ["slot", "status"]

    def get_queryset(self):
        return selectors.slot_bookings_of(self.membership).order_by("-id")

    @extend_schema(
        tags=[TAG],
        request=None,
        responses={200: SlotBookingSerializer, 400: OpenApiTypes.OBJECT},
        summary="Confirmer la présence du volontaire (ses heures sont comptées)",
    )
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        booking = self.get_object()
        try:
            slots.complete_booking(booking_id=booking.pk)
        except slots.SlotError as error:
            raise ValidationError({"status": [str(error)]}) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=booking.pk)).data)
