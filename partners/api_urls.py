"""Partner API under /api/v1/partner/: a partner's own places, needs and pledges."""

urlpatterns: list = []
