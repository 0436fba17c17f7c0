"""The sponsor's colours as a tiny stylesheet (CSP forbids inline styles): custom properties
read by sponsors/static/sponsors/css/sponsors.css. Its URL carries a version of the colours,
so it is cached for long."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from sponsors import contrast
from sponsors.models import SponsorPage

FALLBACK_BRAND, FALLBACK_TEXT = "#1b1b1f", "#ffffff"  # the site's ink on white


def theme_colours(sponsor: SponsorPage) -> dict[str, str]:
    """Validated colours only: a pair stored outside the admin's checks falls back to the
    site's own (contrast is never left to chance)."""
    brand, text = sponsor.brand_colour, sponsor.text_colour
    valid = all(contrast.HEX_COLOUR_RE.match(value or "") for value in (brand, text))
    if not valid or not contrast.passes_aa(brand, text):
        brand, text = FALLBACK_BRAND, FALLBACK_TEXT
    link = sponsor.link_colour() if valid else ""
    return {"brand": brand, "on-brand": text, "link": link or "var(--brand-dark)"}


@require_GET
@cache_control(public=True, max_age=7 * 24 * 3600)
def theme_css(request, pk: int):
    sponsor = get_object_or_404(SponsorPage.objects.live(), pk=pk).canonical
    colours = theme_colours(sponsor)
    css = (
        ".sponsor-theme {\n"
        + "".join(f"  --sponsor-{name}: {value};\n" for name, value in colours.items())
        + "}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")
