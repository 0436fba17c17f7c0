"""Partner space: pledges and CSV exports (pages)."""

urlpatterns: list = []
