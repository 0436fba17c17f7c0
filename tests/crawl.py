"""A crawler of the site for the tests: follows the internal links of every HTML answer."""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

MAX_PAGES = 600
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/i18n/", "/django-admin/")
SKIPPED_SUFFIXES = (".css", ".js", ".png", ".jpg", ".jpeg", ".svg", ".webp", ".ico", ".woff2")


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def _internal(url: str) -> str | None:
    url = urldefrag(url)[0].replace("&amp;", "&")
    parsed = urlparse(url)
    if parsed.scheme not in ("", "http", "https") or parsed.netloc not in ("", "testserver"):
        return None
    path = parsed.path
    if not path.startswith("/") or path.startswith(SKIPPED_PREFIXES):
        return None
    if path.endswith(SKIPPED_SUFFIXES) or "deconnexion" in path or "logout" in path:
        return None
    return path + (f"?{parsed.query}" if parsed.query else "")


def crawl(client, starts: list[str], *, check=None) -> dict[str, bytes]:
    """Every internal page reachable from ``starts`` (links followed, breadth first): url ->
    body. ``check(url, response)`` is called on each answer."""
    seen, queue, bodies = set(starts), deque(starts), {}
    while queue and len(bodies) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, follow=True)
        assert response.status_code < 500, url
        if check is not None:
            check(url, response)
        bodies[url] = (
            b"".join(response.streaming_content) if response.streaming else response.content
        )
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in _links(bodies[url].decode("utf-8", "replace")):
            internal = _internal(link)
            if internal and internal not in seen:
                seen.add(internal)
                queue.append(internal)
    return bodies
