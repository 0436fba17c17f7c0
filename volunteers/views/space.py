"""The volunteer space, the one place of a volunteer's account: their pledges (with a way to
withdraw the pending ones), their programme weeks and cohort, their impact reports, and the
links to their profile, notifications and data."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from matching.models import Pledge, PledgeStatus, VolunteerProfile
from matching.services import PledgeError
from programme.services import space as programme_space
from volunteers import services

PLEDGES_PER_PAGE = 10


class SpaceView(LoginRequiredMixin, View):
    template_name = "volunteers/space.html"

    def get(self, request):
        language = get_language()
        # A page of pledges, latest first: a volunteer who pledges every week for a year still
        # gets a light page (a page number out of range shows the last page, a wrong one the first).
        pledges = Paginator(services.pledges_of(request.user), PLEDGES_PER_PAGE)
        context = {
            "pledges": pledges.get_page(request.GET.get("page")),
            "profile": VolunteerProfile.objects.filter(user=request.user).first(),
            "pledged": PledgeStatus.PLEDGED,
            "memberships": programme_space.weeks_of(request.user, language),
            "reports": programme_space.reports_of(request.user, language),
            "is_coordinator": programme_space.is_coordinator(request.user),
            "today": timezone.localdate(),
        }
        return render(request, self.template_name, context)


class CancelPledgeView(LoginRequiredMixin, View):
    def post(self, request, pk: int):
        try:
            services.cancel_own_pledge(user=request.user, pledge_id=pk)
        except Pledge.DoesNotExist as error:
            raise Http404 from error
        except (services.AccountError, PledgeError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Votre engagement est annulé. Merci de l'avoir signalé."))
        return redirect("volunteers:space")
