"""The layout's header and footer rendered once per host, language and publication and kept in
the process (``portal.publication_memo``); with the memo off (tests) they render each time.

The footer is the same for everyone. The header of visitors who are not signed in is the same
for every such visitor of a page (menu, account link, labels): only the language links'
addresses differ from one request to the next (they keep the query string), so the kept HTML
holds a stand-in for each, put in per request. Signed-in users' headers (their account menu
carries a CSRF token) render each time."""

from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from portal import publication_memo, shell

HEADER = "components/header.html"
FOOTER = "components/footer.html"
STAND_IN = "\x00language-link:{code}\x00"  # a NUL never reaches a URL or a page title


def header(context) -> SafeString:
    request = context["request"]
    template = get_template(HEADER).template
    if request.user.is_authenticated or publication_memo.ttl_seconds() <= 0:
        return SafeString(template.render(context))
    page = context.get("page")
    match = request.resolver_match
    key = (
        "header",
        request.get_host(),
        get_language(),
        getattr(page, "pk", None),
        match.view_name if match else "",
    )

    links = shell.language_links(request, page)

    def render() -> str:
        stand_ins = [{**link, "url": STAND_IN.format(code=link["code"])} for link in links]
        with context.push(kept_language_links=stand_ins):  # read by {% language_links %}
            return template.render(context)

    html = publication_memo.remembered(key, render)
    for link in links:
        html = html.replace(STAND_IN.format(code=link["code"]), escape(link["url"]))
    return SafeString(html)


def footer(context) -> SafeString:
    template = get_template(FOOTER).template
    if publication_memo.ttl_seconds() <= 0:
        return SafeString(template.render(context))
    request = context["request"]
    key = ("footer", request.get_host(), get_language())
    return SafeString(publication_memo.remembered(key, lambda: template.render(context)))
