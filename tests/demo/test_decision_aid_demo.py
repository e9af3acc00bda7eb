"""The "Should we engage?" page as the demo content sets it up: every default rule's path, the
verdicts they give together, and the link into the finder for each.

The demo is loaded once for the package, by a first `make run` (`first_run`, see
conftest.py); each test runs in its own savepoint."""

import io
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command

from engagement import verdict as engine
from engagement.decision import DecisionAidPage, rules_from
from home.demo.decision import RULES

URL = "/engagement/should-we-engage/"
# Nothing holds it back: the problem is open, the decision shared, time and money ample.
ALL_CLEAR = {
    "open": "problem",
    "decides": "share",
    "time": "longer",
    "budget": "more",
    "people": "16-50",
    "seldom-heard": "no",
    "duty": "no",
    "asked-before": "no",
}

# (changed answers, verdict heading, words from the reason that must be shown)
PATHS = [
    ({}, "Engage at Empower", "None of your answers limits"),
    ({"open": "nothing"}, "Not yet", "The decision has been made"),
    ({"decides": "unknown"}, "Not yet", "Find out who makes the decision"),
    ({"decides": "silent"}, "Not yet", "Ask the decision-maker to commit"),
    ({"time": "2-weeks"}, "Not yet", "Two weeks is too short"),
    ({"seldom-heard": "unreached"}, "Not yet", "Work out how to reach the people"),
    ({"asked-before": "not-fed-back"}, "Not yet", "Tell people what happened"),
    ({"open": "details"}, "Engage at Consult", "Only the details are open"),
    ({"open": "options"}, "Engage at Involve", "People can choose between options"),
    ({"decides": "respond"}, "Engage at Collaborate", "The decision stays with"),
    ({"time": "6-weeks"}, "Engage at Consult", "Up to six weeks leaves room"),
    ({"time": "3-months"}, "Engage at Involve", "Up to three months is enough"),
    ({"time": "6-months"}, "Engage at Collaborate", "Three to six months allows"),
    ({"budget": "under-1000"}, "Engage at Consult", "With almost no budget"),
    ({"budget": "up-to-5000"}, "Engage at Involve", "Up to £5,000 pays for"),
    ({"duty": "yes"}, "Engage at Empower", "A legal duty brings the Gunning principles"),
    ({"duty": "yes", "time": "6-weeks"}, "Engage at Consult", "Six weeks is at the short end"),
    ({"duty": "unsure"}, "Engage at Empower", "Check with your legal team"),
    ({"seldom-heard": "unchecked"}, "Engage at Empower", "Check who is affected"),
    ({"seldom-heard": "reached"}, "Engage at Empower", "Budget for what people need"),
    ({"asked-before": "fed-back"}, "Engage at Empower", "Start from what people told you"),
    ({"budget": "unknown"}, "Engage at Empower", "Agree a budget before you plan"),
]


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_run")]


def ask(client, answers):
    response = client.get(URL, answers)
    assert response.status_code == 200
    return response.content.decode()


def words(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def verdict_box(html):
    found = re.search(r'<section class="verdict.*?</section>', html, re.S)
    return found.group(0) if found else ""


def heading(html):
    found = re.search(r'id="verdict-heading">(.*?)</h2>', html, re.S)
    return words(found.group(1)) if found else None


@pytest.mark.parametrize(
    "changes, expected, reason",
    PATHS,
    ids=[" ".join(f"{k}={v}" for k, v in c.items()) or "none" for c, _, _ in PATHS],
)
def test_each_default_rule(client, changes, expected, reason):
    html = ask(client, {**ALL_CLEAR, **changes})
    assert heading(html) == expected
    assert reason in words(verdict_box(html))


def test_every_default_rule_has_a_path_above():
    """A rule added to the demo without a test path fails here."""
    page = DecisionAidPage.objects.get()
    rules = rules_from(page.rules)
    assert len(rules) == len(RULES)
    covered = set()
    for changes, _, _ in PATHS:
        answers = {**ALL_CLEAR, **changes}
        covered |= {rule.number for rule in rules if rule.applies(answers)}
    assert covered == {rule.number for rule in rules}


def test_the_demo_stays_within_eight_questions_with_every_answer_used_or_filtering():
    page = DecisionAidPage.objects.get()
    questions = [child.value for child in page.questions]
    assert 1 <= len(questions) <= engine.MAX_QUESTIONS == 8
    assert page.live and page.url == URL
    assert page.highest_level.slug == "empower" and page.meanwhile_level.slug == "inform"


def test_not_yet_beats_a_level_and_hides_it(client):
    html = ask(client, {**ALL_CLEAR, "open": "nothing", "budget": "under-1000"})
    assert heading(html) == "Not yet"
    box = words(verdict_box(html))
    assert "The decision has been made" in box
    assert "With almost no budget" not in box


def test_the_most_cautious_level_wins_and_only_its_reasons_show(client):
    html = ask(client, {**ALL_CLEAR, "open": "options", "time": "6-weeks", "decides": "respond"})
    assert heading(html) == "Engage at Consult"
    box = words(verdict_box(html))
    assert "Up to six weeks leaves room" in box
    assert "People can choose between options" not in box
    assert "The decision stays with" not in box


def test_several_not_yet_rules_each_say_what_to_do_first(client):
    html = ask(client, {**ALL_CLEAR, "decides": "unknown", "asked-before": "not-fed-back"})
    first = re.search(r"<h3>What to do first</h3>\s*<ul[^>]*>(.*?)</ul>", html, re.S).group(1)
    assert first.count("<li>") == 2
    assert "Find out who makes the decision" in first and "Tell people what happened" in first


def test_principles_at_stake_link_the_demo_principles(client):
    html = ask(client, {**ALL_CLEAR, "open": "nothing"})
    box = verdict_box(html)
    assert 'href="/engagement/principles/consult-at-a-formative-stage/"' in box
    assert 'href="/engagement/principles/make-a-difference/"' in box


def finder_query(html):
    found = re.search(r'<div class="verdict__next">\s*<p><a class="button" href="([^"]+)"', html)
    assert found, "no link to the finder"
    url = urlsplit(unescape(found.group(1)))
    assert url.path == "/engagement/methods/"
    return parse_qsl(url.query)


def test_the_finder_link_has_the_level_budget_time_and_group_size(client):
    answers = {
        **ALL_CLEAR,
        "open": "options",
        "time": "3-months",
        "budget": "up-to-20000",
        "people": "51-250",
    }
    html = ask(client, answers)
    assert finder_query(html) == [
        ("level", "involve"),
        ("people", "51-250"),
        ("budget", "20000"),
        ("weeks", "12"),
    ]
    assert "filtered by your group size, budget and time" in html


def test_unfiltered_answers_leave_the_finder_unfiltered_by_them(client):
    html = ask(client, {**ALL_CLEAR, "budget": "unknown"})
    assert finder_query(html) == [("level", "empower"), ("people", "16-50")]


def test_the_finder_link_while_waiting_offers_inform(client):
    html = ask(client, {**ALL_CLEAR, "open": "nothing", "budget": "up-to-5000"})
    assert finder_query(html) == [("level", "inform"), ("people", "16-50"), ("budget", "5000")]
    finder = client.get("/engagement/methods/?level=inform&people=16-50&budget=5000")
    assert finder.status_code == 200 and b"We ignored" not in finder.content


def test_loading_the_demo_again_changes_nothing():
    before = DecisionAidPage.objects.get()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "nothing to do" in out.getvalue()
    after = DecisionAidPage.objects.get()
    assert after.latest_revision_id == before.latest_revision_id
