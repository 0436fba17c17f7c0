"""axe-core in the browser: inject the npm package's axe.min.js and report violations."""

from functools import cache
from pathlib import Path

from tests.e2e.browser import javascript_enabled

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")

_RUN_AXE = """async (context) => {
  const results = await axe.run(context || document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), html: n.html,
                                summary: n.failureSummary})),
  }));
}"""


@cache
def _axe_source() -> str:
    return AXE_JS.read_text()


def axe_violations(page, *, context: str | None = None) -> list[dict]:
    """All axe violations of the page as it is now (or of the ``context`` CSS selector)."""
    if not javascript_enabled(page):
        return _snapshot_violations(page, context)
    # Evaluated through the DevTools protocol, not as an inline <script>: the site's
    # Content-Security-Policy stays in force while axe runs.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    return page.evaluate(_RUN_AXE, context)


def _snapshot_violations(page, context: str | None) -> list[dict]:
    """axe on the same HTML at the same address, in a page where only axe's JavaScript runs.

    The snapshot's own scripts stay off (``script-src 'none'``) so axe sees what a visitor
    without JavaScript sees; axe itself is evaluated through the DevTools protocol.
    """
    url = page.url.split("#", 1)[0]
    html = page.content()
    snapshot_context = page.context.browser.new_context(
        viewport=page.viewport_size, locale=page.evaluate("() => navigator.language")
    )
    try:
        snapshot = snapshot_context.new_page()
        snapshot.route(
            lambda address: address.split("#", 1)[0] == url,
            lambda route: route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                headers={"Content-Security-Policy": "script-src 'none'"},
                body=html,
            ),
        )
        snapshot.goto(url)
        return axe_violations(snapshot, context=context)
    finally:
        snapshot_context.close()


def describe(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            lines.append("      " + (node["summary"] or "").replace("\n", "\n      "))
    return "\n".join(lines)


def assert_no_serious_axe_violations(
    page, *, impacts: tuple[str, ...] = BLOCKING_IMPACTS, context: str | None = None
) -> None:
    """Fail listing every violation whose impact is serious or critical (or ``impacts``)."""
    blocking = [v for v in axe_violations(page, context=context) if v["impact"] in impacts]
    assert not blocking, describe(page.url, blocking)
