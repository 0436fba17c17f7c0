"""Creating a volunteer account, and the volunteer's profile and email preferences."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from matching.services import profile_for
from portal import account_views, ratelimit
from portal.next_url import local_next, requested_next
from volunteers import services
from volunteers.forms import NotificationsForm, ProfileForm, SignUpForm

SIGNUP_BUCKET = "volunteer-signup"


class SignUpView(View):
    """The same answer for every address ("check your inbox", see ``portal.accounts``); the
    link in the email signs the person in and brings them back to ``next``."""

    template_name = "volunteers/signup.html"

    def get(self, request):
        if request.user.is_authenticated:
            return redirect(requested_next(request) or "volunteers:space")
        form = SignUpForm(language=get_language())
        return self._render(form, next_url=requested_next(request))

    def post(self, request):
        form = SignUpForm(request.POST, language=get_language())
        next_url = local_next(request)
        allowed = ratelimit.allow_form_submission(request, SIGNUP_BUCKET)
        if not allowed:
            return self._render(form, next_url=next_url, status=429, rate_limited=True)
        if not form.is_valid():
            return self._render(form, next_url=next_url, status=400)
        data = form.cleaned_data
        try:
            services.sign_up(
                email=data["email"],
                first_name=data["first_name"],
                password=data["password1"],
                postcode=data["postcode"],
                radius_km=data["radius_km"],
                challenges=list(data["challenges"]),
                language=get_language(),
                contact_consent=data["contact_consent"],
                next_url=next_url,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self._render(form, next_url=next_url, status=400)
        account_views.remember_sign_up(request, data["email"])
        return redirect("account_sent")

    def _render(self, form, *, next_url, status=200, rate_limited=False):
        context = {"form": form, "rate_limited": rate_limited, "next": next_url}
        return render(self.request, self.template_name, context, status=status)


class ProfileView(LoginRequiredMixin, View):
    template_name = "volunteers/profile.html"

    def get(self, request):
        language = get_language()
        profile = profile_for(request.user, language=language)
        initial = {
            "postcode": profile.postcode,
            "radius_km": profile.radius_km,
            "challenges": services.challenges_in_language(profile, language),
            "skills": profile.skills,
            "availability": profile.availability,
            "phone": profile.phone,
            "language": profile.language,
        }
        return self._render(ProfileForm(initial=initial, language=language))

    def post(self, request):
        language = get_language()
        form = ProfileForm(request.POST, language=language)
        if not form.is_valid():
            return self._render(form, status=400)
        data = form.cleaned_data
        try:
            services.update_profile(
                profile=profile_for(request.user, language=language),
                postcode=data["postcode"],
                radius_km=data["radius_km"],
                challenges=list(data["challenges"]),
                skills=data["skills"],
                availability=data["availability"],
                phone=data["phone"],
                language=data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self._render(form, status=400)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("volunteers:profile")

    def _render(self, form, *, status=200):
        return render(self.request, self.template_name, {"form": form}, status=status)


class NotificationsView(LoginRequiredMixin, View):
    template_name = "volunteers/notifications.html"

    def get(self, request):
        profile = profile_for(request.user, language=get_language())
        subscription = services.digest_subscription(request.user)
        partner_emails = services.partner_space_emails(request.user)
        initial = {
            "urgent_alerts": profile.urgent_alerts,
            "weekly_digest": subscription is not None and subscription.unsubscribed_at is None,
        }
        if partner_emails is not None:
            initial.update(partner_emails)
        context = {
            "form": NotificationsForm(initial=initial, partner_space=partner_emails is not None),
            "subscription": subscription,
        }
        return render(request, self.template_name, context)

    def post(self, request):
        partner_space = services.partner_space_emails(request.user) is not None
        form = NotificationsForm(request.POST, partner_space=partner_space)
        if not form.is_valid():  # checkboxes only: only a forged request gets here
            return render(request, self.template_name, {"form": form}, status=400)
        change = services.set_notifications(
            user=request.user,
            profile=profile_for(request.user, language=get_language()),
            urgent_alerts=form.cleaned_data["urgent_alerts"],
            weekly_digest=form.cleaned_data["weekly_digest"],
            language=get_language(),
            partner_preferences=form.partner_preferences(),
        )
        messages.success(request, _("Vos préférences sont enregistrées."))
        if change.digest_confirmation_sent:
            messages.info(
                request,
                _(
                    "Un lien de confirmation de l'abonnement à la lettre vient de vous être "
                    "envoyé par e-mail."
                ),
            )
        return redirect("volunteers:notifications")
