"""Background jobs of the home room (thin: they call services)."""

from wagtail.models import Site

from celery import shared_task

from home import services


@shared_task(ignore_result=True)
def refresh_impact_counters() -> None:
    """Recompute the impact counters of every site so page views only read the cache."""
    for site in Site.objects.all():
        services.refresh_impact_counters(site)
