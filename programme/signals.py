"""A deleted impact report leaves the totals it fed (deletions from the admin or a shell);
a confirmed account has the week it chose at sign-up placed; a pledge marked done counts its
need's directory action."""

from django.contrib import messages
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from matching.services import pledge_completed
from portal import accounts
from programme.models import ImpactReport
from programme.services import impact, signup


@receiver(pre_delete, sender=ImpactReport)
def report_deleted(sender, instance, **kwargs):
    impact.forget_report(instance)


@receiver(accounts.account_confirmed)
def place_after_confirmation(sender, user, request, **kwargs):
    for membership in signup.place_pending(user):
        messages.info(request, signup.placement_message(membership))


@receiver(pledge_completed, dispatch_uid="programme_count_the_needs_action")
def count_the_needs_action(sender, pledge, **kwargs):
    """A pledge done on a need that puts a directory action into practice is one more completion
    of that action, in the same transaction (however it was marked done)."""
    impact.count_pledge_for_its_action(pledge)
