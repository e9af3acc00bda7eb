"""Essay, method and principle pages, built with everything they can show, stay within a
ceiling of SQL queries; the view-restriction table is read once per page however many
lists the page filters; a private section elsewhere costs nothing more. (Every page's
count at two content sizes is in tests/test_query_counts_growth.py.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from engagement.models import (
    Framework,
    MethodPrincipleLink,
    MethodRelatedMethod,
)
from tests import builders
from tests.shared import afresh, built_once

# Queries for an uncached essay, method or principle page, routing included (the site
# with its root page and settings, the path, the page, the view restrictions: four).
# An essay ranks its related essays in one query and loads their cards in another,
# which costs less than the one query the ORM took to build.
PAGE_CEILING = 14


def count_queries(client, url, matching=""):
    """Queries for the second of two requests (the first warms per-process caches: site
    root paths, content types, renditions), or those whose SQL contains `matching`."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len([q for q in ctx.captured_queries if matching in q["sql"]])


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
@pytest.mark.parametrize(
    "kind", ["essay", "method", "principle", "home", "topic", "finder", "spectrum", "compare"]
)
def test_the_view_restriction_table_is_read_once_per_page(client, full_site, kind):
    finder = full_site["method"].get_parent().url
    url = {
        "home": "/",
        "topic": "/topics/health-and-care/",
        "finder": finder + "?level=involve",
        "spectrum": finder + "spectrum/",
        "compare": finder + f"compare/?m={full_site['method'].slug}",
    }.get(kind) or full_site[kind].url
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
