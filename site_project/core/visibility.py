"""What a reader may see: live pages outside every view-restricted (private) section.

Wagtail's `.public()` reads the view-restriction table each time it is called, so a
page that builds several lists, a menu and a privacy check read it three or four times
per request. Here the restrictions are read once per request, kept on the request, and
every filter on the page reuses them. Without a request (management commands, tests)
they are read afresh on each call."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


def view_restrictions(request=None):
    """Every view restriction on the site, each with its page's path and depth."""
    restrictions = getattr(request, "_site_view_restrictions", None)
    if restrictions is None:
        restrictions = list(
            PageViewRestriction.objects.select_related("page").only(
                "restriction_type", "password", "page__path", "page__depth"
            )
        )
        if request is not None:
            request._site_view_restrictions = restrictions
    return restrictions


def restricted_paths(request=None):
    """Tree paths of the pages heading a private section (the page and all below it)."""
    return sorted({restriction.page.path for restriction in view_restrictions(request)})


def public_q(request=None):
    """A filter for pages outside every private section, as Wagtail's `.public()`."""
    private = Q()
    for path in restricted_paths(request):
        private |= Q(path__startswith=path)
    return ~private if private else Q()


def visible(pages, request=None):
    """The live pages of a page queryset that lie outside every private section."""
    return pages.live().filter(public_q(request))


def visible_page_ids(request=None):
    """Primary keys of every page a reader may see, as a subquery to filter other rows,
    e.g. `topics.filter(essays__in=visible_page_ids(request))`."""
    return visible(Page.objects.all(), request).values("pk")


def visible_in_python(pages, request=None):
    """The same test in Python, for pages already loaded or held in memory (previews)."""
    paths = tuple(restricted_paths(request))
    return [page for page in pages if _shown(page, paths)]


def visible_links(links, target, request=None):
    """The links (inline child objects) whose `target` page a reader may see.

    Works on a page's child relations both when served (a real queryset) and in
    preview (modelcluster's in-memory objects, which cannot take a subquery)."""
    paths = tuple(restricted_paths(request))
    return [link for link in links if _shown(getattr(link, target), paths)]


def _shown(page, restricted):
    return page.live and not page.path.startswith(restricted)
