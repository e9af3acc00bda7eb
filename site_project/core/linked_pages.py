"""The pages a page's body links to, loaded in one query while the page is rendered.

Wagtail expands each rich text value on its own, a query per paragraph that has page
links. A page being served finds every link in its body first (`linked_page_ids`) and
loads those pages together (`page_links_loaded`); the rich text link handler
(core/rich_text.py) then finds them already there."""

import re
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page

_PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
_ID = re.compile(r'\bid="(\d+)"')
_loaded = ContextVar("pages_linked_from_body", default=None)


def linked_page_ids(raw):
    """Ids of the pages linked from any rich text inside `raw` (StreamField raw data)."""
    if isinstance(raw, str):
        return {int(found) for tag in _PAGE_LINK.findall(raw) for found in _ID.findall(tag)}
    if isinstance(raw, Mapping):
        raw = list(raw.values())
    if isinstance(raw, Sequence):
        return set().union(*(linked_page_ids(item) for item in raw))
    return set()


@contextmanager
def page_links_loaded(page_ids):
    """Within the block, these pages are already loaded for rich text to link to."""
    pages = {}
    if page_ids:
        pages = {str(page.pk): page for page in Page.objects.filter(pk__in=page_ids)}
    token = _loaded.set(pages)
    try:
        yield
    finally:
        _loaded.reset(token)


def loaded_pages():
    """The pages loaded for the page being rendered, by id as text (empty outside one)."""
    return _loaded.get() or {}
