"""Find the page for a URL with one query for the whole path.

Wagtail's own routing walks down the tree a level at a time, with two queries per
level (the child by its slug, then the child as its specific type), so a method guide
three levels below home cost eight queries before any of its content. Here one query
finds every page along the path, and only the page being served is loaded as its
specific type, together with the foreign keys its template shows. The same query
brings the site menu's pages (see core/navigation.py), which every page shows.

The result is the same as Wagtail's: drafts may lie on the path but are never served,
a routable page's own sub-URLs come before its children, and a page type with its own
`route()` is handed the rest of the path. The ancestors found on the way are kept on
the served page, so breadcrumbs and the serve-time privacy check need no more queries.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .navigation import menu_q, remember_menu
from .visibility import view_restrictions

# What routing, the breadcrumbs, the menu and the privacy check read of the pages along
# the path and in the menu (the page served is loaded again, whole, as its own type).
ROUTING_FIELDS = (
    "path",
    "depth",
    "slug",
    "title",
    "url_path",
    "live",
    "show_in_menus",
    "content_type",
    "alias_of",
)


def route_path(start, request, path_components):
    """Route `path_components` below `start` (a specific page), as `Page.route` would."""
    children = _pages_on_path(start, path_components, request)
    node, trail, remaining = start, [], list(path_components)
    while remaining:
        slug, remaining = remaining[0], remaining[1:]
        matches = children.get((node.path, slug), [])
        if not matches:
            raise Http404
        if len(matches) > 1:
            # Two siblings share a slug (only possible outside the editor): let Wagtail
            # decide, exactly as it would have.
            return Page.route(node, request, [slug, *remaining])
        child = matches[0]
        child._cached_parent_obj = node
        trail.append(node)
        node = child
        page_class = node.specific_class
        if not _routes_like_base_page(page_class):
            return node.specific.route(request, remaining)
        if issubclass(page_class, RoutablePageMixin) and node.live:
            sub_path = "/" + "".join(f"{component}/" for component in remaining)
            try:
                page_class.get_resolver().resolve(sub_path)
            except Http404:
                pass  # not one of its sub-URLs: carry on to its children
            else:
                page = _served(node, trail, request)
                match = page.resolve_subpage(sub_path)
                request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(page, args=(view, args, kwargs))
    if not node.live:
        raise Http404
    return RouteResult(_served(node, trail, request))


def _pages_on_path(start, path_components, request):
    """Every page below `start` that could lie on the path, by (parent path, slug).

    The menu's pages below `start` come in the same query and are left on the request."""
    on_path = Q(depth__lte=start.depth + len(path_components), slug__in=set(path_components))
    pages = list(
        Page.objects.filter(path__startswith=start.path, depth__gt=start.depth)
        .filter(on_path | menu_q(start))
        .only(*ROUTING_FIELDS)
        .order_by("path")
    )
    remember_menu(request, start, pages)
    by_parent_and_slug = {}
    for page in pages:
        by_parent_and_slug.setdefault((page.path[: -Page.steplen], page.slug), []).append(page)
    return by_parent_and_slug


def _routes_like_base_page(page_class):
    """Whether the walk may stand in for this page type's own `route()`."""
    from .models import BasePage  # models imports this module

    return (
        page_class is not None
        and issubclass(page_class, BasePage)
        and page_class.route in (BasePage.route, RoutablePageMixin.route)
    )


def _served(node, trail, request):
    """The page to serve, as its specific type and whole, remembering the ancestors found.

    (The site's root page arrives as its type but without its own fields: see
    core/sites.py.)"""
    page_class = node.specific_class
    if isinstance(node, page_class) and not node.get_deferred_fields():
        page = node
    else:
        page = page_class._default_manager.select_related(*page_class.serve_select_related).get(
            pk=node.pk
        )
        if hasattr(node, "_cached_parent_obj"):
            page._cached_parent_obj = node._cached_parent_obj
    page.served_ancestors = trail
    page.served_view_restrictions = _view_restrictions_for(page, trail, request)
    return page


def _view_restrictions_for(page, ancestors, request):
    """The view restrictions on `page` or any ancestor, from the request's single read
    of the restrictions table, as `Page.get_view_restrictions()` finds them (an alias
    answers to its original's restrictions). None when some ancestors are unknown,
    i.e. the route started below the tree root's children."""
    known = [*ancestors, page]
    if known[0].depth > 2:
        return None
    page_ids = {p.alias_of_id or p.pk for p in known}
    return [
        restriction
        for restriction in view_restrictions(request)
        if restriction.page_id in page_ids or restriction.page.depth == 1
    ]


# Sub-URLs of routable pages that are files, served without a trailing slash:
# `<page>/export.csv`, `<page>/plan/calendar.ics`. Wagtail's own URL pattern takes only
# paths ending in a slash and made of letters, digits, hyphens and underscores.
FILE_SUBPAGE_PATTERN = (
    r"^(?P<page_path>(?:[\w\-]+/)+)(?P<filename>export\.(?:csv|json)|calendar\.ics)$"
)


def serve_file_subpage(request, page_path, filename):
    """Serve `<page path><filename>` as the routable page's sub-URL `<filename>/`,
    through Wagtail's serve view: same routing, privacy checks and hooks as any page.
    Any page without such a sub-URL answers 404."""
    from wagtail import views as wagtail_views  # needs the models loaded

    return wagtail_views.serve(request, f"{page_path}{filename}/")


def public_subpage_path(page_url, sub_url):
    """The public path of a routable page's sub-URL: file-like ones (see above) have
    no trailing slash."""
    sub = sub_url.lstrip("/")
    last = sub.rstrip("/").rsplit("/", 1)[-1]
    if "." in last:
        sub = sub.rstrip("/")
    return page_url + sub
