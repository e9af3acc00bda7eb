"""Pages stay the same size however much content there is: a method or principle page
shows the newest essays that discuss it and links to all of them, a page at a time; a
topic page shows the newest essays and the first method guides and links to the essays
index and the method finder, filtered by the topic, for the rest."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from engagement.models import MethodPage
from tests import builders

SHOWN = MethodPage.essays_shown
FEW, MANY = 3, 20  # MANY: past the page bound (6) and two pages of the full list (10 each)


def text(response):
    return response.content.decode()


def essay_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">(Essay [^<]+)</a>', html)


def add_essays(sections, count, start=0, method=None, principle=None, topic=None):
    """`count` essays, one a day from 1 March 2020, discussing `method`/`principle`."""
    for n in range(start, start + count):
        builders.essay(
            sections["blog"],
            f"Essay {n:02d}",
            methods=[method] if method else [],
            principles=[principle] if principle else [],
            topics=[topic] if topic else [],
            date=datetime.date(2020, 3, 1) + datetime.timedelta(days=n),
        )


def add_hidden_essays(sections, method=None, topic=None):
    """A draft, an unpublished and a private essay, all discussing `method` on `topic`."""
    links = {"methods": [method] if method else [], "topics": [topic] if topic else []}
    builders.essay(sections["blog"], "Hidden draft", live=False, **links)
    builders.essay(sections["blog"], "Hidden withdrawn", **links).unpublish()
    private = builders.essay(sections["blog"], "Hidden private", **links)
    PageViewRestriction.objects.create(page=private, restriction_type="login")


@pytest.fixture
def method(sections):
    return builders.method(sections["finder"], "Citizens' jury")


def longest_card(html):
    cards = re.findall(r'<article class="card card--essay.*?</article>', html, re.S)
    return max(len(card) for card in cards)


# ---------- Method and principle pages ----------


@pytest.mark.django_db
def test_method_page_stays_within_the_few_items_bound_as_essays_grow(client, sections, method):
    add_essays(sections, FEW, method=method)
    few = text(client.get(method.url))
    add_essays(sections, MANY - FEW, start=FEW, method=method)
    many = text(client.get(method.url))
    assert len(essay_titles(few)) == FEW and len(essay_titles(many)) == SHOWN
    # At most the cards up to the bound, plus the count and the "See all" link.
    assert len(many) - len(few) <= (SHOWN - FEW) * longest_card(few) + 400


@pytest.mark.django_db
def test_method_page_shows_the_newest_essays_the_total_and_a_link_to_all(client, sections, method):
    add_essays(sections, MANY, method=method)
    body = text(client.get(method.url))
    assert essay_titles(body) == [f"Essay {n:02d}" for n in range(MANY - 1, MANY - 1 - SHOWN, -1)]
    assert f"{MANY} essays discuss this method" in body
    assert f'href="{method.url}essays/">See all {MANY} essays' in body


@pytest.mark.django_db
def test_with_few_essays_all_are_shown_and_there_is_no_see_all_link(client, sections, method):
    add_essays(sections, 1, method=method)
    body = text(client.get(method.url))
    assert "1 essay discusses this method" in body
    assert "See all" not in body and f"{method.url}essays/" not in body


@pytest.mark.django_db
def test_hidden_essays_are_neither_shown_nor_counted(client, sections, method):
    add_essays(sections, SHOWN + 1, method=method)
    add_hidden_essays(sections, method=method)
    body = text(client.get(method.url))
    listing = text(client.get(method.url + "essays/"))
    assert f"{SHOWN + 1} essays discuss this method" in body
    assert f"See all {SHOWN + 1} essays" in body
    assert f"{SHOWN + 1} essays, newest first" in listing
    for html in (body, listing):
        assert "Hidden" not in html


@pytest.mark.django_db
def test_principle_page_is_bounded_the_same_way(client, sections):
    principle = builders.principle(sections["principles"], "Feed back what changed")
    add_essays(sections, SHOWN + 2, principle=principle)
    body = text(client.get(principle.url))
    assert len(essay_titles(body)) == SHOWN
    assert f"{SHOWN + 2} essays discuss this principle" in body
    listing = text(client.get(principle.url + "essays/"))
    assert len(essay_titles(listing)) == SHOWN + 2
    assert "<h1>Essays that discuss Feed back what changed</h1>" in listing


# ---------- The full, paginated list ----------


@pytest.mark.django_db
def test_full_list_pages_through_every_essay_newest_first(client, sections, method):
    add_essays(sections, MANY, method=method)
    per_page = MethodPage.essays_per_page
    seen = []
    for number in range(1, MANY // per_page + 1):
        seen += essay_titles(text(client.get(method.url + f"essays/?page={number}")))
    assert seen == [f"Essay {n:02d}" for n in range(MANY - 1, -1, -1)]


@pytest.mark.django_db
def test_full_list_has_title_breadcrumbs_and_canonical_address(client, sections, method):
    add_essays(sections, 2, method=method)
    body = text(client.get(method.url + "essays/?page=1"))
    assert "<title>Essays that discuss Citizens&#x27; jury · " in body
    assert f'<link rel="canonical" href="http://testserver{method.url}essays/">' in body
    crumbs = body.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert f'<a href="{method.url}">Citizens&#x27; jury</a>' in crumbs
    assert f'<a href="{method.url}essays/" aria-current="page">Essays</a>' in crumbs


@pytest.mark.django_db
def test_full_list_of_a_page_no_essay_discusses_says_so(client, sections, method):
    response = client.get(method.url + "essays/")
    assert response.status_code == 200
    assert "No essays discuss this method yet." in text(response)


@pytest.mark.django_db
def test_full_list_takes_the_same_queries_for_few_and_many_essays(client, sections, method):
    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add_essays(sections, FEW, method=method)
    few = [queries(method.url + "essays/"), queries(method.url + "essays/?page=2")]
    add_essays(sections, MANY - FEW, start=FEW, method=method)
    many = [queries(method.url + "essays/"), queries(method.url + "essays/?page=2")]
    assert few == many


# ---------- Topic pages ----------


@pytest.fixture
def topic_site(sections):
    care = builders.topic("Health and care")
    prevention = builders.topic("Prevention", parent=care)
    return {**sections, "care": care, "prevention": prevention}


@pytest.mark.django_db
def test_topic_page_stays_within_the_few_items_bound_as_essays_grow(client, topic_site):
    url = "/topics/health-and-care/"
    add_essays(topic_site, FEW, topic=topic_site["prevention"])
    few = text(client.get(url))
    add_essays(topic_site, MANY - FEW, start=FEW, topic=topic_site["prevention"])
    many = text(client.get(url))
    assert len(essay_titles(many)) == SHOWN
    assert len(many) - len(few) <= (SHOWN - FEW) * longest_card(few) + 400


@pytest.mark.django_db
def test_topic_page_links_to_the_essays_index_filtered_by_topic(client, topic_site):
    add_essays(topic_site, SHOWN + 4, topic=topic_site["prevention"])
    add_hidden_essays(topic_site, topic=topic_site["care"])
    body = text(client.get("/topics/health-and-care/"))
    assert essay_titles(body)[0] == f"Essay {SHOWN + 3:02d}"
    link = f'href="{topic_site["blog"].url}?topic=health-and-care">See all {SHOWN + 4} essays'
    assert link in body
    index = text(client.get(topic_site["blog"].url, {"topic": "health-and-care"}))
    assert f"{SHOWN + 4} essays on Health and care" in index


@pytest.mark.django_db
def test_topic_page_bounds_method_guides_and_links_to_the_finder(client, topic_site):
    for n in range(SHOWN + 2):
        builders.method(topic_site["finder"], f"Method {n:02d}", topics=[topic_site["care"]])
    body = text(client.get("/topics/health-and-care/"))
    assert body.count('class="card card--method"') == SHOWN
    finder_link = f'href="{topic_site["finder"].url}?topic=health-and-care"'
    assert f"{finder_link}>See all {SHOWN + 2} method guides on Health and care" in body
    finder = text(client.get(topic_site["finder"].url, {"topic": "health-and-care"}))
    assert f"{SHOWN + 2} methods match your filters" in finder


@pytest.mark.django_db
def test_topic_page_with_few_items_has_no_see_all_links(client, topic_site):
    add_essays(topic_site, 2, topic=topic_site["care"])
    body = text(client.get("/topics/health-and-care/"))
    assert "See all" not in body
