"""The "Should we engage?" page (engagement/decision.py, engagement/verdict.py) on page trees
built for each test: how answers become a verdict, the link into the finder, rules that
contradict each other refused on save (in code and in the admin), junk in the address,
escaping, drafts and private principles never linked, bounded queries, the page cache,
search and the sitemap, and where the page may live."""

import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from engagement.decision import KEY_MESSAGE, DecisionAidPage, questions_from, raw_rules_from
from engagement.models import EngagementIndexPage, Framework, MethodIndexPage
from engagement.verdict import (
    MAX_VALUE_LENGTH,
    NO_LIMIT,
    NOT_YET,
    Option,
    Problems,
    Question,
    check_rules,
    read_answers,
)
from site_project.taxonomy.models import EngagementLevel
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


def test_each_problem_with_a_condition_is_placed_on_that_conditions_question():
    questions = [Question("open", "Open?", "", (Option("nothing", "Nothing"),))]
    raw = [
        ([("open", "nothing")], "consult"),
        (
            [("open", "nothing"), ("opne", "nothing"), (" ", "x"), ("open", "x"), ("", "x")],
            "consult",
        ),
    ]
    problems = Problems()
    check_rules(questions, raw, {}, None, problems)
    assert problems.rules[1]["conditions"] == {
        1: {"question": "No question has the key “opne”. The keys are “open”."},
        2: {"question": "Name a question. The keys are “open”."},
        3: {
            "question": "This rule already has a condition on “open”: list all the answers "
            "it accepts in that one condition."
        },
        4: {"question": "Name a question. The keys are “open”."},
    }
    assert 0 not in problems.rules or "conditions" not in problems.rules[0]


@pytest.mark.django_db  # a page, even unsaved, looks up its content type
def test_questions_and_rules_are_read_with_keys_trimmed_and_blanks_left_blank():
    """What the checks and the page read: a blank help text, answer label or finder
    filter stays blank (so no hint, label or filter appears), keys and answer values are
    trimmed, and a half-filled rule is read as the editor left it."""
    page = DecisionAidPage(
        questions=[
            question(
                " open ",
                "What is open?",
                (" nothing ", "Nothing", "weeks=2"),
                help_text="Be honest.",
            ),
            question("", "", ("", "", "")),
        ],
        rules=[rule({"": ""}, "", ""), rule({"open": "nothing"}, "consult", "Keep it small.")],
    )
    assert questions_from(page.questions) == [
        Question("open", "What is open?", "Be honest.", (Option("nothing", "Nothing", "weeks=2"),)),
        Question("", "", "", (Option("", "", ""),)),
    ]
    assert raw_rules_from(page.rules) == [
        ([("", "")], "", "", []),
        ([("open", "nothing")], "consult", "Keep it small.", []),
    ]


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
def test_with_its_highest_level_deleted_the_top_of_the_spectrum_is_the_ceiling(client, sections):
    """Not a level off the spectrum (Community-led ranks higher but is not on it)."""
    page = decision_page(sections["hub"], rules=[rule({"open": "nothing"}, "consult", "Consult.")])
    DecisionAidPage.objects.filter(pk=page.pk).update(highest_level=None)
    assert verdict(answer(client, page, ALL_CLEAR)) == "Engage at Empower"
    assert verdict(answer(client, page, {**ALL_CLEAR, "open": "nothing"})) == "Engage at Consult"


@pytest.mark.django_db
def test_a_rule_needs_all_its_conditions(client, aid):
    html = answer(client, aid["page"], {**ALL_CLEAR, "people": "few"})
    assert "Small and cheap" not in html
    html = answer(client, aid["page"], {**ALL_CLEAR, "people": "few", "budget": "small"})
    assert "Small and cheap: talk to them." in html


@pytest.mark.django_db
def test_a_condition_holds_for_any_of_its_answers(client, sections):
    rules = [rule({"open": "nothing, options"}, "consult", "Either way, consult.")]
    page = decision_page(sections["hub"], rules=rules)
    for value in ("nothing", "options"):
        assert verdict(answer(client, page, {**ALL_CLEAR, "open": value})) == "Engage at Consult"
    assert verdict(answer(client, page, ALL_CLEAR)) == "Engage at Empower"


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


@pytest.mark.parametrize(
    "answers, hint",
    [
        ({"people": "few", "budget": "small", "time": "short"}, "group size, budget and time"),
        ({"people": "few", "budget": "small"}, "group size and budget"),
        ({"people": "few"}, "group size"),
    ],
)
@pytest.mark.django_db
def test_the_finder_link_says_which_filters_it_sets(client, sections, answers, hint):
    page = decision_page(sections["hub"])  # no rules: the highest level, Empower
    html = answer(client, page, {**ALL_CLEAR, **answers})
    found = re.search(r'<p class="hint">(Opens the method finder.*?)</p>', html, re.S)
    assert (
        text_of(found.group(1)) == f"Opens the method finder at Empower, filtered by your {hint}."
    )


@pytest.mark.django_db
def test_the_finder_link_names_no_filter_when_no_answer_sets_one(client, sections):
    questions = [
        question("open", "What is still open?", ("nothing", "Nothing", ""), ("a", "A", ""))
    ]
    page = decision_page(sections["hub"], questions=questions)
    html = answer(client, page, {"open": "a"})
    found = re.search(r'<p class="hint">(Opens the method finder.*?)</p>', html, re.S)
    assert text_of(found.group(1)) == "Opens the method finder at Empower."
    assert parse_qsl(urlsplit(finder_href(html)).query) == [("level", "empower")]


@pytest.mark.django_db
def test_when_two_answers_set_the_same_filter_the_earlier_question_wins(client, sections):
    questions = [
        question("people", "How many?", ("few", "Few", "people=up-to-15"), ("x", "X", "")),
        question("room", "How big a room?", ("hall", "A hall", "people=51-250"), ("y", "Y", "")),
    ]
    page = decision_page(sections["hub"], questions=questions)
    html = answer(client, page, {"people": "few", "room": "hall"})
    assert parse_qsl(urlsplit(finder_href(html)).query) == [
        ("level", "empower"),
        ("people", "up-to-15"),
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
def test_no_finder_link_while_waiting_when_the_editor_chose_no_level(client, sections):
    page = decision_page(
        sections["hub"], rules=[rule({"open": "nothing"}, NOT_YET, "Wait.")], meanwhile_level=None
    )
    html = answer(client, page, {**ALL_CLEAR, "open": "nothing"})
    assert verdict(html) == "Not yet" and finder_href(html) is None


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
def test_editor_content_and_echoed_input_are_escaped(client, sections):
    questions = [
        question(
            "open",
            "Open <script>alert(1)</script>?",
            ("a", "<b>A</b>", ""),
            ("b", "B & C", ""),
            help_text="<i>hint</i>",
        )
    ]
    rules = [rule({"open": "a"}, "consult", "<img src=x onerror=alert(2)>\nline two")]
    page = decision_page(sections["hub"], questions=questions, rules=rules)
    html = answer(client, page, {"open": "a"})
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b>A</b>" not in html and "&lt;b&gt;A&lt;/b&gt;" in html
    assert "<i>hint</i>" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;<br>line two" in html
    echoed = answer(client, page, extra="&open=%3Cscript%3Ealert(3)%3C/script%3E")
    assert "<script>alert(3)" not in echoed
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in echoed


@pytest.mark.django_db
def test_nothing_inline_for_the_content_security_policy(client, aid):
    for answers in ({}, ALL_CLEAR, {**ALL_CLEAR, "open": "nothing"}, {"open": "x"}):
        html = answer(client, aid["page"], answers)
        main = html[html.index("<main") : html.index("</main>")]
        assert "style=" not in main and "<script" not in main and "<style" not in main
        assert not re.search(r"\son[a-z]+=", main)


# -- contradictory rules refused on save -----------------------------------------------------


def refused(sections, rules, questions=None, **fields):
    """The message of the ValidationError saving these rules raises (or None)."""
    try:
        decision_page(sections["hub"], questions=questions, rules=rules, **fields)
    except ValidationError as error:
        return " ".join(text_of(str(m)) for m in _messages(error))
    return None


def _messages(error):
    """Every message in a (nested) block validation error."""
    found = []
    for item in getattr(error, "error_dict", {}).values():
        for e in item:
            found.extend(_messages(e))
    for attr in ("non_block_errors",):
        for e in getattr(error, attr, None) or []:
            found.extend(_messages(e) if isinstance(e, ValidationError) else [str(e)])
    for e in (getattr(error, "block_errors", None) or {}).values():
        found.extend(_messages(e))
    if not found and not hasattr(error, "error_dict") and not hasattr(error, "block_errors"):
        found.extend(error.messages)
    return found


@pytest.mark.parametrize(
    "rules, message",
    [
        (
            [
                rule({"open": "nothing"}, NOT_YET, "Wait."),
                rule({"open": "nothing"}, "consult", "Consult."),
            ],
            "Rule 2: It has exactly the same conditions as rule 1.",
        ),
        (
            [
                rule({"open": "nothing", "time": "short"}, "consult", "Consult."),
                rule({"time": "short", "open": "nothing"}, "consult", "Consult again."),
            ],
            "Rule 2: It has exactly the same conditions as rule 1.",
        ),
        (
            [
                rule({"time": "short"}, "consult", "Consult."),
                rule({"time": "short", "budget": "big"}, "collaborate", "Collaborate."),
            ],
            "Rule 2: It can never decide the verdict: whenever it applies, rule 1 applies too "
            "and is stricter (At most Consult).",
        ),
        (
            [
                rule({"open": "options, problem"}, NOT_YET, "Wait."),
                rule({"open": "options"}, "involve", "Involve."),
            ],
            "Rule 2: It can never decide the verdict: whenever it applies, rule 1 applies too "
            "and is stricter (Not yet).",
        ),
        (
            # The stricter rule may come later.
            [
                rule({"open": "options", "time": "short"}, "involve", "Involve."),
                rule({"open": "options"}, "consult", "Consult."),
            ],
            "Rule 1: It can never decide the verdict: whenever it applies, rule 2 applies too "
            "and is stricter (At most Consult).",
        ),
        (
            # ...and after a looser rule that has nothing to do with it.
            [
                rule({"open": "options", "time": "short"}, "involve", "Involve."),
                rule({"budget": "big"}, "collaborate", "Collaborate."),
                rule({"open": "options"}, "consult", "Consult."),
            ],
            "Rule 1: It can never decide the verdict: whenever it applies, rule 3 applies too "
            "and is stricter (At most Consult).",
        ),
        (
            # Every later copy is reported, not only the first.
            [
                rule({"open": "nothing"}, "consult", "Consult."),
                rule({"open": "nothing"}, "consult", "Consult again."),
                rule({"open": "nothing"}, "consult", "And again."),
            ],
            "Rule 3: It has exactly the same conditions as rule 1.",
        ),
        (
            # "Not yet" is stricter even than the lowest level.
            [
                rule({"open": "options"}, NOT_YET, "Wait."),
                rule({"open": "options", "time": "short"}, "inform", "Inform."),
            ],
            "Rule 2: It can never decide the verdict: whenever it applies, rule 1 applies too "
            "and is stricter (Not yet).",
        ),
        (
            [rule({"opne": "nothing"}, "consult", "Typo.")],
            "Rule 1: No question has the key “opne”. The keys are “open”, “time”, “budget” "
            "or “people”.",
        ),
        (
            [rule({"open": "nothing, maybe"}, "consult", "Typo.")],
            "Rule 1: “maybe” is not an answer to “open”. Its answers are “nothing”, "
            "“options” or “problem”.",
        ),
        (
            [rule({"open": " , "}, "consult", "Empty.")],
            "Rule 1: Name one. Its answers are",
        ),
        (
            [rule({"open": ""}, "consult", "Blank.")],
            "Rule 1: Name one. Its answers are",
        ),
        (
            [rule({}, "consult", "No conditions.")],
            "Rule 1: Give the rule at least one condition.",
        ),
        (
            [rule([("open", "nothing"), ("open", "options")], "consult", "Twice.")],
            "Rule 1: This rule already has a condition on “open”: list all the answers it "
            "accepts in that one condition.",
        ),
        (
            [rule({"open": "nothing"}, "gone", "A level since deleted.")],
            "Rule 1: Choose a verdict: this level no longer exists.",
        ),
        (
            [rule({"open": "nothing"}, "empower", "Pointless.")],
            "Rule 1: Empower is not below the highest level (Empower), so this rule could "
            "never change the verdict.",
        ),
    ],
    ids=[
        "same-conditions-different-verdicts",
        "same-conditions-in-another-order",
        "narrower-rule-with-a-weaker-level",
        "narrower-rule-under-a-not-yet",
        "narrower-rule-before-a-stricter-one",
        "narrower-rule-before-a-looser-one-then-a-stricter-one",
        "three-with-the-same-conditions",
        "not-yet-above-the-lowest-level",
        "unknown-question",
        "unknown-answer",
        "no-answer",
        "blank-answers",
        "no-condition",
        "one-question-twice",
        "deleted-level",
        "level-not-below-the-highest",
    ],
)
@pytest.mark.django_db
def test_contradictory_or_broken_rules_are_refused_when_saved(sections, rules, message):
    found = refused(sections, rules)
    assert found is not None, "saved without complaint"
    assert message in found
    assert not DecisionAidPage.objects.live().exists()  # drafts saved in code are not checked


@pytest.mark.parametrize(
    "broken",
    [
        rule({"open": "nothing", "opne": "nothing"}, "consult", "Unknown question."),
        rule({"open": "nothing", "time": "maybe"}, "consult", "Unknown answer."),
        rule([("open", "nothing"), ("open", "nothing")], "consult", "A question twice."),
        rule({"open": "nothing"}, "gone", "A deleted level."),
        rule({"open": "nothing"}, "empower", "The highest level."),
        rule({}, "consult", "No condition."),
    ],
    ids=[
        "unknown-question",
        "unknown-answer",
        "question-twice",
        "deleted-level",
        "highest",
        "no-condition",
    ],
)
@pytest.mark.django_db
def test_a_broken_rule_is_left_out_of_the_checks_between_rules(sections, broken):
    # Without its broken part the rule would have the same conditions as the next one
    # (or, with none, apply always): the editor is told what is broken in it, and
    # nothing about a clash that mending it may well remove.
    twin = rule({"open": "nothing"}, "involve", "Sound.")
    found = refused(sections, [broken, twin])
    assert found is not None and found.startswith("Rule 1:")
    assert "Rule 2" not in found


@pytest.mark.parametrize(
    "conditions, messages",
    [
        (
            {"opne": "nothing", "time": "maybe"},
            ["No question has the key “opne”", "“maybe” is not an answer to “time”"],
        ),
        (
            [("open", "nothing"), ("open", "options"), ("time", "maybe")],
            ["already has a condition on “open”", "“maybe” is not an answer to “time”"],
        ),
        (
            {"open": "maybe", "time": "soon"},
            ["“maybe” is not an answer to “open”", "“soon” is not an answer to “time”"],
        ),
    ],
    ids=["after-an-unknown-question", "after-a-question-twice", "after-an-unknown-answer"],
)
@pytest.mark.django_db
def test_every_broken_condition_of_a_rule_is_reported_not_only_the_first(
    sections, conditions, messages
):
    found = refused(sections, [rule(conditions, "consult", "Two problems.")])
    for message in messages:
        assert message in found


@pytest.mark.django_db
def test_rules_before_any_question_say_there_are_no_keys_yet(sections):
    found = refused(sections, [rule({"open": "nothing"}, "consult", "Early.")], questions=[])
    assert "Rule 1: No question has the key “open”. The keys are none yet." in found


@pytest.mark.django_db
def test_with_a_single_question_its_key_is_named_alone(sections):
    questions = [question("open", "Open?", ("nothing", "Nothing", ""), ("a", "A", ""))]
    found = refused(sections, [rule({"opne": "nothing"}, "consult", "Typo.")], questions=questions)
    message = "No question has the key “opne”. The keys are “open”."
    assert found == f"Rule 1: {message} {message}"  # at the top of the field, then on the rule


@pytest.mark.django_db
def test_a_ninth_question_is_refused_when_saved_on_the_ninth_question(sections):
    questions = [
        question(f"q{n}", f"Question {n}?", ("a", "A", ""), ("b", "B", "")) for n in range(1, 10)
    ]
    assert refused(sections, [], questions=questions[:8]) is None  # eight are fine
    DecisionAidPage.objects.all().delete()
    with pytest.raises(ValidationError) as raised:
        decision_page(sections["hub"], questions=questions)
    assert raised.value.error_dict["questions"][0].as_json_data() == {
        "messages": ["Keep to 8 questions at most, so the form fits on a phone."],
        "blockErrors": {8: at("key", "Question 9 is one too many.")},
    }


@pytest.mark.parametrize(
    "questions, message",
    [
        (
            [QUESTIONS[0], question("open", "Again?", ("a", "A", ""), ("b", "B", ""))],
            "Question 2: The key “open” is already used by question 1.",
        ),
        (
            [question("open", "Open?", ("a", "A", ""), ("a", "Also A", ""))],
            "Question 1: The answer value “a” is used twice in this question.",
        ),
    ],
    ids=["duplicate-key", "duplicate-answer-value"],
)
@pytest.mark.django_db
def test_questions_with_clashing_keys_or_answers_are_refused(sections, questions, message):
    assert message in (refused(sections, [], questions=questions) or "")


@pytest.mark.django_db
def test_rules_that_refine_each_other_consistently_are_accepted(client, sections):
    rules = [
        rule({"time": "medium"}, "involve", "Three months: involve."),
        # Narrower and stricter: it can decide, so it is fine.
        rule({"time": "medium", "budget": "small"}, "consult", "And little money: consult."),
        # "No limit" never competes.
        rule({"time": "medium", "budget": "small", "people": "few"}, NO_LIMIT, "A note."),
        # Broader and stricter than nothing else.
        rule({"open": "nothing"}, NOT_YET, "Wait."),
    ]
    assert refused(sections, rules) is None
    page = DecisionAidPage.objects.get()
    html = answer(client, page, {**ALL_CLEAR, "time": "medium", "budget": "small"})
    assert verdict(html) == "Engage at Consult"
    assert section(html, "Why") == "And little money: consult."


@pytest.mark.django_db
def test_a_narrower_rule_at_the_same_level_is_accepted_and_adds_its_reason(client, sections):
    rules = [
        rule({"time": "medium"}, "involve", "Three months: involve."),
        rule({"time": "medium", "budget": "small"}, "involve", "And little money: still involve."),
        rule({"open": "nothing"}, NOT_YET, "Wait."),
        rule({"open": "nothing", "time": "short"}, NOT_YET, "And no time: wait longer."),
    ]
    assert refused(sections, rules) is None
    page = DecisionAidPage.objects.get()
    html = answer(client, page, {**ALL_CLEAR, "time": "medium", "budget": "small"})
    assert verdict(html) == "Engage at Involve"
    assert section(html, "Why") == "Three months: involve. And little money: still involve."


# -- the admin -----------------------------------------------------------------------------


def listblock(values):
    data = {str(i): {"value": v, "deleted": "", "order": str(i)} for i, v in enumerate(values)}
    data["count"] = str(len(values))
    return data


def admin_form(page, rules, questions=QUESTIONS, **overrides):
    """The edit form's data for `page` with these rules: [(conditions, verdict, reason)]."""
    question_data = []
    for item in questions:
        value = dict(item["value"])
        value["options"] = listblock(value["options"])
        question_data.append(("question", value))
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "intro": rich_text(page.intro),
        "explainer": rich_text(page.explainer),
        "questions": streamfield(question_data),
        "rules": streamfield(
            [
                (
                    "rule",
                    {
                        "conditions": listblock(
                            [{"question": k, "answers": v} for k, v in conditions.items()]
                        ),
                        "verdict": verdict_,
                        "reason": reason,
                        "principles": listblock([]),
                    },
                )
                for conditions, verdict_, reason in rules
            ]
        ),
        "highest_level": str(page.highest_level_id),
        "meanwhile_level": str(page.meanwhile_level_id or ""),
        "action-publish": "1",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_admin_refuses_contradictory_rules_and_says_which(admin_client, sections):
    page = decision_page(sections["hub"], rules=[rule({"open": "nothing"}, NOT_YET, "Wait.")])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form(
        page,
        [
            ({"open": "nothing"}, NOT_YET, "Wait."),
            ({"open": "nothing"}, "consult", "Consult instead."),
        ],
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, not a redirect
    html = unescape(response.content.decode())
    assert "The page could not be saved due to validation errors" in html
    assert "Rule 2: It has exactly the same conditions as rule 1." in html
    page.refresh_from_db()
    assert len(page.rules) == 1


def block_errors(html, field):
    """The errors the admin hands a StreamField's blocks (what the editor sees next to
    each block), as the JSON the page gives the browser; None when there are none."""
    found = re.search(
        rf'<div id="{field}" data-block .*?data-w-block-arguments-value="([^"]*)"', html
    )
    return json.loads(unescape(found.group(1)))[1]


def at(part, message):
    """A block's error on one of its parts (a question's key, a rule's verdict...)."""
    return {"blockErrors": {part: {"messages": [message]}}}


@pytest.mark.django_db
def test_the_admin_puts_each_problem_on_the_block_that_has_it(admin_client, sections):
    page = decision_page(sections["hub"])
    questions = [
        *QUESTIONS[:2],
        question(
            "budget",
            "What budget?",
            ("small", "Small", ""),
            ("big", "Big", ""),
            ("small", "Again", ""),
        ),
        question("people", "How many?", ("few", "Few", ""), ("many", "Many", "")),
        question("open", "Again?", ("a", "A", ""), ("b", "B", "")),
    ]
    rules = [
        ({"time": "short"}, "consult", "Sound."),
        ({"opne": "nothing", "people": "some"}, "consult", "Two typos."),
        ({"time": "medium"}, "empower", "Pointless."),
        ({"time": "long"}, "involve", "Involve."),
        ({"time": "long"}, "consult", "Consult."),
    ]
    data = admin_form(page, rules, questions=questions)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    dup_value = "The answer value “small” is used twice in this question."
    dup_key = "The key “open” is already used by question 1. Each question needs its own key."
    assert block_errors(html, "questions") == {
        "messages": [f"Question 3: {dup_value}", f"Question 5: {dup_key}"],
        "blockErrors": {
            "2": {"blockErrors": {"options": {"blockErrors": {"2": at("value", dup_value)}}}},
            "4": at("key", dup_key),
        },
    }
    no_key = "No question has the key “opne”. The keys are “open”, “time”, “budget” or “people”."
    no_answer = "“some” is not an answer to “people”. Its answers are “few” or “many”."
    too_high = (
        "Empower is not below the highest level (Empower), so this rule could never change "
        "the verdict. Choose a lower level, or “No limit”."
    )
    never = (
        "It can never decide the verdict: whenever it applies, rule 5 applies too and is "
        "stricter (At most Consult). Make this rule's verdict at least as strict, or narrow "
        "rule 5's conditions."
    )
    same = (
        "It has exactly the same conditions as rule 4. "
        "Merge the two into one rule with one verdict and one reason."
    )
    conditions = {"0": at("question", no_key), "1": at("answers", no_answer)}
    assert block_errors(html, "rules") == {
        "messages": [
            f"Rule 2: {no_key}",
            f"Rule 2: {no_answer}",
            f"Rule 3: {too_high}",
            f"Rule 4: {never}",
            f"Rule 5: {same}",
        ],
        "blockErrors": {
            "1": {"blockErrors": {"conditions": {"blockErrors": conditions}}},
            "2": at("verdict", too_high),
            "3": {"messages": [never]},
            "4": {"messages": [same]},
        },
    }


@pytest.mark.django_db
def test_a_question_broken_on_its_own_is_reported_and_the_rules_left_unchecked(
    admin_client, sections
):
    """The rules are checked against the questions only once both are valid on their own:
    a malformed key gets its own message, not a server error."""
    page = decision_page(sections["hub"])
    questions = [
        question("Open Q", "Open?", ("nothing", "Nothing", ""), ("a", "A", "")),
        *QUESTIONS[1:],
    ]
    data = admin_form(page, [({"opne": "nothing"}, "consult", "Typo.")], questions=questions)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    errors = block_errors(html, "questions")
    assert errors["blockErrors"] == {"0": at("key", KEY_MESSAGE)}
    assert block_errors(html, "rules") is None


@pytest.mark.django_db
def test_renaming_a_key_with_its_rules_flags_only_the_real_problem(admin_client, sections):
    """An editor renames a question's key and the rule naming it in one go, but leaves a
    duplicate answer elsewhere: only that duplicate is flagged, not the rule checked
    against the questions as they were before the edit."""
    page = decision_page(sections["hub"], rules=[rule({"open": "nothing"}, NOT_YET, "Wait.")])
    renamed = question("stage", "What is still open?", ("nothing", "Nothing", ""), ("a", "A", ""))
    twice = question("budget", "What budget?", ("small", "Small", ""), ("small", "Again", ""))
    data = admin_form(page, [({"stage": "nothing"}, NOT_YET, "Wait.")], questions=[renamed, twice])
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert block_errors(html, "questions")["blockErrors"] == {
        "1": {
            "blockErrors": {
                "options": {
                    "blockErrors": {
                        "1": at("value", "The answer value “small” is used twice in this question.")
                    }
                }
            }
        }
    }
    assert block_errors(html, "rules") is None


@pytest.mark.django_db
def test_the_admin_saves_sound_rules(admin_client, sections, client):
    page = decision_page(sections["hub"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form(page, [({"open": "options", "time": "short, medium"}, "involve", "Fine.")])
    response = admin_client.post(url, data)
    assert response.status_code == 302, re.findall(r"error-message.*", response.content.decode())
    page.refresh_from_db()
    assert [r.value["verdict"] for r in page.rules] == ["involve"]


@pytest.mark.django_db
def test_rules_saved_in_the_admin_decide_the_verdict(admin_client, sections, client):
    page = decision_page(sections["hub"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    rules = [({"open": "options", "time": "short, medium"}, "involve", "Fine.")]
    assert admin_client.post(url, admin_form(page, rules)).status_code == 302
    page = DecisionAidPage.objects.get(pk=page.pk)
    for time, expected in [("short", "Involve"), ("medium", "Involve"), ("long", "Empower")]:
        html = answer(client, page, {**ALL_CLEAR, "open": "options", "time": time})
        assert verdict(html) == f"Engage at {expected}", time
    assert verdict(answer(client, page, {**ALL_CLEAR, "time": "short"})) == "Engage at Empower"


@pytest.mark.django_db
def test_an_editor_previews_then_creates_the_page_in_the_admin(admin_client, sections):
    lv = builders.levels()
    unsaved = DecisionAidPage(
        title="Before you engage",
        slug="",
        summary="Questions first.",
        intro="<p>Answer a few questions.</p>",
        explainer="<p>How the rules work.</p>",
        highest_level=lv["collaborate"],
        meanwhile_level=lv["inform"],
    )
    data = admin_form(unsaved, [({"open": "nothing"}, NOT_YET, "Say what was decided.")])
    args = ["engagement", "decisionaidpage", sections["hub"].pk]
    # Preview before the first save, with no slug yet: Wagtail's checks panel and the
    # preview both render the page from the form alone.
    preview = reverse("wagtailadmin_pages:preview_on_add", args=args)
    assert json.loads(admin_client.post(preview, data).content) == {
        "is_valid": True,
        "is_available": True,
    }
    assert "Before you engage" in admin_client.get(preview).content.decode()

    data["slug"] = "before-you-engage"
    response = admin_client.post(reverse("wagtailadmin_pages:add", args=args), data)
    assert response.status_code == 302, re.findall(r"error-message.*", response.content.decode())
    page = DecisionAidPage.objects.get()
    assert (page.live, page.slug) == (True, "before-you-engage")
    assert [r.value["verdict"] for r in page.rules] == [NOT_YET]
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200


@pytest.mark.django_db
def test_the_admin_form_has_questions_and_rules_tabs_with_help(admin_client, aid):
    url = reverse("wagtailadmin_pages:edit", args=[aid["page"].pk])
    html = admin_client.get(url).content.decode()
    for tab in ("content", "questions", "rules", "promote"):
        assert f'id="tab-label-{tab}"' in html, tab
    assert "How rules work" in html
    assert "<b>Not yet</b> beats every level" in html


@pytest.mark.django_db
def test_the_verdicts_an_editor_can_choose(sections):
    """Not yet, each level as a ceiling in the spectrum's order, or no limit: read from
    the levels as they are when the form is shown."""
    from engagement.decision import verdict_choices

    builders.levels()
    assert verdict_choices() == [
        (NOT_YET, "Not yet"),
        ("inform", "At most Inform"),
        ("consult", "At most Consult"),
        ("involve", "At most Involve"),
        ("collaborate", "At most Collaborate"),
        ("empower", "At most Empower"),
        ("community-led", "At most Community-led"),
        (NO_LIMIT, "No limit: only show the reason"),
    ]


# -- where it lives, links to it, search and sitemap -----------------------------------------


@pytest.mark.django_db
def test_only_one_decision_aid_and_only_under_the_hub(sections):
    assert DecisionAidPage.can_create_at(sections["hub"])
    assert not DecisionAidPage.can_create_at(sections["finder"])
    assert not DecisionAidPage.can_create_at(builders.home())
    decision_page(sections["hub"])
    assert not DecisionAidPage.can_create_at(sections["hub"])
    assert "engagement.DecisionAidPage" in EngagementIndexPage.subpage_types
    assert DecisionAidPage.parent_page_types == ["engagement.EngagementIndexPage"]


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
def test_no_invitation_to_a_draft_or_private_decision_aid(client, sections):
    page = decision_page(sections["hub"], live=False)
    for where in ("/", sections["hub"].url, sections["finder"].url):
        assert "decision-cta" not in client.get(where).content.decode(), where
    builders.publish(page)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    for where in ("/", sections["hub"].url, sections["finder"].url):
        assert "decision-cta" not in client.get(where).content.decode(), where


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


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_stay_the_same_with_four_times_the_rules_principles_and_methods(client, sections):
    def build(n_notes, n_methods):
        """Two deciding rules and `n_notes` "No limit" rules (each on its own answers),
        every rule naming two principles of its own."""
        for _ in range(n_methods):
            builders.method(sections["finder"])
        combos = [
            {"open": o, "time": t, "budget": b, "people": p}
            for o in ("nothing", "options", "problem")
            for t in ("short", "medium", "long")
            for b in ("small", "big")
            for p in ("few", "many")
        ][:n_notes]
        framework = Framework.objects.get_or_create(name="Gunning principles")[0]  # shown
        principles = [
            builders.principle(sections["principles"], framework=framework)
            for _ in range(2 * (len(combos) + 2))
        ]
        rules = [
            rule({"open": "nothing"}, NOT_YET, "Wait.", principles[:2]),
            rule({"open": "options"}, "involve", "Involve.", principles[2:4]),
        ]
        for n, conditions in enumerate(combos):
            rules.append(
                rule(conditions, NO_LIMIT, f"Note {n}.", principles[4 + 2 * n : 6 + 2 * n])
            )
        return rules

    urls = {
        "form": "",
        "partial": "?open=options",
        "level": "?open=options&time=long&budget=small&people=few",
        "not yet": "?open=nothing&time=short&budget=big&people=many",
        "junk": "?open=%00&time=x&time=y",
    }
    # 3 rules, 6 principles and 2 methods, then 12, 24 and 8; only the second set's
    # notes include one for the "not yet" answers.
    page = decision_page(sections["hub"], rules=build(1, 2))
    small = {name: count_queries(client, page.url + q) for name, q in urls.items()}
    small_links = {w: count_queries(client, w) for w in ("/", sections["hub"].url)}
    page.rules = build(10, 8)
    builders.publish(page)
    large = {name: count_queries(client, page.url + q) for name, q in urls.items()}
    large_links = {w: count_queries(client, w) for w in ("/", sections["hub"].url)}
    assert large == small
    assert large_links == small_links
    assert max(small.values()) <= 12


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
def test_publishing_the_decision_aid_refreshes_home_hub_and_finder(
    client, sections, page_cache, commit
):
    page = decision_page(sections["hub"], live=False)
    showing = ["/", sections["hub"].url, sections["finder"].url]
    for url in showing:
        client.get(url)
        assert is_hit(client, url)
    commit(builders.publish, page)
    for url in showing:
        assert page.url in client.get(url).content.decode(), url
    for url in showing:
        client.get(url)
    commit(page.unpublish)
    for url in showing:
        assert "decision-cta" not in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_the_finder_is_among_the_paths_the_decision_aid_affects(aid):
    from home.affected import affected_paths

    paths = affected_paths(aid["page"])
    assert aid["finder"].url in paths
    assert {"/", aid["hub"].url, aid["page"].url} <= paths
    assert isinstance(aid["page"].shown_on_pages()[0], MethodIndexPage)


@pytest.mark.django_db
def test_a_page_with_a_lower_highest_level_never_suggests_more(client, sections):
    lv = builders.levels()
    page = decision_page(
        sections["hub"],
        rules=[rule({"open": "nothing"}, "consult", "Consult.")],
        highest_level=lv["collaborate"],
    )
    assert verdict(answer(client, page, ALL_CLEAR)) == "Engage at Collaborate"


@pytest.mark.django_db
def test_with_no_level_on_the_spectrum_at_all_the_aid_still_answers(client, sections):
    builders.levels()
    page = decision_page(sections["hub"], rules=[rule({"open": "nothing"}, "consult", "Ask.")])
    DecisionAidPage.objects.filter(pk=page.pk).update(highest_level=None)
    EngagementLevel.objects.update(on_spectrum=False)
    response = client.get(page.url, ALL_CLEAR)
    assert response.status_code == 200
    assert verdict(response.content.decode()) == "No suggestion yet"
    # A rule's level still holds when it applies.
    assert verdict(answer(client, page, {**ALL_CLEAR, "open": "nothing"})) == "Engage at Consult"


def test_an_answer_as_long_as_an_option_may_be_is_recognised():
    longest = "a" * MAX_VALUE_LENGTH  # the most an editor may give an option's value
    question = Question("open", "What is open?", options=(Option(longest, "Everything"),))
    answers = read_answers(QueryDict(f"open={longest}"), [question])
    assert answers.chosen == {"open": question.options[0]} and answers.unclear == []


@pytest.mark.django_db
def test_the_lowest_level_wins_whatever_the_order_of_the_rules(client, sections):
    builders.levels()
    page = decision_page(
        sections["hub"],
        rules=[
            rule({"open": "options"}, "consult", "Consult first."),
            rule({"time": "long"}, "collaborate", "Time enough."),
        ],
    )
    html = answer(client, page, {**ALL_CLEAR, "open": "options", "time": "long"})
    assert verdict(html) == "Engage at Consult"
