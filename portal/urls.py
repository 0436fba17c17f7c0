from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import page_routes, page_urls, site_files
from portal.login_throttle import AdminLoginView

urlpatterns = [
    path("admin/login/", AdminLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("portal.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap),
    path("robots.txt", site_files.robots_txt, name="robots_txt"),
    path("favicon.ico", site_files.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's own views beside its page view (the password form of a protected page, the login
# of a page restricted to signed-in users): before the page view, whose pattern matches them too.
wagtail_views = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]

# Each request tries the routes in this order until one matches: the busiest pages first
# (near me, needs and pledges; the volunteer space), Wagtail's pages at the end, except the
# addresses that reached them before (portal.page_urls).
page_view = page_urls.page_view(
    re_path(wagtail_urls.serve_pattern, page_routes.serve, name="wagtail_serve")
)

urlpatterns += i18n_patterns(
    page_urls.RememberedPages(page_view),  # pages seen before: not every app route first
    path("", include("matching.urls")),
    path("", include("volunteers.urls")),
    path("", include("portal.auth_urls")),
    path("", include("actions.urls")),
    path("", include("programme.urls")),
    path("", include("partners.urls")),
    path("", include("sponsors.urls")),
    path("", include(wagtail_views)),
    # Wagtail's page view, its routes remembered per publication (portal.page_routes).
    page_view,
    prefix_default_language=True,
)
