"""Partner space: places and needs (pages), under the espace-partenaire/ prefix."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partners import views_needs, views_places

urlpatterns = [
    path(_("lieux/"), views_places.PlaceListView.as_view(), name="places"),
    path(_("lieux/nouveau/"), views_places.PlaceFormView.as_view(), name="place_create"),
    path(_("lieux/<int:pk>/"), views_places.PlaceFormView.as_view(), name="place_edit"),
    path(_("besoins/"), views_needs.NeedListView.as_view(), name="needs"),
    path(_("besoins/nouveau/"), views_needs.NeedFormView.as_view(), name="need_create"),
    path(_("besoins/<int:pk>/"), views_needs.NeedFormView.as_view(), name="need_edit"),
    path(_("besoins/<int:pk>/statut/"), views_needs.NeedActionView.as_view(), name="need_action"),
    path(
        _("besoins/<int:pk>/dupliquer/"),
        views_needs.NeedDuplicateView.as_view(),
        name="need_duplicate",
    ),
]
