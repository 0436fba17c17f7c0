"""Launching Debian's Chromium with Playwright, and watching pages for errors."""

import shutil
from pathlib import Path
from weakref import WeakKeyDictionary

CHROMIUM = Path("/usr/bin/chromium")
# Never a downloaded browser: Debian's package, headless, quiet, no network of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 10_000

_problems: "WeakKeyDictionary[object, list[str]]" = WeakKeyDictionary()
_without_javascript: "WeakKeyDictionary[object, bool]" = WeakKeyDictionary()


def chromium_path() -> str | None:
    """Debian's Chromium: /usr/bin/chromium, else a ``chromium`` on the PATH."""
    return str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")


def missing_tool() -> str | None:
    """Why the browser suite cannot run here, or None."""
    if chromium_path() is None:
        return (
            "/usr/bin/chromium is missing: run `make browser-deps` "
            "(scripts/install_browser_deps.sh installs Debian's chromium with apt-get)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing: `pip install -e .[dev]`"
    return None


def watch(page, base_url: str, *, javascript: bool = True) -> list[str]:
    """Record the page's uncaught script errors, CSP refusals and same-origin HTTP errors."""
    problems = _problems.setdefault(page, [])
    if not javascript:
        _without_javascript[page] = True

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(f"CSP: {message.text}")

    def on_response(response):
        if response.status >= 400 and response.url.startswith(base_url):
            problems.append(f"HTTP {response.status} {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("response", on_response)

    def on_request_failed(request):
        # A navigation cancels the previous page's pending loads: not a fault.
        if request.url.startswith(base_url) and "ERR_ABORTED" not in (request.failure or ""):
            problems.append(f"request failed: {request.url} {request.failure}")

    page.on("requestfailed", on_request_failed)
    return problems


def problems_of(page) -> list[str]:
    """What ``watch`` recorded on this page so far."""
    return list(_problems.get(page, []))


def javascript_enabled(page) -> bool:
    """False for pages opened with JavaScript disabled (their timers never fire: no async)."""
    return not _without_javascript.get(page, False)
