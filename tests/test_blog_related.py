"""The related essays under an essay: ranked by how many topics they share with it, then
newest first, then the one added last; never the essay itself, a draft or a private
essay; also for a preview of an essay not yet saved."""

import datetime
import re

import pytest
from django.db.models.signals import post_init
from wagtail.models import PageViewRestriction

from blog.models import EssayPage
from tests import builders
from tests.shared import afresh, built_once

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 1, 1)


def day(n):
    return DAY + datetime.timedelta(days=n)


def _build_ranked():
    """An essay on two topics, and others sharing two, one or none of them."""
    sections = builders.site_sections()
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


ranked_built_once = built_once("ranked", _build_ranked)


@pytest.fixture
def ranked(ranked_built_once, db):
    """The essays of `_build_ranked`, built once for this module (tests/shared.py)."""
    return afresh(ranked_built_once)


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


def test_only_the_essays_shown_are_loaded_not_every_essay(ranked):
    read, topic_ids = ranked
    loaded = []

    def note(sender, instance, **kwargs):
        loaded.append(instance.title)

    post_init.connect(note, sender=EssayPage)
    try:
        related = read.related_essays(topic_ids, count=2)
    finally:
        post_init.disconnect(note, sender=EssayPage)
    assert [essay.title for essay in related] == ["Shares two and more", "Shares two, older"]
    assert sorted(loaded) == sorted(essay.title for essay in related)


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
