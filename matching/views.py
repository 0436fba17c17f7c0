"""Pages of the matching room: the volunteer's search, a need, a pledge and its confirmation,
a need's report (thin: services do the work)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from actions import services as action_services
from matching import cards, services
from matching.forms import PAGE_SIZE, NearMeForm, NeedReportForm, PledgeForm
from matching.models import NeedStatus, VolunteerProfile
from matching.public import feature_collection, match_rows
from matching.services import moderation, slots
from matching.services import pledge_follow_up as follow_up
from matching.services.maps import map_settings
from portal import fragments, page_cache, ratelimit
from portal.compiled_query import CompiledQuery

PLEDGE_WINDOW_S = 3600  # settings.PLEDGES_PER_HOUR per account
REPORT_LIMIT, REPORT_WINDOW_S = 10, 3600
DIRECTORY_ACTIONS_SHOWN = 3
SEARCH_PARAMETERS = ("q", "lat", "lon", "page")


def near_me(request):
    """Needs near a postcode, a commune, the browser's position or the volunteer's address.
    A query string without a place (a challenge page's link) only preselects the filters."""
    searches = any(name in request.GET for name in SEARCH_PARAMETERS)
    form = NearMeForm(
        request.GET if searches else None,
        initial=None if searches else request.GET.dict(),
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
        # The visitor's own input, shown back to them only ("you are here"); a saved address
        # (below) is never put in a page.
        context["here"] = {"lat": point.latitude, "lon": point.longitude}
    else:
        options = form.preselected_options()
        origin = services.own_search_origin(request.user)
        if origin is not None:
            point, radius_km = origin
            context["origin_label"] = _("votre adresse enregistrée")
    context["directory_actions"] = _directory_actions(request, options.get("challenge"))
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
            cards=cards.need_cards(matches, first_rank=(page - 1) * PAGE_SIZE + 1),
            has_next=len(matches) == PAGE_SIZE and page * PAGE_SIZE < services.MAX_LIMIT,
            geojson=feature_collection(rows),
            next_query=_query_with(request, page=page + 1),
            previous_query=_query_with(request, page=page - 1) if page > 1 else "",
        )
    return TemplateResponse(request, "matching/near_me.html", context)


def _directory_actions(request, challenge) -> str:
    """A few actions of the directory beside the needs: the searched challenge's most done,
    else this week's new ones. Rendered once per challenge, language and publication and kept
    DIRECTORY_CACHE_SECONDS (their completion counts at most that old, as in the directory)."""
    key = ":".join(
        [
            "near-me-actions",
            str(page_cache.version()),
            get_language(),
            request.get_host(),
            str(challenge.pk if challenge is not None else 0),
        ]
    )
    return fragments.fragment(
        key, lambda: _render_directory_actions(request, challenge), ttl=cards.ttl_seconds()
    )


def _render_directory_actions(request, challenge) -> str:
    actions, for_challenge = [], False
    if challenge is not None:
        actions = list(
            action_services.actions_for_challenge(challenge, limit=DIRECTORY_ACTIONS_SHOWN)
        )
        for_challenge = bool(actions)
    if not actions:
        locale = Locale.get_active()
        actions = action_services.new_this_week(locale_id=locale.pk, limit=DIRECTORY_ACTIONS_SHOWN)
    context = {
        "directory_actions": list(actions),
        "actions_challenge": challenge if for_challenge else None,
    }
    return render_to_string("matching/includes/directory_actions.html", context, request)


def _query_with(request, **changes) -> str:
    """The search's query string with ``changes``: what ``request.GET.copy()`` with them set
    would write (``urlencode``), without deep-copying the query."""
    pairs = []
    for key, values in request.GET.lists():
        if key in changes:
            values = [changes.pop(key)]
        pairs.extend((key, value) for value in values)
    pairs.extend(changes.items())
    return urlencode(pairs)


def _need_or_404(pk: int):
    need = services.public_need(pk)
    if need is None:
        raise Http404(_("Ce besoin n'existe pas."))
    return need


_PROFILE_TO_PLEDGE = CompiledQuery(VolunteerProfile.objects.only("user_id", "phone"), "user_id")


def _own_profile(user) -> VolunteerProfile | None:
    """What the pledge form and the pledge read of the user's profile (their phone)."""
    if not user.is_authenticated:
        return None
    profile = _PROFILE_TO_PLEDGE.first(user.pk)
    if profile is not None:
        profile.user = user  # already read (its email, for the contact check): not twice
    return profile


def _pledge_form(user, need, data=None, *, figures=None, remaining=None, profile=...) -> PledgeForm:
    """``remaining``: what is left to promise, else read from ``figures`` (or the need's
    pledges); ``profile``: the user's own when already read (None: they have none)."""
    profile = _own_profile(user) if profile is ... else profile
    if remaining is None:
        remaining = (figures or services.need_figures(need)).remaining
    return PledgeForm(
        data,
        remaining=max(1, remaining),
        has_phone=bool(profile and profile.phone),
        has_email=bool(getattr(user, "email", "")),
    )


def need_detail(request, pk: int, *, form=None, report_form=None, status=200):
    """A public need: what is asked, how far along it is; pledge and report forms (built only
    for whom the page shows them: a visitor reads links to sign in, a closed need no form)."""
    need = _need_or_404(pk)  # with its figures' sums and when its last slot ends
    figures = services.need_figures(need)
    point = need.place.public_point()
    can_pledge = need.is_open and figures.remaining > 0
    signed_in = request.user.is_authenticated
    if form is None and can_pledge and signed_in:
        form = _pledge_form(request.user, need, figures=figures)
    if report_form is None and signed_in:
        report_form = NeedReportForm()
    context = {
        "need": need,
        "figures": figures,
        "address": follow_up.public_address(need.place),
        "challenge": services.challenge_link(need.challenge_id, get_language(), request),
        "can_pledge": can_pledge,
        "is_paused": need.status == NeedStatus.PAUSED,
        "has_upcoming_slots": slots.may_have_upcoming_slots(need),
        "form": form,
        "report_form": report_form,
        "map": map_settings(),
        "map_point": {"lat": point[0], "lon": point[1]} if point else None,
    }
    return TemplateResponse(request, "matching/need_detail.html", context, status=status)


@login_required
@require_POST
def pledge(request, pk: int):
    """A signed-in volunteer pledges a quantity and chooses what the partner may know of them;
    errors come back beside the fields (400), too many pledges in an hour answer 429."""
    need = services.need_to_pledge(pk)  # what the form reads of it, not the page's columns
    if need is None:
        raise Http404(_("Ce besoin n'existe pas."))
    own_profile = _own_profile(request.user)
    form = _pledge_form(
        request.user,
        need,
        request.POST,
        remaining=need.quantity_remaining,  # the need's counter, which the pledge checks
        profile=own_profile,
    )
    if not ratelimit.allow(
        "pledge", str(request.user.pk), limit=settings.PLEDGES_PER_HOUR, window_s=PLEDGE_WINDOW_S
    ):
        form.is_valid()  # keep what was typed on the page
        messages.error(
            request,
            _("Trop d'engagements en peu de temps : réessayez dans une heure."),
        )
        return need_detail(request, pk, form=form, status=429)
    if not form.is_valid():
        return need_detail(request, pk, form=form, status=400)
    profile = own_profile or services.profile_for(request.user, language=get_language())
    try:
        made = services.pledge(
            volunteer=profile,
            need_id=need.pk,
            quantity=form.cleaned_data["quantity"],
            contact_channel=form.cleaned_data["contact_channel"],
            phone=form.cleaned_data.get("phone", ""),
        )
    except services.PledgeError as error:
        form.add_error("quantity", str(error))
        return need_detail(request, pk, form=form, status=400)
    messages.success(
        request,
        _("Merci ! Votre engagement de %(quantity)s %(unit)s est enregistré.")
        % {
            "quantity": form.cleaned_data["quantity"],
            "unit": need.unit_for(form.cleaned_data["quantity"]),
        },
    )
    return redirect("matching:pledge_confirmation", pk=made.pk)


@login_required
def pledge_confirmation(request, pk: int):
    """What the volunteer promised, where and when, whom to ask, how to withdraw: for the
    pledge's own volunteer only (404 for anyone else, never a hint that it exists)."""
    pledge_row = follow_up.own_pledge(request.user, pk)
    if pledge_row is None:
        raise Http404(_("Cet engagement n'existe pas."))
    context = {"follow": follow_up.follow_up(pledge_row)}
    return TemplateResponse(request, "matching/pledge_confirmation.html", context)


@login_required
@require_POST
def report_need(request, pk: int):
    """A signed-in visitor flags a need as wrong or abusive: the editors' queue gets it once."""
    need = _need_or_404(pk)
    form = NeedReportForm(request.POST)
    if not ratelimit.allow(
        "need-report", str(request.user.pk), limit=REPORT_LIMIT, window_s=REPORT_WINDOW_S
    ):
        form.is_valid()
        messages.error(request, _("Trop de signalements en peu de temps : réessayez plus tard."))
        return need_detail(request, pk, report_form=form, status=429)
    if not form.is_valid():
        return need_detail(request, pk, report_form=form, status=400)
    outcome = moderation.report_need(
        need=need,
        reporter=request.user,
        reason=form.cleaned_data["reason"],
        message=form.cleaned_data["message"],
    )
    if outcome.created:
        messages.success(
            request, _("Merci pour votre signalement : l'équipe va vérifier ce besoin.")
        )
    else:
        messages.info(
            request,
            _("Vous avez déjà signalé ce besoin : l'équipe va le vérifier."),
        )
    return redirect(need.get_absolute_url())
