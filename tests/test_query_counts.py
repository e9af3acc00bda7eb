"""Every public page runs a fixed number of SQL queries, whatever the amount of content:
measured on a small site, then again after adding ten times as much."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import builders

SMALL, LARGE = 3, 30


def add_content(sections, count, topic, offset, images):
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
            methods=methods[n : n + 2],
            principles=[principle],
            topics=[topic],
            hero_image=images[n % len(images)],
            body=[
                ("heading", {"text": "One", "level": "h2"}),
                ("paragraph", "<p>Engagement words.</p>"),
                ("method_card", {"method": methods[n], "note": ""}),
            ],
        )
    return methods


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_public_pages_take_the_same_number_of_queries_at_two_content_sizes(client, sections):
    topic = builders.topic("Prevention")
    images = [builders.image("Teal"), builders.image("Sand", colour=(240, 210, 150))]
    first_methods = add_content(sections, SMALL, topic, offset=0, images=images)
    essay = sections["blog"].get_children().live().first()
    method = first_methods[0]
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
        "principles": sections["principles"].url,
        "topic list": "/topics/",
        "topic page": f"/topics/{topic.slug}/",
        "search": "/search/?q=engagement",
        "feed": "/feeds/essays/rss/",
        "sitemap": "/sitemap.xml",
    }
    small = {name: count_queries(client, url) for name, url in urls.items()}
    add_content(sections, LARGE - SMALL, topic, offset=SMALL, images=images)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert large == small
