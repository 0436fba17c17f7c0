"""Admin: editors invite partner staff and see who belongs to which partner."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from partners import services
from partners.models import PartnerInvitation, PartnerMember


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


class PartnerAccountsGroup(SnippetViewSetGroup):
    items = (PartnerInvitationViewSet, PartnerMemberViewSet)
    menu_icon = "group"
    menu_label = _("Comptes partenaires")
    menu_name = "partner-accounts"


register_snippet(PartnerAccountsGroup)
