"""The method finder's page (engagement/models.py, MethodIndexPage.finder): results from
the least to the most influence (lowest level, then highest, then title), filtered as
asked, and suggestions to relax the filters only when nothing is found."""

import re

import pytest

from tests import builders

pytestmark = pytest.mark.django_db


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def methods(sections):
    finder = sections["finder"]
    builders.method(finder, "Zine", low="inform", high="consult")
    builders.method(finder, "Assembly", low="involve", high="empower")
    builders.method(finder, "Survey", low="inform", high="consult")
    builders.method(finder, "Design workshop", low="consult", high="collaborate")
    builders.method(finder, "Forum", low="consult", high="involve")
    builders.method(finder, "Hidden draft", low="inform", high="inform", live=False)
    return finder


def test_results_run_from_the_least_to_the_most_influence(client, methods):
    html = client.get(methods.url).content.decode()
    assert card_titles(html) == ["Survey", "Zine", "Forum", "Design workshop", "Assembly"]


def test_a_level_filter_keeps_the_order_and_offers_no_relaxation(client, methods):
    html = client.get(methods.url, {"level": "involve"}).content.decode()
    assert card_titles(html) == ["Forum", "Design workshop", "Assembly"]
    response = client.get(methods.url, {"level": "involve"})
    assert response.context["relaxations"] == []


def test_with_nothing_found_the_page_suggests_what_to_relax(client, methods):
    response = client.get(methods.url, {"level": "empower", "budget": "1000"})
    assert card_titles(response.content.decode()) == []
    # Only Assembly reaches Empower; dropping the budget would bring it back.
    assert response.context["relaxations"] == [("Up to £1,000", 1, f"{methods.url}?level=empower")]
