"""Which essays an essay leads on to: the older and newer essay beside it (by date, then
by the order they were added, skipping drafts and private essays), also for a preview
of an essay not yet saved. (The related essays: test_blog_related.py.)"""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from blog.models import EssayPage
from tests import builders
from tests.shared import afresh, built_once

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 1, 1)


def day(n):
    return DAY + datetime.timedelta(days=n)


def title(page):
    return page.title if page is not None else None


def _build_chain():
    """Essays one to three days apart, three sharing day 2, a draft and a private essay
    between "Day 2, third" and "Day 5"."""
    sections = builders.site_sections()
    blog = sections["blog"]
    pages = {
        "Day 1": builders.essay(blog, "Day 1", date=day(1)),
        "Day 2, first": builders.essay(blog, "Day 2, first", date=day(2)),
        "Day 2, second": builders.essay(blog, "Day 2, second", date=day(2)),
        "Day 2, third": builders.essay(blog, "Day 2, third", date=day(2)),
        "Day 3 draft": builders.essay(blog, "Day 3 draft", date=day(3), live=False),
        "Day 4 private": builders.essay(blog, "Day 4 private", date=day(4)),
        "Day 5": builders.essay(blog, "Day 5", date=day(5)),
        "Day 6": builders.essay(blog, "Day 6", date=day(6)),
    }
    PageViewRestriction.objects.create(
        page=pages["Day 4 private"], restriction_type=PageViewRestriction.LOGIN
    )
    return pages


chain_built_once = built_once("chain", _build_chain)


@pytest.fixture
def chain(chain_built_once, db):
    """The essays of `_build_chain`, built once for this module (tests/shared.py)."""
    return afresh(chain_built_once)


@pytest.mark.parametrize(
    ("essay", "older", "newer"),
    [
        ("Day 1", None, "Day 2, first"),
        ("Day 2, first", "Day 1", "Day 2, second"),
        ("Day 2, second", "Day 2, first", "Day 2, third"),
        ("Day 2, third", "Day 2, second", "Day 5"),
        ("Day 5", "Day 2, third", "Day 6"),
        ("Day 6", "Day 5", None),
    ],
)
def test_an_essay_leads_to_the_nearest_older_and_newer_essay_a_reader_may_see(
    chain, essay, older, newer
):
    previous_essay, next_essay = chain[essay].neighbours()
    assert (title(previous_essay), title(next_essay)) == (older, newer)
    for found in (previous_essay, next_essay):
        if found is not None:
            # What the links need is loaded with it: address and date.
            assert found.url_path == chain[found.title].url_path
            assert found.date == chain[found.title].date


@pytest.mark.parametrize(
    ("date", "older", "newer"),
    [
        (day(2), "Day 2, third", "Day 5"),  # added last, so after every essay of its day
        (day(0), None, "Day 1"),
        (day(7), "Day 6", None),
    ],
)
def test_a_preview_of_a_new_essay_leads_to_the_essays_it_will_sit_between(
    chain, sections, date, older, newer
):
    blog = sections["blog"]
    # As Wagtail's preview of a page being created makes it: the parent's next child.
    preview = EssayPage(title="Preview", slug="preview", summary="s", date=date)
    preview.depth = blog.depth + 1
    preview.path = blog.get_last_child()._inc_path()
    previous_essay, next_essay = preview.neighbours()
    assert (title(previous_essay), title(next_essay)) == (older, newer)


def test_the_essay_page_links_its_older_and_newer_essay(client, chain):
    html = client.get(chain["Day 2, third"].url).content.decode()
    nav = html.split('class="prev-next"')[1].split("</nav>")[0]
    link = r'href="([^"]+)" rel="(prev|next)"><span[^>]*>([^<]+)</span> ([^<]+)</a>'
    links = re.findall(link, nav)
    assert links == [
        (chain["Day 2, second"].url, "prev", "Older essay", "Day 2, second"),
        (chain["Day 5"].url, "next", "Newer essay", "Day 5"),
    ]
