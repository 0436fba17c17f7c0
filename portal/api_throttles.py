"""Rate limits of the JSON API (per client address when anonymous, per account when signed
in), read from the settings on each request; over the limit DRF answers 429 with a message
saying when to try again. They count on the cache: Redis in production, local memory in the
embedded default."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousApiThrottle(AnonRateThrottle):
    def get_rate(self):
        return settings.API_RATE_ANONYMOUS


class AccountApiThrottle(UserRateThrottle):
    def get_rate(self):
        return settings.API_RATE_ACCOUNT
