"""The Wagtail Site that answers a page request, found in one plain query.

Wagtail finds it with a query that ranks every candidate site in SQL (a CASE
expression, costlier to build than to run) and then loads the root page again as its
own page type, to route from it; the site settings, which every page shows, take a
third query. For the requests Wagtail's page view answers, this middleware finds the
same site from the same candidates (those with the request's hostname, and the
default site), ranked in Python by Wagtail's own rules, with its root page and its
settings in the same query. The root page is handed to Wagtail as its own type
without loading its own fields (`specific_deferred`): routing needs only its place in
the tree, and when the root page itself is served, routing loads it whole
(core/routing.py). Everything else (`Site.find_for_request` and
`SiteSettings.for_request` anywhere, for any other view) is unchanged: Wagtail keeps
the site and its settings on the request, and this only fills them in first."""

from django.db.models import Q
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from .models import SiteSettings
from .routing import serve_file_subpage

PAGE_VIEWS = (wagtail_views.serve, serve_file_subpage)

# The site's settings, joined to it (reverse one-to-one), with what they load themselves.
SETTINGS_ACCESSOR = SiteSettings._meta.get_field("site").remote_field.get_accessor_name()
SETTINGS_RELATED = (
    SETTINGS_ACCESSOR,
    *(f"{SETTINGS_ACCESSOR}__{name}" for name in SiteSettings.select_related or ()),
)


def site_for_hostname(hostname, port, *select_related):
    """The site Wagtail's `get_site_for_hostname` returns, or None where it raises."""
    candidates = Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
    sites = list(candidates.select_related(*select_related).order_by())
    for site in sites:
        site.match = _match(site, hostname, port)
    # Wagtail orders by this rank in SQL; among equal ranks (several sites sharing a
    # hostname on other ports) by id here, where the database's order is arbitrary.
    sites.sort(key=lambda site: (site.match, site.pk))
    if sites:
        if len(sites) == 1 or sites[0].match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
            return sites[0]
        if sites[0].match == MATCH_DEFAULT:
            return sites[len(sites) == 2]
    return None


def _match(site, hostname, port):
    if site.hostname == hostname and site.port == port:
        return MATCH_HOSTNAME_PORT
    if site.hostname == hostname and site.is_default_site:
        return MATCH_HOSTNAME_DEFAULT
    if site.is_default_site:
        return MATCH_DEFAULT
    return MATCH_HOSTNAME


class SiteMiddleware:
    """Finds the site for requests that Wagtail's page view answers (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func not in PAGE_VIEWS or hasattr(request, "_wagtail_site"):
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        site = site_for_hostname(hostname, request.get_port(), "root_page", *SETTINGS_RELATED)
        if site is None:
            return None  # Wagtail looks again, and finds none either
        site.root_page = site.root_page.specific_deferred
        request._wagtail_site = site
        site_settings = getattr(site, SETTINGS_ACCESSOR, None)
        if site_settings is not None:
            # As SiteSettings.for_request keeps them (a site without a row yet is left
            # to it: it creates one).
            site_settings._request = request
            setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
        return None
