"""Reactions to saves made anywhere (admin, services, shell): geocoding queued after commit,
a new pledge confirmed to its volunteer by email,
need counters recounted when a pledge disappears, a departing volunteer's pending pledges
released (their completed ones stay, anonymous, in the figures)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from matching import services, tasks
from matching.models import GeocodingStatus, Need, Place, Pledge, PledgeStatus, VolunteerProfile
from matching.services import nearest_cache
from portal import outbox


@receiver(post_save, sender=Place, dispatch_uid="matching_geocode_place")
def queue_place_geocoding(sender, instance: Place, **kwargs):
    if instance.geocoding_status == GeocodingStatus.PENDING:
        place_id = instance.pk
        transaction.on_commit(lambda: outbox.dispatch(tasks.geocode_place, place_id))


@receiver(post_save, sender=VolunteerProfile, dispatch_uid="matching_geocode_profile")
def queue_profile_geocoding(sender, instance: VolunteerProfile, **kwargs):
    if instance.postcode and instance.geocoding_status == GeocodingStatus.PENDING:
        profile_id = instance.pk
        transaction.on_commit(lambda: outbox.dispatch(tasks.geocode_profile, profile_id))


@receiver(post_save, sender=Pledge, dispatch_uid="matching_confirm_new_pledge")
def confirm_new_pledge(sender, instance: Pledge, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        pledge_id = instance.pk
        transaction.on_commit(lambda: outbox.dispatch(tasks.send_pledge_confirmation, pledge_id))


@receiver(post_delete, sender=Pledge, dispatch_uid="matching_recount_after_pledge_delete")
def recount_after_pledge_delete(sender, instance: Pledge, **kwargs):
    services.recount_need(instance.need_id)


@receiver(pre_delete, sender=VolunteerProfile, dispatch_uid="matching_release_pledges")
def release_pending_pledges(sender, instance: VolunteerProfile, **kwargs):
    pending = instance.pledges.filter(status=PledgeStatus.PLEDGED).values_list("pk", flat=True)
    for pledge_id in list(pending):
        services.cancel_pledge(pledge_id=pledge_id)


@receiver(post_save, sender=Need, dispatch_uid="matching_nearest_cache_need_saved")
@receiver(post_delete, sender=Need, dispatch_uid="matching_nearest_cache_need_deleted")
@receiver(post_save, sender=Place, dispatch_uid="matching_nearest_cache_place_saved")
def drop_cached_rankings(sender, **kwargs):
    nearest_cache.invalidate()
