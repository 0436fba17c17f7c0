"""Admin: editors manage cohorts, coordinators, enrolments, impact reports and the send log,
and follow the programme's growth. Changes that move people go through the services."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from programme.admin_forms import MembershipAdminForm
from programme.admin_views import GrowthView
from programme.models import (
    Cohort,
    Coordinator,
    DailyEmail,
    ImpactReport,
    Membership,
    MembershipStatus,
)
from programme.services import impact, placement


class ServiceManagedPolicy(ModelPermissionPolicy):
    """Rows created only by the services (sign-up, schedule, reports): no "add" in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The send log: looked at, never edited by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and user.has_perm(self._get_permission_name("view"))


for model in (Membership, ImpactReport):
    register_permission_policy(model, ServiceManagedPolicy(model))
register_permission_policy(DailyEmail, ReadOnlyPolicy(DailyEmail))


class CohortCreateView(CreateView):
    def save_instance(self):
        cohort = super().save_instance()
        placement.after_cohort_saved(cohort)
        return cohort


class CohortEditView(EditView):
    def save_instance(self):
        cohort = super().save_instance()
        placement.after_cohort_saved(cohort)
        return cohort


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Promotions")
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    list_display = ["__str__", "coordinator", "start_date", "status"]
    list_filter = ["status", "language", "area", "start_date", "challenge"]
    search_fields = ["coordinator__user__email", "coordinator__user__first_name", "area"]
    ordering = ["-start_date", "pk"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Cohort.objects.select_related("challenge", "coordinator__user")


class CoordinatorCreateView(CreateView):
    def save_instance(self):
        coordinator = super().save_instance()
        placement.open_cohorts_for_coordinator(coordinator)
        return coordinator


class CoordinatorEditView(EditView):
    def save_instance(self):
        coordinator = super().save_instance()
        placement.open_cohorts_for_coordinator(coordinator)
        return coordinator


class CoordinatorViewSet(SnippetViewSet):
    model = Coordinator
    icon = "user"
    menu_label = _("Coordinateur·rices")
    add_view_class = CoordinatorCreateView
    edit_view_class = CoordinatorEditView
    list_display = ["__str__", "language", "area", "created_at"]
    list_filter = ["language", "area", "trainings__challenge"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Coordinator.objects.select_related("user")


class MembershipEditView(EditView):
    def save_instance(self):
        membership = Membership.objects.get(pk=self.object.pk)
        if self.form.cleaned_data["status"] == MembershipStatus.CANCELLED:
            placement.cancel_membership(membership)
        return Membership.objects.get(pk=membership.pk)


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "list-ul"
    menu_label = _("Inscriptions")
    edit_view_class = MembershipEditView
    edit_handler = ObjectList([FieldPanel("status")], base_form_class=MembershipAdminForm)
    list_display = [
        "user",
        "challenge",
        "start_date",
        "area",
        "status",
        "waiting_position",
        "cohort",
    ]
    list_filter = ["status", "language", "area", "start_date", "challenge"]
    search_fields = ["user__email", "user__first_name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "challenge", "cohort__challenge")


class ImpactReportEditView(EditView):
    def save_instance(self):
        return impact.set_report_status(self.object, self.form.cleaned_data["status"])


class ImpactReportViewSet(SnippetViewSet):
    model = ImpactReport
    icon = "doc-full"
    menu_label = _("Actions déclarées")
    edit_view_class = ImpactReportEditView
    list_display = ["challenge", "unit", "quantity", "user", "created_at", "status"]
    list_filter = ["status", "unit", "challenge", "created_at"]
    search_fields = ["unit", "note", "user__email"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return ImpactReport.objects.select_related("challenge", "user")


class DailyEmailViewSet(SnippetViewSet):
    model = DailyEmail
    icon = "mail"
    menu_label = _("Mails du programme")
    list_display = ["membership", "day", "claimed_at", "sent_at", "opened_at"]
    list_filter = ["day", "sent_at", "opened_at", "claimed_at"]
    search_fields = ["membership__user__email"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return DailyEmail.objects.select_related("membership__user")


class ProgrammeGroup(SnippetViewSetGroup):
    items = (
        CohortViewSet,
        CoordinatorViewSet,
        MembershipViewSet,
        ImpactReportViewSet,
        DailyEmailViewSet,
    )
    menu_icon = "group"
    menu_label = _("Promotions")
    menu_name = "programme"


register_snippet(ProgrammeGroup)


@hooks.register("register_admin_urls")
def register_growth_url():
    return [path("programme/croissance/", GrowthView.as_view(), name="programme_growth")]


class GrowthMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("programme.view_cohort")


@hooks.register("register_admin_menu_item")
def register_growth_menu_item():
    return GrowthMenuItem(
        _("Croissance du programme"),
        reverse("programme_growth"),
        icon_name="crosshairs",
        name="programme-growth",
        order=310,
    )
