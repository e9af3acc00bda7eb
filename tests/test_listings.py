"""Listings readers page through and subscribe to: the spectrum's content and order
(on its page and the home page), the essays index beyond its first page and its notes
on odd page numbers, which essays the home page shows as latest and where it leads,
the feeds' length and the all-essays Atom feed, and how a search is cleaned and when
it is cut short with a note."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from blog.feeds import FEED_LENGTH
from home.views import MAX_QUERY_LENGTH, clean_query
from tests import builders
from tests.reading import notices

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def essays_on(sections, count, start=datetime.date(2020, 1, 1)):
    """`count` live essays, one a day from `start`, titled "Essay 001" onwards."""
    return [
        builders.essay(sections["blog"], f"Essay {n:03}", date=start + datetime.timedelta(days=n))
        for n in range(1, count + 1)
    ]


CARD_TITLE = r'class="card__title"><a href="[^"]+">(Essay \d{3})</a>'


def titles_in(html, pattern=CARD_TITLE):
    return re.findall(pattern, html)


# The spectrum ---------------------------------------------------------------------------


def test_the_spectrum_lists_every_visible_method_by_its_range_in_words(client, sections):
    finder = sections["finder"]
    builders.method(finder, "Survey", low="consult", high="consult")
    builders.method(finder, "Citizens jury", low="involve", high="collaborate")
    builders.method(finder, "Draft method", live=False)
    private = builders.method(finder, "Private method")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = text(client.get(finder.url + "spectrum/"))
    rows = re.findall(r'class="spectrum__name" href="[^"]+">([^<]+)</a>', html)
    assert rows == ["Survey", "Citizens jury"]
    assert "Consult</span>" in html
    assert "Involve to Collaborate" in html
    scale = re.findall(r'spectrum__level-name">([^<]+)<', html)
    assert scale == ["Inform", "Consult", "Involve", "Collaborate", "Empower"]


@pytest.mark.parametrize("where", ["spectrum page", "home page"])
def test_the_spectrum_orders_methods_from_least_to_most_influence(client, sections, where):
    finder = sections["finder"]
    builders.method(finder, "Bravo", low="involve", high="empower")
    builders.method(finder, "Alpha", low="involve", high="empower")
    builders.method(finder, "Wide", low="inform", high="empower")
    builders.method(finder, "Narrow", low="involve", high="involve")
    html = text(client.get(finder.url + "spectrum/" if where == "spectrum page" else "/"))
    rows = re.findall(r'class="spectrum__name" href="[^"]+">([^<]+)</a>', html)
    # Lowest level first, then the narrower range, then by title.
    assert rows == ["Wide", "Narrow", "Alpha", "Bravo"]


# The essays index past page 1 -----------------------------------------------------------


def test_the_second_page_of_essays_continues_where_the_first_stopped(client, sections):
    essays_on(sections, 13)
    first = titles_in(text(client.get("/essays/")))
    second = titles_in(text(client.get("/essays/?page=2")))
    assert first == [f"Essay {n:03}" for n in range(13, 3, -1)]
    assert second == ["Essay 003", "Essay 002", "Essay 001"]


@pytest.mark.parametrize(
    ("page", "note", "shown"),
    [
        ("0", "Pages start at 1, so here is the first page.", "Essay 013"),
        ("-4", "Pages start at 1, so here is the first page.", "Essay 013"),
        ("99", "There are only 2 pages, so here is the last one.", "Essay 003"),
        ("two", "That page number wasn't recognised, so here is the first page.", "Essay 013"),
    ],
)
def test_an_odd_page_number_gets_a_page_and_a_note(client, sections, page, note, shown):
    essays_on(sections, 13)
    html = text(client.get(f"/essays/?page={page}"))
    assert notices(html) == [note]
    assert titles_in(html)[0] == shown


# The home page's latest essays ----------------------------------------------------------


def test_the_home_page_shows_the_three_newest_visible_essays(client, sections):
    essays_on(sections, 5)
    builders.essay(sections["blog"], "Essay 900", date=datetime.date(2030, 1, 1), live=False)
    hidden = builders.essay(sections["blog"], "Essay 901", date=datetime.date(2030, 1, 2))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = text(client.get("/"))
    assert titles_in(html) == ["Essay 005", "Essay 004", "Essay 003"]


def test_the_home_pages_latest_essays_go_by_date_then_the_newest_added(client, sections):
    for n in range(1, 5):
        builders.essay(sections["blog"], f"Essay {n:03}", date=datetime.date(2024, 1, 1))
    builders.essay(sections["blog"], "Essay 005", date=datetime.date(2023, 1, 1))
    assert titles_in(text(client.get("/"))) == ["Essay 004", "Essay 003", "Essay 002"]


def test_the_home_page_leads_to_the_essays_the_finder_the_spectrum_and_the_topics(client, site):
    html = text(client.get("/"))
    blog, finder = site["blog"].url, site["finder"].url
    assert f'href="{blog}">Read the essays</a>' in html
    assert f'href="{blog}">All essays</a>' in html
    assert f'href="{finder}">Find a method</a>' in html
    assert f'href="{finder}">Open the method finder</a>' in html
    assert "Find a method to fit your question, people and budget." in html
    assert f'href="{finder}spectrum/">See the spectrum in full</a>' in html
    scale = re.findall(r'spectrum__level-name">([^<]+)<', html)
    assert scale == ["Inform", "Consult", "Involve", "Collaborate", "Empower"]
    topics = html.split('id="topics-heading"')[1].split("</section>")[0]
    assert 'href="/topics/health-and-care/">Health and care</a>' in topics
    assert 'href="/topics/prevention/">Prevention</a>' in topics


# Feeds ----------------------------------------------------------------------------------


def test_the_essay_feeds_stop_at_their_length_newest_first(client, sections):
    essays_on(sections, FEED_LENGTH + 3)
    rss = text(client.get("/feeds/essays/rss/"))
    titles = titles_in(rss, r"<title>(Essay \d{3})</title>")
    assert len(titles) == FEED_LENGTH
    assert titles[0] == f"Essay {FEED_LENGTH + 3:03}"
    assert "Essay 003" not in titles


def test_the_all_essays_atom_feed_lists_live_essays_only(client, sections):
    essays_on(sections, 2)
    builders.essay(sections["blog"], "Essay 900", live=False)
    atom = text(client.get("/feeds/essays/atom/"))
    assert atom.lstrip().startswith("<?xml")
    assert "<feed" in atom
    titles = titles_in(atom, r"<title>(Essay \d{3})</title>")
    assert titles == ["Essay 002", "Essay 001"]


# Search ---------------------------------------------------------------------------------


def test_a_very_long_search_is_cut_short_with_a_note(client, site):
    html = text(client.get("/search/", {"q": "prevention " + "x" * (MAX_QUERY_LENGTH * 2)}))
    assert f"we used its first {MAX_QUERY_LENGTH} characters" in html
    # The search box keeps what was searched for: the first MAX_QUERY_LENGTH characters.
    searched = re.search(r'name="q"[^>]*value="([^"]*)"', html) or re.search(
        r'value="([^"]*)"[^>]*name="q"', html
    )
    assert searched and len(searched.group(1)) == MAX_QUERY_LENGTH


def test_a_search_within_the_limit_has_no_note(client, site):
    html = text(client.get("/search/", {"q": "prevention"}))
    assert "we used its first" not in html
    at_the_limit = "prevention " + "x" * (MAX_QUERY_LENGTH - len("prevention "))
    assert len(at_the_limit) == MAX_QUERY_LENGTH
    assert "we used its first" not in text(client.get("/search/", {"q": at_the_limit}))


def test_control_characters_are_dropped_from_a_search(client, site):
    # PostgreSQL rejects a NUL in a query; a bell or a tab pasted in means nothing.
    assert clean_query("  preven\x00tion\x07 \tand  care ") == ("prevention and care", False)
    html = text(client.get("/search/", {"q": "preven\x00tion"}))
    assert "On prevention" in html


def test_a_line_break_or_tab_in_a_search_separates_words(client, site):
    # Pasted from a list or a form with several lines: the words must not run together.
    assert clean_query("citizens\njury\tcosts\r\n") == ("citizens jury costs", False)
    html = text(client.get("/search/", {"q": "on\nprevention"}))
    assert 'value="on prevention"' in html
    assert "On prevention" in html.split("</form>", 1)[1]
