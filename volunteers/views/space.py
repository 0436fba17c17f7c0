"""The volunteer space's home: their pledges, with a way to withdraw the pending ones."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from matching.models import Pledge, PledgeStatus, VolunteerProfile
from matching.services import PledgeError
from volunteers import services


class SpaceView(LoginRequiredMixin, View):
    template_name = "volunteers/space.html"

    def get(self, request):
        context = {
            "pledges": list(services.pledges_of(request.user)),
            "profile": VolunteerProfile.objects.filter(user=request.user).first(),
            "pledged": PledgeStatus.PLEDGED,
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
