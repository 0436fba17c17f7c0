"""Partner space: accepting an invitation, the partner's home and its team."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from matching.models import NeedStatus
from partners import selectors, services
from partners.forms.accounts import InvitedAccountForm, InviteMemberForm
from partners.models import PartnerRole


class AcceptInvitationView(View):
    template_name = "partners/accept_invitation.html"

    def dispatch(self, request, token, *args, **kwargs):
        self.token = token
        self.invitation = services.find_usable_invitation(token)
        if self.invitation is None:
            return render(request, "partners/invitation_unusable.html", status=410)
        self.partner = services.partner_for_language(self.invitation.partner, get_language())
        return super().dispatch(request, token, *args, **kwargs)

    def get(self, request, token):
        return self._render(InvitedAccountForm(email=self.invitation.email))

    def post(self, request, token):
        try:
            if request.user.is_authenticated:
                services.accept(token=token, user=request.user)
            else:
                form = InvitedAccountForm(request.POST, email=self.invitation.email)
                if not form.is_valid():
                    return self._render(form, status=400)
                user = services.create_account_and_accept(
                    token=token,
                    first_name=form.cleaned_data["first_name"],
                    password=form.cleaned_data["password1"],
                )
                login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        except ValidationError as error:
            return self._render(
                InvitedAccountForm(email=self.invitation.email), error=error.messages[0], status=400
            )
        messages.success(
            request,
            _("Bienvenue dans l'espace partenaire de %(partner)s.")
            % {"partner": self.partner.title},
        )
        return redirect("partners:home")

    def _render(self, form, *, error=None, status=200):
        context = {
            "form": form,
            "invitation": self.invitation,
            "partner": self.partner,
            "error": error,
        }
        return render(self.request, self.template_name, context, status=status)


class PartnerSpaceMixin(LoginRequiredMixin):
    """Signed-in members of a partner only; everyone else gets a 403 page."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.membership = services.membership_of(request.user)
        if self.membership is None:
            return render(request, "partners/not_a_partner.html", status=403)
        self.partner = services.partner_for_language(self.membership.partner, get_language())
        return super().dispatch(request, *args, **kwargs)

    @property
    def is_owner(self) -> bool:
        return self.membership.role == PartnerRole.OWNER


class PartnerHomeView(PartnerSpaceMixin, View):
    template_name = "partners/home.html"

    def get(self, request):
        return self._render(InviteMemberForm())

    def post(self, request):
        if not self.is_owner:
            return render(request, "partners/not_a_partner.html", status=403)
        form = InviteMemberForm(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        services.invite(
            partner=self.membership.partner,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
            language=get_language(),
        )
        messages.success(
            request, _("Invitation envoyée à %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("partners:home")

    def _render(self, form, status=200):
        members = self.membership.partner.members.select_related("user").order_by(
            "role", "user__first_name"
        )
        context = {
            "partner": self.partner,
            "membership": self.membership,
            "members": members,
            "invite_form": form if self.is_owner else None,
            "place_count": selectors.places_of(self.membership).count(),
            "open_need_count": selectors.needs_of(self.membership)
            .filter(status=NeedStatus.OPEN)
            .count(),
        }
        return render(self.request, self.template_name, context, status=status)
