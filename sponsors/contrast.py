"""WCAG 2.x colour contrast: relative luminance and contrast ratio of two sRGB hex colours.

https://www.w3.org/TR/WCAG21/#dfn-relative-luminance — AA asks 4.5:1 for normal text.
"""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

AA_NORMAL_TEXT = 4.5
PAGE_BACKGROUND = "#ffffff"  # --paper in portal/static/css/site.css
HEX_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

hex_colour_validator = RegexValidator(
    HEX_COLOUR_RE, _("Saisissez une couleur hexadécimale à six chiffres, par exemple #1d4e89.")
)


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Relative luminance (0 for black, 1 for white) of ``#rrggbb``."""
    if not HEX_COLOUR_RE.match(colour or ""):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1.0 to 21.0."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def passes_aa(first: str, second: str) -> bool:
    return contrast_ratio(first, second) >= AA_NORMAL_TEXT
