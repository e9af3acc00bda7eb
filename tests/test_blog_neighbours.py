"""Which essays an essay leads on to: the older and newer essay beside it (by date, then
by the order they were added, skipping drafts and private essays), also for a preview
of an essay not yet saved, and the related essays ranked by how many topics they share."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from blog.models import EssayPage
from tests import builders

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 1, 1)


def day(n):
    return DAY + datetime.timedelta(days=n)


def title(page):
    return page.title if page is not None else None


@pytest.fixture
def chain(sections):
    """Essays one to three days apart, three sharing day 2, a draft and a private essay
    between "Day 2, third" and "Day 5"."""
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


@pytest.fixture
def ranked(sections):
    """An essay on two topics, and others sharing two, one or none of them."""
    blog = sections["blog"]
    one, two, three = (builders.topic(name) for name in ("Housing", "Transport", "Parks"))
    read = builders.essay(blog, "The essay read", topics=[one, two], date=day(50))
    essays = [
        ("Shares two, older", [one, two], day(1)),
        ("Shares two and more", [one, two, three], day(1)),  # same day, added later
        ("Shares one, newest", [one], day(40)),
        ("Shares one, middle", [two], day(30)),
        ("Shares one, oldest", [one], day(20)),
        ("Shares none", [three], day(45)),
        ("Draft sharing two", [one, two], day(46)),
        ("Private sharing two", [one, two], day(47)),
    ]
    pages = {name: builders.essay(blog, name, topics=t, date=d) for name, t, d in essays}
    PageViewRestriction.objects.create(
        page=pages["Private sharing two"], restriction_type=PageViewRestriction.LOGIN
    )
    pages["Draft sharing two"].unpublish()
    return read, [one.pk, two.pk]


def test_related_essays_rank_by_shared_topics_then_newest_then_latest_added(ranked):
    read, topic_ids = ranked
    related = read.related_essays(topic_ids, count=6)
    assert [essay.title for essay in related] == [
        "Shares two and more",
        "Shares two, older",
        "Shares one, newest",
        "Shares one, middle",
        "Shares one, oldest",
    ]


def test_an_essay_shows_three_related_essays_and_never_itself(client, ranked):
    read, topic_ids = ranked
    assert [e.title for e in read.related_essays(topic_ids)] == [
        "Shares two and more",
        "Shares two, older",
        "Shares one, newest",
    ]
    html = client.get(read.url).content.decode()
    section = html.split('id="related-heading"')[1].split("</section>")[0]
    titles = re.findall(r"<h3[^>]*>\s*<a[^>]*>([^<]+)</a>", section)
    assert titles == ["Shares two and more", "Shares two, older", "Shares one, newest"]


def test_a_preview_of_a_new_essay_may_be_related_to_every_saved_essay(ranked, sections):
    read, topic_ids = ranked
    blog = sections["blog"]
    preview = EssayPage(title="Preview", slug="preview", summary="s", date=day(60))
    preview.depth = blog.depth + 1
    preview.path = blog.get_last_child()._inc_path()
    assert [e.title for e in preview.related_essays(topic_ids, count=3)] == [
        "The essay read",
        "Shares two and more",
        "Shares two, older",
    ]


def test_an_essay_without_topics_has_no_related_essays(ranked):
    read, _ = ranked
    assert read.related_essays([]) == []
