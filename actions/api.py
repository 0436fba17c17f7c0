"""``GET /api/v1/actions/``: the directory as JSON, with the same filters, search and sort as
the directory page (one FilterSet validates, ``services.directory_actions`` selects).

Bad parameters answer 400 with {"detail": message, "errors": {parameter: [messages]}}.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination

from wagtail.models import Locale

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from actions import services
from actions.filters import MAX_QUERY_LENGTH, ActionDirectoryFilterSet
from actions.models import ActionDuration, ActionMode, ActionPage, DirectorySort


class DirectoryPagination(PageNumberPagination):
    page_size = services.PER_PAGE
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        size = request.query_params.get(self.page_size_query_param)
        if size is not None and not (size.isdigit() and 1 <= int(size) <= self.max_page_size):
            raise ValidationError(
                {"page_size": [_("Nombre entier attendu, de 1 à %(max)d.") % {"max": 100}]}
            )
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise ValidationError({"page": [_("Cette page de résultats n'existe pas.")]}) from error


class NamedPageSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()


class ChallengeField(serializers.Serializer):
    slug = serializers.CharField(source="challenge_slug")
    title = serializers.CharField(source="challenge_title")

    def to_representation(self, action):
        return super().to_representation(action) if action.challenge_id else None


class ActionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    challenge = ChallengeField(source="*", allow_null=True)
    partners = NamedPageSerializer(many=True, source="partners.all")
    is_new = serializers.BooleanField(help_text=gettext_lazy("Publiée cette semaine"))

    class Meta:
        model = ActionPage
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "summary",
            "challenge",
            "mode",
            "duration",
            "group_size_min",
            "group_size_max",
            "partners",
            "impact_unit",
            "impact_unit_label",
            "published_week",
            "is_new",
            "times_done",
        ]

    def get_url(self, action) -> str:
        return action.get_full_url(self.context["request"])


@extend_schema(
    summary="Répertoire d'actions",
    description=(
        "Les actions publiées du répertoire, dans une langue, avec les mêmes filtres, la même "
        "recherche et le même tri que la page du répertoire. Paramètre inconnu : ignoré ; "
        "valeur invalide : 400 avec un message."
    ),
    parameters=[
        OpenApiParameter(
            "lang",
            OpenApiTypes.STR,
            enum=[code for code, _name in settings.LANGUAGES],
            description="Langue des actions (fr par défaut).",
        ),
        OpenApiParameter(
            "q",
            OpenApiTypes.STR,
            description=f"Recherche plein texte (racinisation française sur PostgreSQL), "
            f"{MAX_QUERY_LENGTH} caractères au plus.",
        ),
        OpenApiParameter(
            "challenge", OpenApiTypes.STR, description="Slug du défi, dans la langue demandée."
        ),
        OpenApiParameter(
            "partner",
            OpenApiTypes.STR,
            description="Slug du partenaire qui recommande l'action.",
        ),
        OpenApiParameter("mode", OpenApiTypes.STR, enum=ActionMode.values),
        OpenApiParameter("duration", OpenApiTypes.STR, enum=ActionDuration.values),
        OpenApiParameter(
            "new", OpenApiTypes.BOOL, description="Seulement les actions publiées cette semaine."
        ),
        OpenApiParameter("sort", OpenApiTypes.STR, enum=DirectorySort.values),
    ],
    responses={200: ActionSerializer(many=True), 400: OpenApiResponse(OpenApiTypes.OBJECT)},
)
class ActionListView(ListAPIView):
    serializer_class = ActionSerializer
    pagination_class = DirectoryPagination
    filter_backends: list = []
    authentication_classes: list = []
    permission_classes: list = []

    def get_locale(self) -> Locale:
        code = self.request.query_params.get("lang") or settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            raise ValidationError(
                {"lang": [_("Langue inconnue ; valeurs possibles : %s.") % codes]}
            )
        return locale

    def get_queryset(self):
        locale = self.get_locale()
        filterset = ActionDirectoryFilterSet(self.request.query_params, locale_id=locale.pk)
        if not filterset.is_valid():
            raise ValidationError(filterset.form.errors)
        return services.directory_actions(
            locale_id=locale.pk, filters=filterset.directory_filters, options=filterset.options
        )
