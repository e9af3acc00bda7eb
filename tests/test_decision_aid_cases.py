"""The "Should we engage?" page on pages built for one test each: rules and questions
that contradict each other or are broken, refused on save (in code and in the admin),
finder links for particular answers, a spectrum with levels missing, escaping, drafts
and private pages, bounded queries, publishing refreshing the pages that invite readers
to it, and where the page may live. Kept apart from tests/test_decision_aid.py, whose
tests share a page built once, so that neither set waits behind the other under `make
mutation` (see tests/shared.py)."""

import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from engagement.decision import KEY_MESSAGE, DecisionAidPage, questions_from, raw_rules_from
from engagement.models import EngagementIndexPage, Framework
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

# -- building a decision aid --------------------------------------------------------------
from tests.test_decision_aid import (
    ALL_CLEAR,
    QUESTIONS,
    answer,
    decision_page,
    finder_href,
    is_hit,
    question,
    rule,
    section,
    text_of,
    verdict,
)
from tests.test_query_counts import count_queries


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
def test_with_its_highest_level_deleted_the_top_of_the_spectrum_is_the_ceiling(client, sections):
    """Not a level off the spectrum (Community-led ranks higher but is not on it)."""
    page = decision_page(sections["hub"], rules=[rule({"open": "nothing"}, "consult", "Consult.")])
    DecisionAidPage.objects.filter(pk=page.pk).update(highest_level=None)
    assert verdict(answer(client, page, ALL_CLEAR)) == "Engage at Empower"
    assert verdict(answer(client, page, {**ALL_CLEAR, "open": "nothing"})) == "Engage at Consult"


@pytest.mark.django_db
def test_a_condition_holds_for_any_of_its_answers(client, sections):
    rules = [rule({"open": "nothing, options"}, "consult", "Either way, consult.")]
    page = decision_page(sections["hub"], rules=rules)
    for value in ("nothing", "options"):
        assert verdict(answer(client, page, {**ALL_CLEAR, "open": value})) == "Engage at Consult"
    assert verdict(answer(client, page, ALL_CLEAR)) == "Engage at Empower"


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
def test_no_finder_link_while_waiting_when_the_editor_chose_no_level(client, sections):
    page = decision_page(
        sections["hub"], rules=[rule({"open": "nothing"}, NOT_YET, "Wait.")], meanwhile_level=None
    )
    html = answer(client, page, {**ALL_CLEAR, "open": "nothing"})
    assert verdict(html) == "Not yet" and finder_href(html) is None


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
def test_no_invitation_to_a_draft_or_private_decision_aid(client, sections):
    page = decision_page(sections["hub"], live=False)
    for where in ("/", sections["hub"].url, sections["finder"].url):
        assert "decision-cta" not in client.get(where).content.decode(), where
    builders.publish(page)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    for where in ("/", sections["hub"].url, sections["finder"].url):
        assert "decision-cta" not in client.get(where).content.decode(), where


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
