"""The "Should we engage?" page (engagement/decision.py, engagement/verdict.py) with the
usual questions and rules, built once: how answers become a verdict, the link into the
finder, junk in the address, drafts and private principles never linked, the admin's
tabs, the page cache, search and the invitations to it. Rules refused on save, pages
built for one case each, escaping and bounded queries are in
tests/test_decision_aid_cases.py."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from engagement.models import MethodIndexPage
from engagement.verdict import (
    NO_LIMIT,
    NOT_YET,
)
from tests import builders
from tests.shared import afresh, built_once

# -- building a decision aid --------------------------------------------------------------


def question(key, text, *options, help_text=""):
    return {
        "type": "question",
        "value": {
            "key": key,
            "text": text,
            "help_text": help_text,
            "options": [
                {"value": value, "label": label, "finder": finder}
                for value, label, finder in options
            ],
        },
    }


def rule(conditions, verdict, reason, principles=()):
    """`conditions`: {question key: answers}, or (key, answers) pairs to name a key twice."""
    pairs = conditions.items() if isinstance(conditions, dict) else conditions
    return {
        "type": "rule",
        "value": {
            "conditions": [{"question": k, "answers": v} for k, v in pairs],
            "verdict": verdict,
            "reason": reason,
            "principles": [p.pk for p in principles],
        },
    }


QUESTIONS = [
    question(
        "open",
        "What is still open?",
        ("nothing", "Nothing", ""),
        ("options", "Options", ""),
        ("problem", "The problem", ""),
        help_text="Be honest.",
    ),
    question(
        "time",
        "How long is there?",
        ("short", "Two weeks", "weeks=2"),
        ("medium", "Three months", "weeks=12"),
        ("long", "Longer", ""),
    ),
    question(
        "budget",
        "What budget?",
        ("small", "Up to £5,000", "budget=5000"),
        ("big", "More", ""),
    ),
    question(
        "people",
        "How many people?",
        ("few", "Up to 15", "people=up-to-15"),
        ("many", "Hundreds", "people=51-250"),
    ),
]

ALL_CLEAR = {"open": "problem", "time": "long", "budget": "big", "people": "many"}


def decision_page(hub, questions=None, rules=(), live=True, **fields):
    return builders.decision_aid(
        hub,
        live=live,
        summary="Eight questions before you choose a method.",
        intro="<p>Answer a few questions.</p>",
        explainer="<p>How the rules work.</p>",
        questions=QUESTIONS if questions is None else questions,
        rules=list(rules),
        **fields,
    )


def _build_aid():
    """A decision aid with rules of every kind, and three principles: live, draft, private."""
    sections = builders.site_sections()
    lv = builders.levels()
    live = builders.principle(sections["principles"], "Consult at a formative stage")
    draft = builders.principle(sections["principles"], "Secret draft principle", live=False)
    private = builders.principle(sections["principles"], "Private principle")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    rules = [
        rule({"open": "nothing"}, NOT_YET, "Tell people what was decided.", [live, draft]),
        rule({"time": "short"}, NOT_YET, "Ask for more time.", [private]),
        rule({"open": "options"}, "involve", "Weigh the options with people.", [live]),
        rule({"time": "medium"}, "involve", "Three months allows involvement."),
        rule({"budget": "small"}, "consult", "A small budget: keep it simple."),
        rule({"people": "few", "budget": "small"}, NO_LIMIT, "Small and cheap: talk to them."),
        rule({"open": "problem"}, NO_LIMIT, "Everything is open: say so."),
    ]
    page = decision_page(sections["hub"], rules=rules)
    return {**sections, "page": page, "live": live, "draft": draft, "private": private, "lv": lv}


aid_built_once = built_once("aid", _build_aid)


@pytest.fixture
def aid(aid_built_once, db):
    """The decision aid of `_build_aid`, built once for this module (tests/shared.py)."""
    return afresh(aid_built_once)


def answer(client, page, answers=None, extra=""):
    query = "&".join(f"{k}={v}" for k, v in (answers or {}).items())
    response = client.get(page.url + "?" + query + extra)
    assert response.status_code == 200
    return response.content.decode()


def text_of(html):
    """The words of some HTML, as a reader sees them."""
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r" ([:.,?)])", r"\1", words)


def verdict(html):
    """The verdict heading's words, or None when the form is shown without one."""
    found = re.search(r'<h2 class="verdict__title" id="verdict-heading">(.*?)</h2>', html, re.S)
    return text_of(found.group(1)) if found else None


def section(html, heading):
    """The list under a verdict sub-heading ('Why', 'What to do first', ...), as text."""
    found = re.search(rf"<h3>{heading}</h3>\s*<ul[^>]*>(.*?)</ul>", html, re.S)
    return text_of(found.group(1)) if found else ""


def finder_href(html):
    found = re.search(r'<div class="verdict__next">\s*<p><a class="button" href="([^"]+)"', html)
    return unescape(found.group(1)) if found else None


# -- the verdict ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_with_nothing_holding_it_back_the_verdict_is_the_highest_level(client, aid):
    html = answer(client, aid["page"], ALL_CLEAR)
    assert verdict(html) == "Engage at Empower"
    assert "None of your answers limits the influence you can offer." in html
    # A "No limit" rule that applies adds its reason, nothing else.
    assert section(html, "Also worth knowing") == "Everything is open: say so."


@pytest.mark.django_db
def test_the_lowest_level_among_the_rules_that_apply_wins(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "options", "budget": "small"})
    assert verdict(html) == "Engage at Consult"
    # Only the rule that set the level is the reason; the overridden Involve is not shown.
    assert section(html, "Why") == "A small budget: keep it simple."
    assert "Weigh the options" not in html
    assert "The promise to participants: “Consult.”" in html


@pytest.mark.django_db
def test_two_rules_at_the_same_level_are_both_reasons_in_order(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "options", "time": "medium"})
    assert verdict(html) == "Engage at Involve"
    assert section(html, "Why") == "Weigh the options with people. Three months allows involvement."


@pytest.mark.django_db
def test_not_yet_beats_any_level_and_says_what_to_do_first(client, aid):
    answers = {**ALL_CLEAR, "open": "nothing", "time": "short", "budget": "small", "people": "few"}
    html = answer(client, aid["page"], answers)
    assert verdict(html) == "Not yet"
    assert section(html, "What to do first") == "Tell people what was decided. Ask for more time."
    assert "A small budget" not in html  # a level is beside the point
    assert section(html, "Also worth knowing") == "Small and cheap: talk to them."
    assert "Why" not in re.findall(r"<h3>(.*?)</h3>", html)


@pytest.mark.django_db
def test_a_rule_needs_all_its_conditions(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "people": "few"})
    assert "Small and cheap" not in html
    html = answer(client, aid["page"], {**ALL_CLEAR, "people": "few", "budget": "small"})
    assert "Small and cheap: talk to them." in html


@pytest.mark.django_db
def test_the_answers_are_listed_with_the_verdict(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "options"})
    summary = text_of(re.search(r'<dl class="answer-summary">(.*?)</dl>', html, re.S).group(1))
    assert summary == (
        "What is still open? Options How long is there? Longer What budget? More "
        "How many people? Hundreds"
    )
    # The form below keeps them chosen, to change one.
    assert 'name="open" value="options" checked' in html
    assert 'name="time" value="long" checked' in html


# -- principles ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_principles_at_stake_are_linked_once_and_never_drafts_or_private_ones(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "nothing", "time": "short"})
    live, draft, private = aid["live"], aid["draft"], aid["private"]
    assert html.count(f'href="{live.url}"') == 1
    assert "Consult at a formative stage" in section(html, "Principles at stake")
    for hidden in (draft, private):
        assert hidden.title not in html
        assert f"/{hidden.slug}/" not in html


@pytest.mark.django_db
def test_a_principle_published_later_is_linked_then(client, aid):
    draft = aid["draft"]
    builders.publish(draft)
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "nothing"})
    assert "Secret draft principle" in section(html, "Principles at stake")


# -- the link into the finder --------------------------------------------------------------


@pytest.mark.django_db
def test_the_finder_link_carries_the_level_and_the_answers_filters(client, aid):
    answers = {**ALL_CLEAR, "open": "options", "time": "medium", "people": "few"}
    html = answer(client, aid["page"], answers)
    href = finder_href(html)
    url = urlsplit(href)
    assert url.path == aid["finder"].url
    assert parse_qsl(url.query) == [("level", "involve"), ("people", "up-to-15"), ("weeks", "12")]
    assert "Opens the method finder at Involve, filtered by your group size and time." in html
    # The finder understands every one of them: no "ignored" note, one chip each.
    finder = client.get(href).content.decode()
    assert "We ignored" not in finder
    for chip in ("Level: Involve", "Up to 15 people", "Time: Up to 3 months"):
        assert chip in finder


@pytest.mark.django_db
def test_the_finder_link_stays_on_the_readers_site_when_there_are_two(client, aid):
    finder_path = aid["finder"].url
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other"))
    Site.objects.create(hostname="other.example", root_page=other_home)
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "options"})
    assert urlsplit(finder_href(html)).path == finder_path
    assert not finder_href(html).startswith("http")


@pytest.mark.django_db
def test_the_finder_link_has_only_the_level_when_no_answer_sets_a_filter(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "people": "many", "budget": "big"})
    query = urlsplit(finder_href(html)).query
    assert parse_qsl(query) == [("level", "empower"), ("people", "51-250")]
    html = answer(client, aid["page"], {**ALL_CLEAR, "budget": "small"})
    assert parse_qsl(urlsplit(finder_href(html)).query) == [
        ("level", "consult"),
        ("people", "51-250"),
        ("budget", "5000"),
    ]


@pytest.mark.django_db
def test_not_yet_links_to_methods_at_the_level_while_waiting(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "nothing"})
    assert parse_qsl(urlsplit(finder_href(html)).query) == [
        ("level", "inform"),
        ("people", "51-250"),
    ]
    assert "Meanwhile: methods at Inform" in html


@pytest.mark.django_db
def test_no_finder_link_when_the_finder_is_not_live(client, aid):
    aid["finder"].unpublish()
    html = answer(client, aid["page"], ALL_CLEAR)
    assert verdict(html) == "Engage at Empower" and finder_href(html) is None


# -- unanswered and junk input -------------------------------------------------------------


@pytest.mark.django_db
def test_a_first_visit_shows_the_questions_without_notes(client, aid):
    response = client.get(aid["page"].url)
    html = response.content.decode()
    assert verdict(html) is None
    assert "Answer every question" not in html and "Not answered yet" not in html
    assert html.count("<fieldset") == 4 and html.count("<legend") == 4
    assert html.count('type="radio"') == 3 + 3 + 2 + 2


@pytest.mark.django_db
def test_a_partly_answered_form_says_which_questions_are_missing(client, aid):
    html = answer(client, aid["page"], {"open": "options", "budget": "small"})
    assert verdict(html) is None
    notice = text_of(re.search(r'<div class="notice[^"]*"[^>]*>(.*?)</div>', html, re.S).group(1))
    assert notice == (
        "Answer every question to see a suggestion. "
        "How long is there?: Not answered yet. How many people?: Not answered yet."
    )
    assert html.count("question--flagged") == 2
    assert 'id="q-time-note"' in html and 'aria-describedby="q-time-note"' in html
    assert 'name="open" value="options" checked' in html  # answers kept


@pytest.mark.parametrize(
    "junk, note",
    [
        ("&open=maybe", "We didn't recognise the answer “maybe”"),
        ("&open=options&open=nothing", "Two different answers were given"),
        ("&open=" + "x" * 20_000, "We didn't recognise the answer “" + "x" * 40 + "…”"),
        ("&open=opt%00ions", "We didn't recognise the answer “options”"),
        ("&open=%00%01", "We didn't recognise it"),
        ("&open=%ff%fe", "We didn't recognise the answer “\ufffd\ufffd”"),
        ("&open=a%20%20%20b", "We didn't recognise the answer “a b”"),
        ("&open=" + "y" * 40, "We didn't recognise the answer “" + "y" * 40 + "”"),
    ],
    ids=["unknown", "two-answers", "huge", "nul", "only-control", "bad-utf8", "spaces", "forty"],
)
@pytest.mark.django_db
def test_junk_answers_give_the_form_again_with_a_note(client, aid, junk, note):
    partial = {k: v for k, v in ALL_CLEAR.items() if k != "open"}
    html = answer(client, aid["page"], partial, extra=junk)
    assert verdict(html) is None
    assert f"What is still open?</a>: {note}. Please choose again." in unescape(html)
    assert "\x00" not in html
    assert 'name="time" value="long" checked' in html  # the good answers are kept


@pytest.mark.django_db
def test_the_same_answer_twice_and_unknown_parameters_are_harmless(client, aid):
    html = answer(client, aid["page"], ALL_CLEAR, extra="&open=problem&utm_source=x&level=%00")
    assert verdict(html) == "Engage at Empower"
    assert "Please choose again" not in html


@pytest.mark.django_db
def test_spaces_around_an_answer_are_ignored_and_an_empty_answer_is_no_answer(client, aid):
    padded = {**ALL_CLEAR, "open": "%20options%20"}
    html = answer(client, aid["page"], padded, extra="&open=options")
    assert verdict(html) == "Engage at Involve"
    html = answer(client, aid["page"], {**ALL_CLEAR, "open": "%20"})
    assert verdict(html) is None
    notice = text_of(re.search(r'<div class="notice[^"]*"[^>]*>(.*?)</div>', html, re.S).group(1))
    assert notice == (
        "Answer every question to see a suggestion. What is still open?: Not answered yet."
    )


@pytest.mark.django_db
def test_a_single_unreadable_answer_also_flags_the_unanswered_questions(client, aid):
    html = answer(client, aid["page"], {"open": "maybe"})
    assert html.count("question--flagged") == 4
    notice = text_of(re.search(r'<div class="notice[^"]*"[^>]*>(.*?)</div>', html, re.S).group(1))
    assert notice == (
        "Answer every question to see a suggestion. "
        "What is still open?: We didn't recognise the answer “maybe”. Please choose again. "
        "How long is there?: Not answered yet. What budget?: Not answered yet. "
        "How many people?: Not answered yet."
    )
    # And each question says it again where it is asked.
    notes = dict(re.findall(r'<p class="question__note" id="q-(\w+)-note">(.*?)</p>', html))
    assert {key: unescape(note) for key, note in notes.items()} == {
        "open": "We didn't recognise the answer “maybe”. Please choose again.",
        "time": "Not answered yet.",
        "budget": "Not answered yet.",
        "people": "Not answered yet.",
    }


@pytest.mark.django_db
def test_thousands_of_parameters_still_give_the_form(client, aid):
    extra = "".join(f"&p{n}=x" for n in range(3000))
    response = client.get(aid["page"].url + "?open=problem" + extra)
    assert response.status_code == 200
    html = response.content.decode()
    assert verdict(html) is None and "Answer every question to see a suggestion." in html


# -- escaping ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_nothing_inline_for_the_content_security_policy(client, aid):
    for answers in ({}, ALL_CLEAR, {**ALL_CLEAR, "open": "nothing"}, {"open": "x"}):
        html = answer(client, aid["page"], answers)
        main = html[html.index("<main") : html.index("</main>")]
        assert "style=" not in main and "<script" not in main and "<style" not in main
        assert not re.search(r"\son[a-z]+=", main)


# -- contradictory rules refused on save -----------------------------------------------------


# -- the admin -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_form_has_questions_and_rules_tabs_with_help(admin_client, aid):
    url = reverse("wagtailadmin_pages:edit", args=[aid["page"].pk])
    html = admin_client.get(url).content.decode()
    for tab in ("content", "questions", "rules", "promote"):
        assert f'id="tab-label-{tab}"' in html, tab
    assert "How rules work" in html
    assert "<b>Not yet</b> beats every level" in html


# -- where it lives, links to it, search and sitemap -----------------------------------------


@pytest.mark.django_db
def test_home_hub_and_finder_invite_readers_to_it(client, aid):
    url = aid["page"].url
    for where in ("/", aid["hub"].url, aid["finder"].url):
        html = client.get(where).content.decode()
        assert f'href="{url}"' in html, where
        assert "decision-cta" in html, where
    home = client.get("/").content.decode()
    assert home.count(f'href="{url}"') == 2  # the hero's button and the invitation


@pytest.mark.django_db
def test_answered_variants_are_not_indexed_but_the_form_is(client, aid):
    plain = client.get(aid["page"].url).content.decode()
    assert 'name="robots"' not in plain
    answered = answer(client, aid["page"], ALL_CLEAR)
    assert '<meta name="robots" content="noindex, follow">' in answered
    assert f'<link rel="canonical" href="http://testserver{aid["page"].url}">' in answered
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{aid['page'].url}</loc>" in sitemap
    assert "?open=" not in sitemap


@pytest.mark.django_db
def test_site_search_finds_it(client, aid):
    html = client.get("/search/", {"q": "choose a method"}).content.decode()
    assert f'href="{aid["page"].url}"' in html
    assert "Decision aid" in html


# -- bounded queries -------------------------------------------------------------------------


# -- the page cache --------------------------------------------------------------------------


def is_hit(client, url):
    return client.get(url).get("X-Cache") == "hit"


@pytest.mark.django_db
def test_an_answered_page_is_cached_and_refreshed_when_a_principle_changes(
    client, aid, page_cache, commit
):
    url = aid["page"].url + "?" + "&".join(f"{k}={v}" for k, v in ALL_CLEAR.items())
    url_not_yet = aid["page"].url + "?open=nothing&time=long&budget=big&people=many"
    for each in (url, url_not_yet):
        client.get(each)
        assert is_hit(client, each)
    principle = aid["live"]
    principle.title = "Ask while it can still change"
    commit(builders.publish, principle)
    assert not is_hit(client, url_not_yet)
    assert "Ask while it can still change" in client.get(url_not_yet).content.decode()
    assert not is_hit(client, url)  # every variant of the page's path


@pytest.mark.django_db
def test_the_finder_is_among_the_paths_the_decision_aid_affects(aid):
    from home.affected import affected_paths

    paths = affected_paths(aid["page"])
    assert aid["finder"].url in paths
    assert {"/", aid["hub"].url, aid["page"].url} <= paths
    assert isinstance(aid["page"].shown_on_pages()[0], MethodIndexPage)
