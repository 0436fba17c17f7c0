"""Partner API under /api/v1/partner/: a partner's own places, needs and pledges."""

from rest_framework.routers import SimpleRouter

from partners import api, api_slots

router = SimpleRouter()
router.register("places", api.PlaceViewSet, basename="partner-api-place")
router.register("needs", api.NeedViewSet, basename="partner-api-need")
router.register("pledges", api.PledgeViewSet, basename="partner-api-pledge")
router.register("slots", api_slots.SlotViewSet, basename="partner-api-slot")
router.register("slot-bookings", api_slots.SlotBookingViewSet, basename="partner-api-slot-booking")

urlpatterns = router.urls
