"""Pages loaded once while a page is rendered, for everything on it that shows them.

Wagtail expands each rich text value on its own, a query per paragraph that has page
links, and each StreamField value of page choosers on its own too. A page being served
finds every link in its body first (`linked_page_ids`); within `page_links_loaded`,
the first rich text to need them loads those pages together (core/rich_text.py).

Lists the page has loaded already (an essay's methods and principles discussed, which
include the ones its text links to and its method cards show) are remembered here
(`remember_pages`), so the rich text link handler and the method card block find them
without a query of their own. What is remembered must carry at least the fields of
the page type's listing card (`CardQuerySet.for_cards()`)."""

import re
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page

_PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
_ID = re.compile(r'\bid="(\d+)"')
_loaded = ContextVar("pages_loaded_for_render", default=None)


def linked_page_ids(raw):
    """Ids of the pages linked from any rich text inside `raw` (StreamField raw data)."""
    if isinstance(raw, str):
        return {int(found) for tag in _PAGE_LINK.findall(raw) for found in _ID.findall(tag)}
    if isinstance(raw, Mapping):
        raw = list(raw.values())
    if isinstance(raw, Sequence):
        return set().union(*(linked_page_ids(item) for item in raw))
    return set()


class _Loaded:
    __slots__ = ("wanted", "pages")

    def __init__(self, wanted):
        self.wanted = set(wanted)  # linked from the body, not loaded yet
        self.pages = {}  # by id


@contextmanager
def page_links_loaded(page_ids):
    """Within the block, the pages linked from the body (`page_ids`) are loaded together
    when first needed, and pages remembered by the page's own lists are reused."""
    token = _loaded.set(_Loaded(page_ids))
    try:
        yield
    finally:
        _loaded.reset(token)


def remember_pages(pages):
    """Pages the page being rendered has loaded (card fields at least), for reuse."""
    state = _loaded.get()
    if state is not None:
        for page in pages:
            state.pages.setdefault(page.pk, page)


def remembered_page(page_id):
    """A page remembered by `remember_pages` (None outside a render or if not)."""
    state = _loaded.get()
    return state.pages.get(page_id) if state is not None else None


def loaded_pages():
    """The pages loaded for the page being rendered, by id (empty outside one): the body's
    links, in one query the first time, and anything remembered."""
    state = _loaded.get()
    if state is None:
        return {}
    missing = state.wanted - state.pages.keys()
    state.wanted = set()
    if missing:
        state.pages.update({page.pk: page for page in Page.objects.filter(pk__in=missing)})
    return state.pages
