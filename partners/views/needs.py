"""Partner space: the partner's needs (list, create, edit, publish/pause/resume/close,
duplicate). Every look-up starts from partners.selectors: another partner's need is a 404."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from matching import services as matching_services
from matching.models import NeedStatus
from partners import need_actions, selectors
from partners.forms.needs import NeedForm
from partners.views.space import PartnerSpaceMixin
from portal.next_url import local_next

PAGE_SIZE = 50


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Statut"),
        required=False,
        choices=[("", gettext_lazy("Tous les statuts")), *NeedStatus.choices],
    )
    page = forms.IntegerField(required=False, min_value=1)


class PartnerNeedMixin(PartnerSpaceMixin):
    def get_need(self, pk: int):
        return get_object_or_404(selectors.needs_of(self.membership), pk=pk)


class NeedListView(PartnerNeedMixin, View):
    def get(self, request):
        form = StatusFilterForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            return self._render(form, selectors.needs_of(self.membership).none(), status=400)
        needs = selectors.needs_of(self.membership).order_by("-updated_at", "-pk")
        chosen = form.cleaned_data.get("status") if form.is_bound else ""
        if chosen:
            needs = needs.filter(status=chosen)
        return self._render(form, needs)

    def _render(self, form, needs, status=200):
        page_number = (
            form.cleaned_data.get("page") if form.is_bound and form.is_valid() else 1
        ) or 1
        page = Paginator(needs, PAGE_SIZE).get_page(page_number)
        challenges = matching_services.localized_challenges_by_id(get_language())
        rows = [
            {
                "need": need,
                "challenge": challenges.get(need.challenge_id),
                "actions": need_actions.allowed_actions(need),
            }
            for need in page.object_list
        ]
        counts = dict(
            selectors.needs_of(self.membership)
            .order_by()
            .values_list("status")
            .annotate(total=Count("pk"))
        )
        chosen = form.cleaned_data.get("status", "") if form.is_bound and form.is_valid() else ""
        context = {
            "partner": self.partner,
            "form": form,
            "rows": rows,
            "page": page,
            "chosen_status": chosen,
            "status_counts": [
                (value, label, counts.get(value, 0)) for value, label in NeedStatus.choices
            ],
            "total": sum(counts.values()),
            "next_url": self.request.get_full_path(),
        }
        return render(self.request, "partners/needs/list.html", context, status=status)


class NeedFormView(PartnerNeedMixin, View):
    """Create (no pk; ``?place=<id>`` preselects one of the partner's places) or edit a need.
    A new need is a draft unless "Publish now" was pressed."""

    def get(self, request, pk=None):
        need = self.get_need(pk) if pk is not None else None
        places = selectors.places_of(self.membership).order_by("name")
        if need is None and not places.exists():
            messages.info(
                request, _("Ajoutez d'abord un lieu : chaque besoin est rattaché à un lieu.")
            )
            return redirect("partners:place_create")
        initial = {}
        if need is None and request.GET.get("place", "").isdigit():
            initial["place"] = get_object_or_404(places, pk=request.GET["place"]).pk
        form = NeedForm(instance=need, initial=initial, places=places, language_code=get_language())
        return self._render(form, need)

    def post(self, request, pk=None):
        need = self.get_need(pk) if pk is not None else None
        places = selectors.places_of(self.membership).order_by("name")
        form = NeedForm(request.POST, instance=need, places=places, language_code=get_language())
        if not form.is_valid():
            return self._render(form, need, status=400)
        try:
            with transaction.atomic():
                saved = form.save(commit=False)
                if saved.pk is None:
                    saved.created_by = request.user
                saved.save()
        except IntegrityError:
            # A pledge arrived between the check and the save: the quantity is now too low.
            form.add_error(
                "quantity_wanted",
                _("Des engagements viennent d'arriver : la quantité souhaitée est trop basse."),
            )
            return self._render(form, need, status=400)
        if "publish" in request.POST and saved.status == NeedStatus.DRAFT:
            saved = need_actions.change_status(need=saved, action="publish")
            messages.success(request, published_message(saved))
        else:
            messages.success(request, _("Besoin enregistré."))
        if need is None and saved.status == NeedStatus.DRAFT:
            messages.info(
                request,
                _("Ce besoin est un brouillon : publiez-le quand il est prêt."),
            )
        return redirect("partners:need_edit", pk=saved.pk)

    def _render(self, form, need, status=200):
        context = {
            "partner": self.partner,
            "form": form,
            "need": need,
            "actions": need_actions.allowed_actions(need) if need else [],
            "can_publish": need is None or need.status == NeedStatus.DRAFT,
        }
        return render(self.request, "partners/needs/form.html", context, status=status)


def published_message(need) -> str:
    if need.status == NeedStatus.REVIEW:
        return _(
            "Besoin envoyé en relecture : il sera visible des volontaires dès que l'équipe de "
            "ré_action l'aura validé."
        )
    return _("Besoin publié : il est ouvert aux volontaires.")


class NeedActionView(PartnerNeedMixin, View):
    """POST action=publish|pause|resume|close."""

    def get(self, request, pk):
        self.get_need(pk)
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, pk):
        need = self.get_need(pk)
        action = request.POST.get("action", "")
        try:
            need = need_actions.change_status(need=need, action=action)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect_back(request)
        if action == "resume" and need.status == NeedStatus.OPEN:
            messages.success(request, _("Besoin repris : il accepte de nouveau des engagements."))
        elif action in ("publish", "resume"):
            messages.success(request, published_message(need))
        elif action == "pause":
            messages.success(request, _("Besoin mis en pause : il n'accepte plus d'engagement."))
        else:
            messages.success(request, _("Besoin fermé."))
        return redirect_back(request)


class NeedDuplicateView(PartnerNeedMixin, View):
    """POST: a new draft copied from the need (dates a week later), then its edit form."""

    def get(self, request, pk):
        self.get_need(pk)
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, pk):
        need = self.get_need(pk)
        copy = need_actions.duplicate(need=need, created_by=request.user)
        messages.success(
            request, _("Besoin dupliqué : vérifiez-le, puis publiez-le quand il est prêt.")
        )
        return redirect("partners:need_edit", pk=copy.pk)


def redirect_back(request):
    """Back to the page the action came from (the list with its filter, or the need's form)."""
    return redirect(local_next(request) or "partners:needs")
