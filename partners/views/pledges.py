"""Partner space: the pledges of the partner's needs, marking them done, CSV exports.

Every lookup starts from partners.selectors, so another partner's need or pledge is a 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from matching import services as matching
from partners import exports, pledge_contact, selectors
from partners.forms.pledges import PledgeFilterForm
from partners.views.space import PartnerSpaceMixin
from portal.next_url import local_next

PER_PAGE = 50


def _page(request, pledges):
    """One page of pledges, each carrying what the partner may see of its volunteer."""
    page = Paginator(pledges.order_by("-created_at", "-id"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = [_with_shared_contact(pledge) for pledge in page.object_list]
    return page


def _with_shared_contact(pledge):
    pledge.volunteer_first_name = pledge_contact.volunteer_first_name(pledge)
    pledge.shared_email = pledge_contact.shared_email(pledge)
    pledge.shared_phone = pledge_contact.shared_phone(pledge)
    pledge.shared_contact = pledge_contact.shared_contact(pledge)
    return pledge


class NeedPledgesView(PartnerSpaceMixin, View):
    """The pledges made to one of the partner's needs."""

    template_name = "partners/pledges/need_pledges.html"

    def get(self, request, pk):
        need = get_object_or_404(selectors.needs_of(self.membership), pk=pk)
        return render_need_pledges(request, self.partner, self.membership, need)


def render_need_pledges(request, partner, membership, need, *, error=None, status=200):
    pledges = selectors.pledges_of(membership).filter(need=need)
    context = {"partner": partner, "need": need, "page": _page(request, pledges), "error": error}
    return render(request, NeedPledgesView.template_name, context, status=status)


class PledgeDoneView(PartnerSpaceMixin, View):
    """POST only: the partner confirms that a pledge was done."""

    def post(self, request, pk):
        pledge = get_object_or_404(selectors.pledges_of(self.membership), pk=pk)
        try:
            matching.complete_pledge(pledge_id=pledge.pk)
        except matching.PledgeError as error:
            return render_need_pledges(
                request, self.partner, self.membership, pledge.need, error=str(error), status=400
            )
        messages.success(request, _("Engagement marqué comme réalisé. Merci !"))
        target = local_next(request)
        if target:
            return redirect(target)
        return redirect("partners:need_pledges", pk=pledge.need_id)


class PledgeListView(PartnerSpaceMixin, View):
    """All the partner's pledges, filtered by status and need, paginated."""

    template_name = "partners/pledges/list.html"

    def get(self, request):
        pledges = selectors.pledges_of(self.membership)
        form = PledgeFilterForm(request.GET or None, needs=selectors.needs_of(self.membership))
        status = 200
        if form.is_bound:
            if form.is_valid():
                pledges = form.filter(pledges)
            else:
                status = 400
        context = {
            "partner": self.partner,
            "form": form,
            "page": _page(request, pledges),
        }
        return render(request, self.template_name, context, status=status)


class ExportNeedsView(PartnerSpaceMixin, View):
    def get(self, request):
        return exports.needs_csv_response(selectors.needs_of(self.membership))


class ExportPledgesView(PartnerSpaceMixin, View):
    def get(self, request):
        return exports.pledges_csv_response(selectors.pledges_of(self.membership))
