"""Every public page runs a fixed number of SQL queries, whatever the amount of content:
measured on a small site, then again after adding seven times as much; and the home
page reads its featured essays' renditions in one query, however many it features.
(The ceilings on single pages, on a site built once, are in tests/test_query_counts.py.)"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomeFeaturedEssay
from tests import builders
from tests.test_query_counts import count_queries

SMALL, LARGE = 3, 22  # past two pages of essays (ten a page)


def add_content(sections, count, topic, offset, images, shared):
    """`count` methods and essays; every essay also discusses the `shared` method and
    principle, so their pages and full lists grow with the content."""
    methods = []
    for n in range(count):
        methods.append(
            builders.method(
                sections["finder"],
                f"Method {offset + n}",
                low="consult",
                high="collaborate" if n % 2 else "involve",
                topics=[topic],
                participants_min=10,
                participants_max=100,
                cost_min=1000,
                cost_max=5000,
                min_weeks=4,
            )
        )
    principle = builders.principle(sections["principles"], f"Principle {offset}")
    for n in range(count):
        builders.essay(
            sections["blog"],
            f"Essay {offset + n} on engagement",
            methods=[shared["method"], *methods[n : n + 2]],
            principles=[shared["principle"], principle],
            topics=[topic],
            hero_image=images[n % len(images)],
            body=[
                ("heading", {"text": "One", "level": "h2"}),
                ("paragraph", "<p>Engagement words.</p>"),
                ("method_card", {"method": methods[n], "note": ""}),
            ],
        )
    return methods


@pytest.mark.django_db
def test_public_pages_take_the_same_number_of_queries_at_two_content_sizes(client, sections):
    topic = builders.topic("Prevention")
    images = [builders.image("Teal"), builders.image("Sand", colour=(240, 210, 150))]
    shared = {
        "method": builders.method(sections["finder"], "Shared method", topics=[topic]),
        "principle": builders.principle(sections["principles"], "Shared principle"),
    }
    first_methods = add_content(sections, SMALL, topic, 0, images, shared)
    essay = sections["blog"].get_children().live().first()
    method = shared["method"]
    principle = shared["principle"]
    finder = sections["finder"].url
    urls = {
        "home": "/",
        "essay index": sections["blog"].url,
        "essay index filtered": sections["blog"].url + f"?topic={topic.slug}&page=2",
        "essay page": essay.url,
        "method finder": finder,
        "method finder filtered": finder
        + "?level=involve&people=51-250&budget=5000&weeks=6&topic=prevention",
        "method finder empty": finder + "?level=inform",
        "compare": finder + f"compare/?m={first_methods[0].slug}&m={first_methods[1].slug}",
        "spectrum": finder + "spectrum/",
        "method page": method.url,
        "method's essays": method.url + "essays/",
        "method's essays, page 2": method.url + "essays/?page=2",
        "principles": sections["principles"].url,
        "principle page": principle.url,
        "principle's essays": principle.url + "essays/",
        "topic list": "/topics/",
        "topic page": f"/topics/{topic.slug}/",
        "search": "/search/?q=engagement",
        "feed": "/feeds/essays/rss/",
        "topic feed": f"/feeds/topics/{topic.slug}/rss/",
        "sitemap": "/sitemap.xml",
    }
    small = {name: count_queries(client, url) for name, url in urls.items()}
    add_content(sections, LARGE - SMALL, topic, SMALL, images, shared)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert large == small


@pytest.mark.django_db
def test_the_home_page_reads_its_featured_essays_renditions_in_one_query(client, sections):
    """Each featured essay shows its hero image: their renditions are read in one query,
    not one per essay, even when the cache that keeps them is empty (after a restart).
    The three latest essays have no images."""

    def rendition_reads():
        client.get("/")
        caches["default"].clear()  # Wagtail's rendition cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return [
            q
            for q in queries.captured_queries
            if q["sql"].startswith("SELECT") and "rendition" in q["sql"]
        ]

    featured = [
        builders.essay(
            sections["blog"],
            f"Featured {n}",
            hero_image=builders.image(f"Hero {n}", colour=(40 * n, 90, 90)),
            date=datetime.date(2020, 1, n),
        )
        for n in (1, 2, 3)
    ]
    for n in (1, 2, 3):
        builders.essay(sections["blog"], f"Latest {n}", date=datetime.date(2024, 1, n))
    home = builders.home()
    HomeFeaturedEssay.objects.create(page=home, essay=featured[0], sort_order=0)
    assert len(rendition_reads()) == 1
    for n in (1, 2):
        HomeFeaturedEssay.objects.create(page=home, essay=featured[n], sort_order=n)
    html = client.get("/").content.decode()
    assert all(f"Featured {n}" in html for n in (1, 2, 3))
    assert len(rendition_reads()) == 1
