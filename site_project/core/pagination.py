"""Forgiving pagination: junk or out-of-range page numbers give a sensible page and a
note for the reader, never an error. And lists cut short on a page that links to them
in full."""

from django.core.paginator import Paginator
from django.db.models import Count, Window


def paginate(request, items, per_page):
    """Return (page_obj, elided page range, other-params query string, note or '')."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    note = ""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
        note = "That page number wasn't recognised, so here is the first page."
    if number < 1:
        number = 1
        note = "Pages start at 1, so here is the first page."
    elif number > paginator.num_pages:
        note = (
            "There is only one page, so here it is."
            if paginator.num_pages == 1
            else f"There are only {paginator.num_pages} pages, so here is the last one."
        )
        number = paginator.num_pages
    page_obj = paginator.page(number)
    page_range = paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
    query = request.GET.copy()
    query.pop("page", None)
    return page_obj, list(page_range), query.urlencode(), note


def first_and_total(queryset, count):
    """(the first `count` items, how many there are in all), in one query: each row
    carries a window count over the whole result, taken before the slice."""
    items = list(queryset.annotate(total_in_list=Window(Count("pk")))[:count])
    return items, items[0].total_in_list if items else 0
