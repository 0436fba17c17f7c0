"""Pages of the matching room: the volunteer's search, a need, a pledge (thin: services do
the work)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matching import services
from matching.forms import PAGE_SIZE, NearMeForm, PledgeForm
from matching.public import feature_collection, match_rows
from portal import ratelimit


def map_settings() -> dict:
    """Leaflet's tile layer: none unless MAP_TILES_URL is set (no tile fetch by default)."""
    return {
        "tiles_url": getattr(settings, "MAP_TILES_URL", ""),
        "attribution": getattr(settings, "MAP_TILES_ATTRIBUTION", ""),
    }


def near_me(request):
    """Needs near a postcode, a commune, the browser's position or the volunteer's address."""
    form = NearMeForm(
        request.GET or None,
        language_code=get_language(),
        client=ratelimit.client_address(request),
    )
    context = {"form": form, "searched": False, "map": map_settings()}
    point, radius_km, options, page = None, None, {}, 1
    if form.is_bound:
        if not form.is_valid() or form.point is None:
            return TemplateResponse(request, "matching/near_me.html", context, status=400)
        point, radius_km, options = form.point, form.chosen_radius_km, form.search_options()
        page, context["origin_label"] = form.page_number, form.origin_label
    else:
        origin = services.own_search_origin(request.user)
        if origin is not None:
            point, radius_km = origin
            context["origin_label"] = _("votre adresse enregistrée")
    if point is not None:
        matches = services.nearest_open_needs(
            point, radius_km, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, **options
        )
        rows = match_rows(matches, None)
        context.update(
            searched=True,
            matches=matches,
            radius_km=radius_km,
            page=page,
            first_rank=(page - 1) * PAGE_SIZE + 1,
            has_next=len(matches) == PAGE_SIZE and page * PAGE_SIZE < services.MAX_LIMIT,
            geojson=feature_collection(rows),
            next_query=_query_with(request, page=page + 1),
            previous_query=_query_with(request, page=page - 1) if page > 1 else "",
        )
    return TemplateResponse(request, "matching/near_me.html", context)


def _query_with(request, **changes) -> str:
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


def _need_or_404(pk: int):
    need = services.public_needs().filter(pk=pk).first()
    if need is None:
        raise Http404(_("Ce besoin n'existe pas."))
    return need


def need_detail(request, pk: int, *, form=None, status=200):
    need = _need_or_404(pk)
    context = {
        "need": need,
        "challenge": services.localized_challenge(need.challenge, get_language()),
        "volunteer_count": services.volunteer_count(need),
        "can_pledge": need.is_open and need.quantity_remaining > 0,
        "form": form or PledgeForm(remaining=max(1, need.quantity_remaining)),
    }
    return TemplateResponse(request, "matching/need_detail.html", context, status=status)


@login_required
@require_POST
def pledge(request, pk: int):
    """A signed-in volunteer pledges a quantity; errors come back beside the field (400)."""
    need = _need_or_404(pk)
    form = PledgeForm(request.POST, remaining=max(1, need.quantity_remaining))
    if not form.is_valid():
        return need_detail(request, pk, form=form, status=400)
    profile = services.profile_for(request.user, language=get_language())
    try:
        services.pledge(volunteer=profile, need_id=need.pk, quantity=form.cleaned_data["quantity"])
    except services.PledgeError as error:
        form.add_error("quantity", str(error))
        return need_detail(request, pk, form=form, status=400)
    messages.success(
        request,
        _("Merci ! Votre engagement de %(quantity)s %(unit)s est enregistré.")
        % {"quantity": form.cleaned_data["quantity"], "unit": need.unit},
    )
    return redirect(need.get_absolute_url())
