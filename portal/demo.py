"""Building blocks for the demo content loaders of every room.

Each loader is idempotent: a page is looked up by its slug under its parent (or by its
translation key for translations) and left alone when it exists, so running ``load_demo``
twice changes nothing.
"""

import hashlib
import io
from dataclasses import dataclass

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont


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
    """A Wagtail image drawn by the project (no download): a colour field and a wordmark."""
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
    font = ImageFont.load_default(size=max(24, size[1] // 8))
    box = draw.textbbox((0, 0), text, font=font)
    position = ((size[0] - (box[2] - box[0])) / 2, (size[1] - (box[3] - box[1])) / 2)
    draw.text(position, text, fill="white", font=font, stroke_width=2, stroke_fill="black")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
    return image_model.objects.create(
        title=title, description=alt, file=ImageFile(buffer, name=f"demo-{slug}.png")
    )
