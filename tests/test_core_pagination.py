"""Forgiving pagination (site_project/core/pagination.py) on its own: whatever the page
number, the reader gets a page, and the exact note that says why it is not the one
asked for; the page links around the current one; the other parameters kept for them."""

import pytest
from django.core.paginator import Paginator
from django.test import RequestFactory

from site_project.core.pagination import paginate

ITEMS = list(range(1, 201))  # twenty pages of ten


def page_of(query, items=ITEMS):
    request = RequestFactory().get("/essays/", query)
    page, page_range, other, note = paginate(request, items, 10)
    return page.number, page_range, other, note


def test_a_page_asked_for_is_given_with_no_note():
    number, _, _, note = page_of({"page": "3"})
    assert (number, note) == (3, "")
    assert page_of({})[::3] == (1, "")  # no number: the first page


@pytest.mark.parametrize(
    ("raw", "number", "note"),
    [
        ("two", 1, "That page number wasn't recognised, so here is the first page."),
        ("", 1, "That page number wasn't recognised, so here is the first page."),
        ("1.5", 1, "That page number wasn't recognised, so here is the first page."),
        ("0", 1, "Pages start at 1, so here is the first page."),
        ("-4", 1, "Pages start at 1, so here is the first page."),
        ("21", 20, "There are only 20 pages, so here is the last one."),
        ("99999999999999999999", 20, "There are only 20 pages, so here is the last one."),
    ],
)
def test_an_odd_page_number_gets_a_page_and_says_why(raw, number, note):
    assert page_of({"page": raw})[::3] == (number, note)


def test_past_the_only_page_the_note_says_there_is_one():
    assert page_of({"page": "2"}, items=[1, 2, 3])[::3] == (
        1,
        "There is only one page, so here it is.",
    )


def test_an_empty_list_is_one_empty_page():
    number, page_range, _, note = page_of({"page": "1"}, items=[])
    assert (number, list(page_range), note) == (1, [1], "")


def test_the_page_links_show_two_either_side_and_one_at_each_end():
    ellipsis = Paginator.ELLIPSIS
    assert page_of({"page": "10"})[1] == [1, ellipsis, 8, 9, 10, 11, 12, ellipsis, 20]
    assert page_of({"page": "1"})[1] == [1, 2, 3, ellipsis, 20]


def test_the_other_parameters_are_kept_for_the_page_links_and_the_page_left_out():
    _, _, other, _ = page_of({"topic": "housing", "page": "2", "year": "2024"})
    assert other == "topic=housing&year=2024"
