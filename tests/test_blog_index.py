"""The essays index's filters (which topics and years it offers, what each choice lists,
the notes on a choice it cannot honour) and an essay's own date and table of contents."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.models import EssayPage
from tests import builders

pytestmark = pytest.mark.django_db

ALL = ["Repairs 2023", "Parks 2023", "Untagged 2022", "Housing 2021", "Buses 2020"]
CARD_TITLE = r'class="card__title"><a href="[^"]+">([^<]+)</a>'


@pytest.fixture
def essays(sections):
    blog = sections["blog"]
    housing = builders.topic("Housing")
    repairs = builders.topic("Repairs", parent=housing)
    builders.topic("Unused")
    parks = builders.topic("Parks")
    lonely = builders.topic("Only in a draft")
    builders.essay(blog, "Repairs 2023", topics=[repairs], date=datetime.date(2023, 5, 1))
    builders.essay(blog, "Housing 2021", topics=[housing], date=datetime.date(2021, 5, 1))
    builders.essay(blog, "Parks 2023", topics=[parks], date=datetime.date(2023, 2, 1))
    builders.essay(blog, "Untagged 2022", date=datetime.date(2022, 5, 1))
    buses = builders.topic("Buses", parent=builders.topic("Transport"))
    builders.essay(blog, "Buses 2020", topics=[buses], date=datetime.date(2020, 5, 1))
    builders.essay(blog, "Draft 2019", topics=[lonely], date=datetime.date(2019, 1, 1), live=False)
    private = builders.essay(blog, "Private 2018", topics=[lonely], date=datetime.date(2018, 1, 1))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return blog


def listing(client, blog, **query):
    response = client.get(blog.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    return response.context, re.findall(CARD_TITLE, html), html


def test_the_index_offers_the_topics_and_years_of_the_essays_a_reader_may_see(client, essays):
    context, titles, html = listing(client, essays)
    assert titles == ALL
    # A broad topic is offered when only its sub-topic has essays: it gathers them.
    names = sorted(t.name for t in context["topics"])
    assert names == ["Buses", "Housing", "Parks", "Repairs", "Transport"]
    assert context["years"] == [2023, 2022, 2021, 2020]
    assert context["notes"] == [] and context["topic"] is None and context["year"] is None
    assert 'class="clear-link"' not in html and " selected>" not in html


CHOICES = [  # (what the reader chose, the essays listed)
    ({"topic": "housing"}, ["Repairs 2023", "Housing 2021"]),
    ({"topic": "repairs"}, ["Repairs 2023"]),
    ({"topic": "transport"}, ["Buses 2020"]),
    ({"year": "2023"}, ["Repairs 2023", "Parks 2023"]),
    ({"topic": " housing ", "year": " 2021 "}, ["Housing 2021"]),
]


def test_choosing_a_topic_or_year_lists_its_essays(client, essays, subtests):
    for query, expected in CHOICES:  # one set of essays for all: each visit only reads
        with subtests.test(**query):
            context, titles, html = listing(client, essays, **query)
            assert titles == expected
            assert context["notes"] == []
            count = re.search(r'<p class="result-count"[^>]*>([^<]+)</p>', html)[1]
            assert count.startswith(f"{len(expected)} essay{'s' if len(expected) > 1 else ''}")
            # The chosen year stays chosen in the form, is said, and can be cleared.
            year = query.get("year", "").strip()
            assert re.findall(r'<option value="(\d+)" selected>', html) == ([year] if year else [])
            assert count.endswith(f" from {year}") == bool(year)
            assert 'class="clear-link"' in html


EMPTY_CHOICES = [  # (what the reader chose, the note shown above all the essays)
    ({"topic": "unused"}, "There are no essays on the topic “unused”; showing all."),
    (
        {"topic": "only-in-a-draft"},
        "There are no essays on the topic “only-in-a-draft”; showing all.",
    ),
    ({"topic": "x" * 50}, f"There are no essays on the topic “{'x' * 40}”; showing all."),
    ({"year": "2019"}, "There are no essays from “2019”; showing all years."),
    ({"year": "12345678901234"}, "There are no essays from “1234567890”; showing all years."),
]


def test_a_choice_with_no_essays_shows_all_with_a_note(client, essays, subtests):
    for query, note in EMPTY_CHOICES:
        with subtests.test(**query):
            context, titles, _ = listing(client, essays, **query)
            assert context["notes"] == [note]
            assert titles == ALL


def test_an_essay_without_a_date_takes_the_day_it_is_first_published(sections):
    essay = builders.essay(sections["blog"], "Undated", live=False)
    essay.date = None
    essay.save()
    assert EssayPage.objects.get(pk=essay.pk).date is None  # a draft keeps no date
    assert essay.display_date == timezone.now().date()
    builders.publish(essay)
    assert essay.date == essay.first_published_at.date()
    again = EssayPage.objects.get(pk=essay.pk)
    again.first_published_at = timezone.now() - datetime.timedelta(days=400)
    again.date = None
    again.save()
    assert again.date == again.first_published_at.date()
    assert again.display_date == again.date


def test_an_essays_headings_make_its_table_of_contents(sections):
    body = [
        ("heading", {"text": "Why it matters", "level": "h2"}),
        ("paragraph", "<p>Words.</p>"),
        ("heading", {"text": "A detail", "level": "h3"}),
    ]
    essay = builders.essay(sections["blog"], "With parts", body=body)
    ids = [child.id for child in essay.body if child.block_type == "heading"]
    assert essay.headings == [
        (f"why-it-matters-{ids[0][:8]}", "Why it matters", "h2"),
        (f"a-detail-{ids[1][:8]}", "A detail", "h3"),
    ]


@pytest.mark.django_db
def test_the_page_links_number_every_page_and_keep_the_chosen_topic(client, sections):
    topic = builders.topic("Housing")
    for n in range(11):
        builders.essay(sections["blog"], f"Housing essay {n}", topics=[topic])
    html = client.get(sections["blog"].url, {"topic": "housing"}).content.decode()
    nav = html[html.index('class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r'href="\?([^"]+)"', nav) == [
        "topic=housing&amp;page=1",
        "topic=housing&amp;page=2",
        "topic=housing&amp;page=2",  # "Older"
    ]
    assert 'aria-current="page"><span class="visually-hidden">Page </span>1</a>' in nav
