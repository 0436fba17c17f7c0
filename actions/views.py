"""The weekly digest's pages: subscribe, confirm by the emailed link, unsubscribe."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from actions import digest
from actions.forms import DigestSubscriptionForm
from portal import ratelimit


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        form = DigestSubscriptionForm(initial={"language": get_language()})
        return render(request, "actions/digest/subscribe.html", {"form": form})
    form = DigestSubscriptionForm(request.POST)
    if not form.is_valid():
        return render(request, "actions/digest/subscribe.html", {"form": form}, status=400)
    allowed = ratelimit.allow_form_submission(request, "digest-subscribe")
    if not allowed:
        context = {"form": form, "rate_limited": True}
        return render(request, "actions/digest/subscribe.html", context, status=429)
    digest.subscribe(email=form.cleaned_data["email"], language=form.cleaned_data["language"])
    return redirect("actions:digest_check_inbox")


def check_inbox(request):
    return render(request, "actions/digest/check_inbox.html")


def confirm(request, token):
    subscription = digest.confirm(token)
    if subscription is None:
        return render(request, "actions/digest/link_unusable.html", status=404)
    return render(request, "actions/digest/confirmed.html", {"subscription": subscription})


@csrf_exempt  # the token is the credential; mail clients unsubscribe in one click (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription = digest.find_by_token(token)
    if subscription is None:
        return render(request, "actions/digest/link_unusable.html", status=404)
    if request.method == "POST":
        digest.unsubscribe(token)
        return render(request, "actions/digest/unsubscribed.html")
    return render(request, "actions/digest/unsubscribe.html", {"subscription": subscription})
