"""Admin: editors decide on partner applications, invite partner staff and see who belongs to
which partner; partner staff see their colleagues' drafts of actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from partners import notification_preferences, personal_data, services
from partners.admin_views import ApplicationDecisionView
from partners.models import PartnerApplication, PartnerInvitation, PartnerMember


class InvitationCreateView(CreateView):
    def save_instance(self):
        invitation, _token = services.invite(
            partner=self.form.cleaned_data["partner"],
            email=self.form.cleaned_data["email"],
            role=self.form.cleaned_data["role"],
            invited_by=self.request.user,
            language=self.form.cleaned_data["language"],
        )
        return invitation


class PartnerInvitationViewSet(SnippetViewSet):
    model = PartnerInvitation
    icon = "mail"
    menu_label = _("Invitations")
    add_view_class = InvitationCreateView
    list_display = ["email", "partner", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "revoked"]
    search_fields = ["email"]
    panels = [
        FieldPanel("partner"),
        FieldPanel("email"),
        FieldPanel("role"),
        FieldPanel("language"),
        FieldPanel("revoked"),
    ]


class PartnerMemberViewSet(SnippetViewSet):
    model = PartnerMember
    icon = "group"
    menu_label = _("Membres")
    list_display = ["user", "partner", "role", "joined_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__first_name"]
    panels = [FieldPanel("user"), FieldPanel("partner"), FieldPanel("role")]


def decision_url(application) -> str:
    return reverse("partner_application_decide", args=[application.pk])


class PartnerApplicationViewSet(SnippetViewSet):
    """Applications arrive from the public form; each row opens the decision page."""

    model = PartnerApplication
    icon = "form"
    menu_label = _("Candidatures")
    list_display = [
        TitleColumn("organisation_name", label=_("Organisation"), get_url=decision_url),
        "organisation_kind",
        "town",
        "status",
        "created_at",
    ]
    list_filter = ["status", "organisation_kind"]
    search_fields = ["organisation_name", "town", "email"]
    # Editors may correct an application, or record one received by phone or email.
    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("organisation_kind"),
        FieldPanel("challenges"),
        FieldPanel("postcode"),
        FieldPanel("town"),
        FieldPanel("website"),
        FieldPanel("contact_name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("message"),
    ]


@hooks.register("partner_colleague_ids")
def partner_colleague_ids(user):
    """The users of ``user``'s partner organisations (see ``actions.permissions``)."""
    return PartnerMember.objects.filter(partner__members__user=user).values("user_id")


@hooks.register("register_personal_data")
def register_personal_data():
    return personal_data.COLLECTOR


hooks.register("partner_space_emails", notification_preferences.current)
hooks.register("save_partner_space_emails", notification_preferences.save)


@hooks.register("register_admin_urls")
def register_application_decision_url():
    return [
        path(
            "partner-applications/<int:pk>/decision/",
            ApplicationDecisionView.as_view(),
            name="partner_application_decide",
        )
    ]


class PartnerAccountsGroup(SnippetViewSetGroup):
    items = (PartnerApplicationViewSet, PartnerInvitationViewSet, PartnerMemberViewSet)
    menu_icon = "group"
    menu_label = _("Comptes partenaires")
    menu_name = "partner-accounts"


register_snippet(PartnerAccountsGroup)
