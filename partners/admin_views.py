"""Admin: an editor reads one partner application and approves or refuses it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from challenges.models import PartnerKind
from partners import applications
from partners.models import ApplicationStatus, PartnerApplication

DECIDE_PERMISSION = "partners.change_partnerapplication"


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Type de partenaire (page créée)"),
        choices=PartnerKind.choices,
        initial=PartnerKind.EXPERT,
    )
    reason = forms.CharField(
        label=gettext_lazy("Message ajouté à la réponse en cas de refus (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApplicationDecisionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "partners/admin/application_decision.html"
    header_icon = "group"

    def dispatch(self, request, pk):
        if not request.user.has_perm(DECIDE_PERMISSION):
            raise PermissionDenied
        self.application = get_object_or_404(
            PartnerApplication.objects.prefetch_related("challenges"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Candidature partenaire")

    def get_page_subtitle(self):
        return self.application.organisation_name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.application
        context["form"] = kwargs.get("form") or DecisionForm()
        context["pending"] = self.application.status == ApplicationStatus.PENDING
        return context

    def post(self, request, pk):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            if "approve" in request.POST:
                page = applications.approve(
                    application=self.application,
                    editor=request.user,
                    kind=form.cleaned_data["kind"],
                )
                messages.success(
                    request,
                    _(
                        "Candidature acceptée : la page « %(title)s » est publiée et "
                        "l'invitation envoyée à %(email)s."
                    )
                    % {"title": page.title, "email": self.application.email},
                )
            elif "refuse" in request.POST:
                applications.refuse(
                    application=self.application,
                    editor=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Candidature refusée : la réponse est envoyée."))
            else:
                return self.render_to_response(self.get_context_data(form=form), status=400)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return redirect("partner_application_decide", pk=self.application.pk)
