"""Viewports of the journey tests and the screenshots they leave for people to look at.

Journeys run at a phone width and a desktop width; ``save_screenshot`` writes a full-page PNG
under ``var/screenshots/`` (kept after the run, ignored by git) named after the page, the
language and the width, so the closing note of a change can list what a person should look at.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = ROOT / "var" / "screenshots"

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def save_screenshot(page, name: str) -> Path:
    """A full-page screenshot of ``page`` as var/screenshots/<name>-<lang>-<width>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    language = page.locator("html").get_attribute("lang") or "xx"
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = SCREENSHOT_DIR / f"{name}-{language}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
