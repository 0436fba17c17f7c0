"""The demo's drawn images: French and English text drawn with a font that has its letters,
and the English pages get images with English text."""

import pytest
from PIL import Image, ImageChops, ImageDraw

from challenges.models import ChallengePage
from portal.demo import DEMO_FONT_PATH, demo_font, draw_centred_text

MISSING_GLYPH = "\U0010fffd"  # a private-use code point no font draws: its .notdef box


def glyph_mask(text: str):
    font = demo_font(48)
    canvas = Image.new("L", (120, 80), 0)
    ImageDraw.Draw(canvas).text((10, 5), text, fill=255, font=font)
    return canvas


def test_the_demo_font_is_dejavu_shipped_with_the_project():
    assert DEMO_FONT_PATH.name == "DejaVuSans-Bold.ttf" and DEMO_FONT_PATH.is_file()
    assert demo_font(20).getname() == ("DejaVu Sans", "Bold")
    assert (DEMO_FONT_PATH.parent / "DejaVu-LICENSE.txt").is_file()


@pytest.mark.parametrize("letter", ["é", "œ", "ç", "à", "É", "Œ", "’"])
def test_the_demo_font_draws_french_letters(letter):
    drawn = glyph_mask(letter)
    assert drawn.getbbox() is not None, "something is drawn"
    assert ImageChops.difference(drawn, glyph_mask(MISSING_GLYPH)).getbbox() is not None


def test_long_titles_are_wrapped_inside_the_image():
    canvas = Image.new("RGB", (480, 240), "black")
    draw_centred_text(
        ImageDraw.Draw(canvas), "Maillages, du lien avec nos aîné·es", (480, 240), font_size=60
    )
    left, top, right, bottom = canvas.getbbox()
    assert left > 0 and right < 480 and top > 0 and bottom < 240


def test_english_challenge_pages_have_their_own_image_with_english_text(en):
    for page in ChallengePage.objects.filter(locale__language_code="fr"):
        english = page.get_translation(en)
        assert english.image_id != page.image_id
        assert english.image.title == f"Challenge — {english.title}"
        assert english.image.description.startswith("Illustration of the challenge")
