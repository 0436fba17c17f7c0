"""Partner API under /api/v1/partner/: a partner's own places, needs and pledges.

Session authentication only (the partner space's sign-in, with its lock-out; CSRF applies to
writes). Only signed-in members of a partner get in (else 403). Every queryset comes from
partners.selectors, so another partner's object answers 404. Bad input answers 400 with
{"detail": message, "errors": {field: [messages]}}, as the rest of /api/v1/.

Volunteers appear by first name only, with their email or phone only when they chose to share
it for that pledge (partners.pledge_contact).
"""

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view

from matching import services as matching
from matching.models import Need, NeedStatus, Place, Pledge
from partners import need_actions, pledge_contact, selectors, services
from partners.forms.needs import NeedForm
from partners.forms.places import PlaceForm

TAG = "partner"


class IsPartnerMember(permissions.BasePermission):
    """A signed-in member of a partner; the view keeps the membership for its querysets."""

    message = gettext_lazy("Réservé aux membres d'un partenaire.")

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        view.membership = services.membership_of(request.user)
        return view.membership is not None


class PartnerAPIMixin:
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsPartnerMember]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["membership"] = getattr(self, "membership", None)
        return context


def _form_errors(form) -> dict:
    return {
        ("non_field_errors" if name == "__all__" else name): [str(m) for m in messages]
        for name, messages in form.errors.items()
    }


def _form_data(form_class, instance, data, *, partial: bool) -> dict:
    """What the page's form would receive: for a partial update, the stored values with the
    request's on top (JSON or form-encoded alike)."""
    model = form_class._meta.model
    if instance is not None and partial:
        values = model_to_dict(instance, fields=form_class._meta.fields)
    else:  # what the page's form shows before anything is typed: the model's defaults
        values = {
            name: model._meta.get_field(name).get_default()
            for name in form_class._meta.fields
            if model._meta.get_field(name).has_default()
        }
    for name, value in values.items():
        if isinstance(value, datetime.datetime):
            values[name] = value.replace(microsecond=0)
    for name in form_class._meta.fields:
        if name in data:
            values[name] = data[name]
    return values


def _validated_form(form):
    if not form.is_valid():
        raise ValidationError(_form_errors(form))
    return form


# Places ------------------------------------------------------------------------------------


class PlaceSerializer(serializers.ModelSerializer):
    """A partner's place; written through the page's form (partners.forms.places.PlaceForm)."""

    class Meta:
        model = Place
        fields = ["id", *PlaceForm._meta.fields, "geocoding_status", "created_at", "updated_at"]
        read_only_fields = ["geocoding_status", "created_at", "updated_at"]


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="Lieux du partenaire"),
    retrieve=extend_schema(tags=[TAG], summary="Un lieu du partenaire"),
    create=extend_schema(tags=[TAG], summary="Créer un lieu (géocodé depuis l'adresse)"),
    update=extend_schema(tags=[TAG], summary="Modifier un lieu"),
    partial_update=extend_schema(tags=[TAG], summary="Modifier un lieu (en partie)"),
)
class PlaceViewSet(
    PartnerAPIMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = PlaceSerializer
    queryset = Place.objects.none()

    def get_queryset(self):
        return selectors.places_of(self.membership).order_by("name", "id")

    def create(self, request, *args, **kwargs):
        place = self._save(None, request.data, partial=False)
        return Response(self.get_serializer(place).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        place = self._save(self.get_object(), request.data, partial=kwargs.get("partial", False))
        return Response(self.get_serializer(place).data)

    def _save(self, place, data, *, partial: bool) -> Place:
        form = _validated_form(
            PlaceForm(_form_data(PlaceForm, place, data, partial=partial), instance=place)
        )
        place = form.save(commit=False)
        if place.partner_id is None:
            place.partner = services.canonical_partner(self.membership.partner)
        place.save()
        place.refresh_from_db()
        return place


# Needs -------------------------------------------------------------------------------------

# The status a partner may ask for -> the need action (partners.need_actions) that gets there.
STATUS_ACTIONS = {
    NeedStatus.PAUSED: "pause",
    NeedStatus.CLOSED: "close",
}
WRITABLE_STATUSES = [
    (value, NeedStatus(value).label)
    for value in (NeedStatus.DRAFT, NeedStatus.OPEN, NeedStatus.PAUSED, NeedStatus.CLOSED)
]


def _status_action(need: Need | None, wanted: str) -> str | None:
    """The action that moves ``need`` to ``wanted`` (None: nothing to do), or a 400."""
    current = need.status if need is not None else NeedStatus.DRAFT
    if wanted == current or (wanted == NeedStatus.OPEN and current == NeedStatus.REVIEW):
        return None
    if wanted == NeedStatus.OPEN:
        action_name = "resume" if current == NeedStatus.PAUSED else "publish"
    else:
        action_name = STATUS_ACTIONS.get(wanted)
    if action_name is None or current not in need_actions.ALLOWED_FROM[action_name]:
        raise ValidationError(
            {
                "status": [
                    _("Un besoin « %(current)s » ne peut pas passer à « %(wanted)s ».")
                    % {"current": NeedStatus(current).label, "wanted": NeedStatus(wanted).label}
                ]
            }
        )
    return action_name


class NeedSerializer(serializers.ModelSerializer):
    """A partner's need; written through the page's form (partners.forms.needs.NeedForm)."""

    status = serializers.ChoiceField(
        choices=WRITABLE_STATUSES,
        required=False,
        help_text=gettext_lazy(
            "Écriture : draft (par défaut à la création), open (publier ou reprendre), paused "
            "ou closed. Lecture : aussi review (en relecture), fulfilled, expired."
        ),
    )

    class Meta:
        model = Need
        fields = [
            "id",
            *NeedForm._meta.fields,
            "quantity_pledged",
            "quantity_fulfilled",
            "status",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "quantity_pledged",
            "quantity_fulfilled",
            "published_at",
            "created_at",
            "updated_at",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["status"] = instance.status  # every status, not only the writable ones
        return data


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="Besoins du partenaire (filtre : status)"),
    retrieve=extend_schema(tags=[TAG], summary="Un besoin du partenaire"),
    create=extend_schema(tags=[TAG], summary="Créer un besoin sur un de ses lieux"),
    update=extend_schema(tags=[TAG], summary="Modifier un besoin"),
    partial_update=extend_schema(tags=[TAG], summary="Modifier un besoin (en partie)"),
)
class NeedViewSet(
    PartnerAPIMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = NeedSerializer
    queryset = Need.objects.none()
    filterset_fields = ["status"]

    def get_queryset(self):
        return selectors.needs_of(self.membership).order_by("-id")

    def create(self, request, *args, **kwargs):
        need = self._save(None, request.data, partial=False)
        return Response(self.get_serializer(need).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        need = self._save(self.get_object(), request.data, partial=kwargs.get("partial", False))
        return Response(self.get_serializer(need).data)

    def _save(self, need, data, *, partial: bool) -> Need:
        form = NeedForm(
            _form_data(NeedForm, need, data, partial=partial),
            instance=need,
            places=selectors.places_of(self.membership),
            language_code=get_language(),
        )
        errors = {} if form.is_valid() else _form_errors(form)
        action_name = None
        if data.get("status") not in (None, ""):
            try:
                wanted = serializers.ChoiceField(choices=WRITABLE_STATUSES).run_validation(
                    data["status"]
                )
                action_name = _status_action(need, wanted)
            except ValidationError as error:
                detail = error.detail
                errors["status"] = detail["status"] if isinstance(detail, dict) else detail
        if errors:
            raise ValidationError(errors)
        try:
            with transaction.atomic():
                saved = form.save(commit=False)
                if saved.pk is None:
                    saved.created_by = self.request.user
                saved.save()
                if action_name:
                    saved = need_actions.change_status(need=saved, action=action_name)
        except IntegrityError as error:
            raise ValidationError(
                {
                    "quantity_wanted": [
                        _(
                            "Des engagements viennent d'arriver : la quantité souhaitée est trop "
                            "basse."
                        )
                    ]
                }
            ) from error
        except DjangoValidationError as error:
            raise ValidationError({"status": error.messages}) from error
        return self.get_queryset().get(pk=saved.pk)


# Pledges -----------------------------------------------------------------------------------


class PledgeSerializer(serializers.ModelSerializer):
    need_title = serializers.CharField(source="need.title", read_only=True)
    unit = serializers.CharField(source="need.unit", read_only=True)
    volunteer_first_name = serializers.SerializerMethodField(
        help_text=gettext_lazy("Prénom seulement ; « volontaire anonyme » après suppression.")
    )
    email = serializers.SerializerMethodField(
        help_text=gettext_lazy("Seulement si le volontaire a choisi de partager son e-mail.")
    )
    phone = serializers.SerializerMethodField(
        help_text=gettext_lazy("Seulement si le volontaire a choisi de partager son téléphone.")
    )

    class Meta:
        model = Pledge
        fields = [
            "id",
            "need",
            "need_title",
            "quantity",
            "unit",
            "status",
            "contact_channel",
            "volunteer_first_name",
            "email",
            "phone",
            "created_at",
            "done_at",
            "cancelled_at",
        ]
        read_only_fields = fields

    def get_volunteer_first_name(self, pledge) -> str:
        return pledge_contact.volunteer_first_name(pledge)

    def get_email(self, pledge) -> str | None:
        return pledge_contact.shared_email(pledge) or None

    def get_phone(self, pledge) -> str | None:
        return pledge_contact.shared_phone(pledge) or None


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="Engagements du partenaire (filtres : need, status)"),
    retrieve=extend_schema(tags=[TAG], summary="Un engagement"),
)
class PledgeViewSet(PartnerAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = PledgeSerializer
    queryset = Pledge.objects.none()
    filterset_fields = ["need", "status"]

    def get_queryset(self):
        return selectors.pledges_of(self.membership).order_by("-id")

    @extend_schema(
        tags=[TAG],
        request=None,
        responses={200: PledgeSerializer, 400: OpenApiTypes.OBJECT},
        summary="Marquer un engagement comme réalisé",
    )
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        pledge = self.get_object()
        try:
            matching.complete_pledge(pledge_id=pledge.pk)
        except matching.PledgeError as error:
            raise ValidationError({"status": [str(error)]}) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=pledge.pk)).data)
