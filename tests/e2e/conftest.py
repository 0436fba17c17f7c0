"""The end-to-end browser suite: a real server, Debian's Chromium driven by Playwright, axe-core.

Reuse (later issues put their browser tests in tests/e2e/test_<room>.py; every test here is
marked ``browser`` automatically):

- ``live_server_process``: ``manage.py runserver`` on a free 127.0.0.1 port against its OWN
  fresh SQLite file (migrated, ``load_demo`` run), started once for tests/e2e and killed after.
  ``.url``; ``.run_python(code)`` runs Django code on that database and returns the JSON of its
  ``result`` variable (a process: ~1-2 s); ``.query(sql, params)`` reads it with SQL (fast);
  ``.manage(*args)`` runs any management command there; ``.emails()`` /
  ``.emails_containing(text)`` read what it sent (file backend, ``.mail_dir``); ``.log()``.
  The pytest-django test database is never touched: do not use ``db``/``client``/``live_server``
  here — check stored data through ``live_server_process.run_python``.
- ``live_url``: the server's base URL (pages also get it as their ``base_url``: goto("/fr/")).
- ``browser``: one headless Chromium for tests/e2e. ``page``: a fresh context + page with
  JavaScript; ``page_without_js``: the same with JavaScript disabled; ``new_page(javascript=…)``
  for more. Every page is watched: ``problems_of(page)`` (tests.e2e.browser) lists uncaught script
  errors, CSP refusals and same-origin HTTP errors seen so far.
- ``assert_no_serious_axe_violations(page)``: runs axe-core on the page and fails listing the
  serious and critical violations (``impacts=`` to widen, ``context=`` to narrow to a selector).
  On a page without JavaScript it checks a snapshot of the page's HTML in a JavaScript page (with
  JavaScript off, timers never fire: an async ``page.evaluate`` there waits forever).

Missing tools skip, never fail: no /usr/bin/chromium or no playwright skips the browser tests; no
.cache/axe/…/axe.min.js skips a test when it calls the axe check, so call that last
(``make browser-deps`` installs both).
The browser and the server are package-scoped: Playwright's sync API keeps an asyncio loop running
while it lives, and Django's ORM refuses to run in tests that would follow it in the session.
"""

from pathlib import Path

import pytest

from tests.e2e import axe
from tests.e2e.browser import (
    CHROMIUM_ARGS,
    DEFAULT_TIMEOUT_MS,
    chromium_path,
    missing_tool,
    watch,
)
from tests.e2e.server import start_live_server

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def live_server_process(tmp_path_factory):
    server = start_live_server(tmp_path_factory.mktemp("e2e-server"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="package")
def live_url(live_server_process) -> str:
    return live_server_process.url


@pytest.fixture(scope="package")
def browser():
    reason = missing_tool()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser, live_url):
    """``new_page(javascript=True, **context_options)``: a page in a fresh browser context."""
    contexts = []

    def make(*, javascript: bool = True, **options):
        options.setdefault("locale", "fr-FR")
        context = browser.new_context(base_url=live_url, java_script_enabled=javascript, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watch(page, live_url, javascript=javascript)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page(javascript=True)


@pytest.fixture
def page_without_js(new_page):
    return new_page(javascript=False)


@pytest.fixture
def assert_no_serious_axe_violations():
    """axe-core's check; without axe.min.js it skips the test where it is called (call it last)."""
    if axe.AXE_JS.exists():
        return axe.assert_no_serious_axe_violations

    def skip(page, **options):
        pytest.skip(f"{axe.AXE_JS} is missing: run `make browser-deps` (npm install of axe-core)")

    return skip
