"""The site menu's pages: those ticked 'Show in menus' in the top two levels below the
site root.

Every page shows the menu, and its pages are rows of the same table as the pages on a
requested path, so routing (core/routing.py) fetches both in one query and leaves the
menu's pages on the request. Elsewhere (Django views such as the topic pages) the menu
costs a query of its own."""

from django.db.models import Q
from wagtail.models import Page

from .visibility import visible_in_python


def menu_q(root):
    """Menu pages among the pages below `root` (the caller limits them to below `root`)."""
    return Q(show_in_menus=True, live=True, depth__gt=root.depth, depth__lte=root.depth + 2)


def remember_menu(request, root, pages):
    """Keep the menu pages among `pages` (all below `root`, in tree order) for this request."""
    request._site_menu = (root.pk, [page for page in pages if _in_menu(page, root)])


def menu_pages(request, root):
    """The menu pages below `root` that a reader may see, in tree order."""
    remembered = getattr(request, "_site_menu", None)
    if remembered is not None and remembered[0] == root.pk:
        pages = remembered[1]
    else:
        pages = (
            Page.objects.filter(path__startswith=root.path).filter(menu_q(root)).order_by("path")
        )
    return visible_in_python(pages, request)


def _in_menu(page, root):
    return page.show_in_menus and page.live and root.depth < page.depth <= root.depth + 2
