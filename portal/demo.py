"""Building blocks for the demo content loaders of every room.

Each loader is idempotent: a page is looked up by its slug under its parent (or by its
translation key for translations) and left alone when it exists, so running ``load_demo``
twice changes nothing.
"""

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

# DejaVu Sans Bold (free licence beside it), shipped with the project so that every machine draws
# the demo's French and English text, accents and ligatures ("é", "œ") included. Pillow's own
# default font lacks some of them. The only PyPI package shipping DejaVu drags Sphinx in.
DEMO_FONT_PATH = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Bold.ttf"


def demo_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(DEMO_FONT_PATH), size=size)


def wrapped_lines(draw, text: str, font, max_width: int) -> list[str]:
    """``text`` cut into lines no wider than ``max_width`` pixels (between words)."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def draw_centred_text(draw, text: str, size: tuple[int, int], *, font_size: int) -> None:
    """White text with a dark outline, wrapped and centred on a ``size`` canvas; the font
    shrinks until the text fits in three lines."""
    width, height = size
    margin = width // 12
    for points in range(font_size, 11, -2):
        font = demo_font(points)
        lines = wrapped_lines(draw, text, font, width - 2 * margin)
        if len(lines) <= 3 and all(
            draw.textlength(line, font=font) <= width - 2 * margin for line in lines
        ):
            break
    line_height = round(points * 1.25)
    top = (height - line_height * len(lines)) / 2
    for row, line in enumerate(lines):
        left = (width - draw.textlength(line, font=font)) / 2
        draw.text(
            (left, top + row * line_height),
            line,
            fill="white",
            font=font,
            stroke_width=2,
            stroke_fill="black",
        )


@dataclass
class DemoContext:
    """What loaders share: the locales and the two home pages."""

    fr: Locale
    en: Locale
    home_fr: Page
    home_en: Page
    stdout: object = None

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)


def ensure_locales() -> tuple[Locale, Locale]:
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return fr, en


def ensure_child(parent: Page, model, *, slug: str, **fields) -> Page:
    """The live child page of ``parent`` with ``slug``, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_translation(page: Page, locale: Locale, *, slug: str, **fields) -> Page:
    """The published translation of ``page`` in ``locale``, with its own fields."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.slug = slug
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def set_site_root(home: Page) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="ré_action"
        )
        return
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "ré_action"
        site.save()


def drawn_image(title: str, *, alt: str, colour: str, text: str, size=(800, 480)):
    """A Wagtail image drawn by the project (no download): a colour field and ``text`` (in the
    page's language: a translation gets its own image)."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    seed = int(hashlib.sha256(title.encode()).hexdigest()[:8], 16)
    for i in range(6):
        radius = 40 + (seed >> (i * 3) & 7) * 18
        x = (seed >> i) % size[0]
        y = (seed >> (i + 5)) % size[1]
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline="white", width=4)
    draw_centred_text(draw, text, size, font_size=max(24, size[1] // 8))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
    return image_model.objects.create(
        title=title, description=alt, file=ImageFile(buffer, name=f"demo-{slug}.png")
    )
