"""Page links in rich text, expanded without a query per paragraph.

Wagtail's handler loads every linked page as its specific type, a query per type, in
case a type builds its URL differently. None here does: every URL comes from the
page's place in the tree, which base Page rows carry. Pages the served page's body
links to are loaded already (core/linked_pages.py); anything else in one query."""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .linked_pages import loaded_pages


class TreePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [_as_id(attrs.get("id")) for attrs in attrs_list]
        pages = loaded_pages()
        missing = [page_id for page_id in ids if page_id is not None and page_id not in pages]
        if missing:
            pages = {**pages, **{p.pk: p for p in Page.objects.filter(pk__in=missing)}}
        return [pages.get(page_id) for page_id in ids]


def _as_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
