"""Every public page runs a fixed number of SQL queries, whatever the amount of content:
measured on a small site, then again after adding seven times as much. Essay, method and
principle pages, built with everything they can show, stay within a ceiling; and the
view-restriction table is read once per page however many lists the page filters."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from engagement.models import (
    Framework,
    MethodPrincipleLink,
    MethodRelatedMethod,
)
from home.models import HomeFeaturedEssay
from tests import builders
from tests.shared import afresh, built_once

SMALL, LARGE = 3, 22  # past two pages of essays (ten a page)
# Queries for an uncached essay, method or principle page, routing included (the site
# with its root page and settings, the path, the page, the view restrictions: four).
# An essay ranks its related essays in one query and loads their cards in another,
# which costs less than the one query the ORM took to build.
PAGE_CEILING = 14


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


def count_queries(client, url, matching=""):
    """Queries for the second of two requests (the first warms per-process caches: site
    root paths, content types, renditions), or those whose SQL contains `matching`."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len([q for q in ctx.captured_queries if matching in q["sql"]])


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


def _build_full_site():
    """An essay, a method and a principle with everything their pages can show: images,
    authors with photos, topics and sub-topics, methods and principles discussed, text
    links to every page type, method cards, related essays and neighbours."""
    sections = builders.site_sections()
    care = builders.topic("Health and care")
    prevention = builders.topic("Prevention", parent=care)
    hero, photo = builders.image("Hero"), builders.image("Portrait", size=(200, 200))
    framework = Framework.objects.create(name="The Gunning principles", url="https://x.org/")
    principle = builders.principle(
        sections["principles"], "Feed back what changed", framework=framework
    )
    principle.topics.set([care])
    helper = builders.method(sections["finder"], "World café", topics=[care])
    method = builders.method(sections["finder"], "Citizens' jury", topics=[care, prevention])
    method.purposes.set([builders.purpose("Deliberate"), builders.purpose("Decide")])
    method.related_method_links.add(MethodRelatedMethod(method=helper, note="Warm up"))
    method.principle_links.add(MethodPrincipleLink(principle=principle, effect="supports"))
    method.body = [
        ("paragraph", f'<p>See <a linktype="page" id="{principle.pk}">feedback</a>.</p>'),
        ("method_card", {"method": helper, "note": "Pairs well"}),
    ]
    builders.publish(method)
    principle.body = [("method_card", {"method": method, "note": ""})]
    builders.publish(principle)
    authors = [builders.person("Sam Ellery", photo=photo), builders.person("Ana Okafor")]
    for n in range(4):
        builders.essay(
            sections["blog"],
            f"Background {n}",
            topics=[care],
            methods=[method],
            principles=[principle],
            hero_image=hero,
        )
    body = [("heading", {"text": f"Part {n}", "level": "h2"}) for n in range(3)]
    body += [
        (
            "paragraph",
            f'<p><a linktype="page" id="{method.pk}">A method</a>, '
            f'<a linktype="page" id="{principle.pk}">a principle</a> and '
            f'<a linktype="page" id="{sections["finder"].pk}">the finder</a>.</p>',
        ),
        ("method_card", {"method": helper, "note": ""}),
        # Links in several paragraphs are loaded together, not a query per paragraph.
        ("paragraph", f'<p>More on <a linktype="page" id="{helper.pk}">cafés</a>.</p>'),
        ("paragraph", f'<p>And <a linktype="page" id="{sections["blog"].pk}">essays</a>.</p>'),
    ]
    essay = builders.essay(
        sections["blog"],
        "On juries",
        topics=[care, prevention],
        methods=[method, helper],
        principles=[principle],
        authors=authors,
        hero_image=hero,
        promote_image=hero,
        body=body,
    )
    return {"essay": essay, "method": method, "principle": principle}


full_site_built_once = built_once("full_site", _build_full_site)


@pytest.fixture
def full_site(full_site_built_once, db):
    """The pages of `_build_full_site`, built once for this module (tests/shared.py)."""
    return afresh(full_site_built_once)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["essay", "method", "principle"])
def test_essay_method_and_principle_pages_stay_within_the_ceiling(client, full_site, kind):
    page = full_site[kind]
    if kind == "essay":  # the fixture really shows what it claims
        html = client.get(page.url).content.decode()
        assert "author-box__photo" in html and 'id="related-heading"' in html
    assert count_queries(client, page.url) <= PAGE_CEILING


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["essay", "method", "principle", "home", "topic"])
def test_the_view_restriction_table_is_read_once_per_page(client, full_site, kind):
    url = {"home": "/", "topic": "/topics/health-and-care/"}.get(kind) or full_site[kind].url
    assert count_queries(client, url, matching='FROM "wagtailcore_pageviewrestriction"') == 1


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["essay", "method", "home"])
def test_a_private_section_elsewhere_costs_no_more_queries(client, full_site, kind):
    """Each restriction's page depth and path come with the one read of the table,
    not in a query of their own as the page is routed and its lists filtered."""
    url = {"home": "/"}.get(kind) or full_site[kind].url
    before = count_queries(client, url)
    private = builders.principle(full_site["principle"].get_parent(), "Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert count_queries(client, url, matching='FROM "wagtailcore_pageviewrestriction"') == 1
    assert count_queries(client, url) == before


@pytest.mark.django_db
@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_private_page_asks_for_its_password_or_a_login_after_one_read(
    client, full_site, restriction_type
):
    """Checking a private page's restriction reads its kind and password from the one
    read of the table, not from a query of their own."""
    essay = full_site["essay"]
    PageViewRestriction.objects.create(
        page=essay, restriction_type=restriction_type, password="sesame"
    )
    client.get(essay.url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(essay.url)
    reads = [
        q for q in ctx.captured_queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]
    ]
    assert response.status_code == (200 if restriction_type == "password" else 302)
    assert len(reads) == 1
