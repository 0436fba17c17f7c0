"""The WCAG contrast ratio the admin relies on, checked against known values."""

import pytest

from sponsors.contrast import contrast_ratio, passes_aa, relative_luminance


def test_white_and_black_have_the_extreme_luminances():
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)


def test_black_on_white_is_21_to_1_whatever_the_order():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)


def test_a_colour_on_itself_is_1_to_1():
    assert contrast_ratio("#1d4e89", "#1d4e89") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("colour", "ratio", "passes"),
    [
        ("#777777", 4.48, False),
        ("#767676", 4.54, True),
        ("#1d4e89", 8.39, True),
        ("#ffd166", 1.44, False),
    ],
)
def test_known_grey_and_brand_colours_on_white(colour, ratio, passes):
    assert contrast_ratio(colour, "#ffffff") == pytest.approx(ratio, abs=0.01)
    assert passes_aa(colour, "#ffffff") is passes


@pytest.mark.parametrize("bad", ["", "777777", "#777", "#gggggg", None])
def test_a_colour_that_is_not_six_hex_digits_is_rejected(bad):
    with pytest.raises(ValueError):
        relative_luminance(bad)
