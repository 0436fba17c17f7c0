"""Partner space: places and needs (pages)."""

urlpatterns: list = []
