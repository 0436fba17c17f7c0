"""Inside the matching namespace: volunteers' actions on the slots of a need (POST only), a
need's calendar and the Atom feed of open needs."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from matching import calendars
from matching import views_slots as views
from matching.syndication import NeedsAtomFeed

urlpatterns = [
    path(_("creneaux/<int:pk>/prendre/"), views.take_place, name="slot_take"),
    path(_("creneaux/<int:pk>/attente/"), views.join_waitlist, name="slot_wait"),
    path(_("creneaux/places/<int:pk>/annuler/"), views.cancel_booking, name="slot_cancel"),
    path(_("creneaux/attente/<int:pk>/quitter/"), views.leave_waitlist, name="slot_leave"),
    path(_("calendrier/besoin/<str:token>.ics"), calendars.need_calendar, name="need_calendar"),
    path(_("flux/besoins.atom"), NeedsAtomFeed(), name="needs_atom"),
]
