"""The engagement plan for guides of every shape, each built for its own test (a step
of no time, one figure of two, cost lines missing a figure, no steps at all, steps past
the calendar's end), and what a reader types read as they mean it (people, budgets,
dates). The plan page with the usual guides, built once, is tests/test_plan.py: kept
apart so that a module's tests that share data built once run as one block (see
tests/shared.py) and these need not wait behind them, or they behind these."""

import datetime
import re
from decimal import Decimal

import icalendar
import pytest
from django.core.exceptions import ValidationError

from engagement import ics, plan
from engagement.plan import weeks_to_days
from site_project.blocks.method import CostLineBlock, StepBlock, weeks_block
from tests import builders
from tests.test_plan import (
    CALENDAR,
    PLAN,
    between,
    costs_block,
    get_plan,
    guide,
    line,
    main,
    step,
    steps_block,
    text,
)


@pytest.mark.django_db
def test_cost_lines_missing_a_figure_and_a_follow_up_ending_in_a_full_stop(client, sections):
    """A line without a lowest figure counts from £0; one without a highest leaves the
    total open-ended; the guide's follow-up is quoted with one full stop."""
    guide(
        sections["finder"],
        "Open meeting",
        "open-meeting",
        [
            steps_block(step("Hold it", 1, 1)),
            costs_block(
                line("Venue", None, 400),
                line("Refreshments", None, 5, per_person=True),
                line("Facilitator", 300, None),
                line("Travel", 10, None, per_person=True),
            ),
        ],
        follow_up="Write to everyone who came.",
    )
    body = main(get_plan(client, "open-meeting", people="10"))
    assert "Estimated cost From £400 Timeline" in body
    assert "The guide's follow-up: Write to everyone who came. Feedback" in body
    assert between(body, "Budget Cost lines", "Checklist") == " ".join(
        [
            "Budget Cost lines from the guides, for 10 people Item From Up to",
            "Open meeting: Where the money goes Venue – £400",
            "Refreshments up to £5 per person × 10 – £50",
            "Facilitator £300 –",
            "Travel £10 or more per person × 10 £100 –",
            "Total £400 no upper figure",
        ]
    )


def test_a_steps_planned_length_reads_as_days_whole_weeks_or_about_so_many_weeks():
    lengths = {n: plan.describe_days(n) for n in (0, 1, 2, 7, 13, 14, 15, 18, 24)}
    assert lengths == {
        0: "the same day",
        1: "1 day",
        2: "2 days",
        7: "1 week",
        13: "13 days",
        14: "2 weeks",
        15: "about 2 weeks",
        18: "about 3 weeks",
        24: "about 3 weeks",
    }


@pytest.mark.django_db
def test_a_plan_of_one_same_day_step_ends_on_its_first_day(client, sections):
    guide(sections["finder"], "Drop-in", "drop-in", [steps_block(step("Meet", 0, 0))])
    body = main(get_plan(client, "drop-in", start="2027-03-01"))
    assert "1 March 2027 Meet Planned: the same day" in body
    assert "Last step ends 1 March 2027 (week 1)" in body
    assert "If every step is quick 1 March 2027 (week 1)" in body
    # Twelve weeks after the last step.
    assert "24 May 2027 Milestone: Feed back to participants what changed" in body


@pytest.mark.django_db
def test_a_plan_of_one_weeklong_step_ends_in_week_one_either_way(client, sections):
    guide(sections["finder"], "Pop-up", "pop-up", [steps_block(step("Listen", 1, 1))])
    body = main(get_plan(client, "pop-up"))
    assert "Last step ends Week 1 If every step is quick Week 1 " in body


def test_weeks_become_whole_days_rounded_half_up():
    assert [weeks_to_days(w) for w in (0, "0.1", "0.3", "0.5", 1, "1.5", 104, None)] == [
        0,
        1,
        2,
        4,
        7,
        11,
        728,
        None,
    ]


@pytest.mark.django_db
def test_a_guide_with_only_one_of_the_two_figures_uses_it_for_both(client, sections):
    guide(
        sections["finder"],
        "Survey",
        "survey",
        [steps_block(step("Field the survey", None, 2), step("Report", 1, None))],
    )
    body = main(get_plan(client, "survey", start="2027-03-01"))
    assert "1 to 14 March 2027 Field the survey" in body
    assert "15 to 21 March 2027 Report" in body
    assert "If every step is quick 21 March 2027" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fewest, most, people, note",
    [
        (20, None, "5", "usually involves at least 20 people; you are planning for 5."),
        (None, 50, "1000", "usually involves up to 50 people; you are planning for 1,000."),
        (12, 30, "11", "usually involves 12 to 30 people; you are planning for 11."),
        (12, 30, "12", None),
        (12, 30, "30", None),
        (20, None, "5000", None),
        (None, 50, "1", None),
    ],
)
def test_a_note_only_when_the_people_are_outside_the_guides_range(
    client, sections, fewest, most, people, note
):
    guide(
        sections["finder"],
        "Survey",
        "survey",
        [steps_block(step("Run it", 1, 1))],
        participants_min=fewest,
        participants_max=most,
    )
    body = main(get_plan(client, "survey", people=people))
    notes = re.findall(r"The guide says Survey (usually involves .*?\.)", body)
    assert notes == ([note] if note else [])


@pytest.mark.django_db
def test_commas_semicolons_and_newlines_are_escaped_in_the_calendar(client, sections):
    awkward = "Agree; frame, and check \\ twice"
    guide(
        sections["finder"],
        "Jury, with; care",
        "awkward",
        [steps_block(step(awkward, 1, 1, who="Line one\nline two — ünïcode " + "é" * 60))],
    )
    raw = client.get(CALENDAR, {"m": "awkward", "start": "2027-03-01"}).content
    assert b"SUMMARY:Jury\\, with\\; care: Agree\\; frame\\, and check \\\\ twice" in raw
    assert all(len(each) <= 75 for each in raw.split(b"\r\n"))
    raw.decode("utf-8")  # folding never splits a character
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Jury, with; care: {awkward}"
    assert "Who: Line one\nline two — ünïcode " + "é" * 60 in str(event["DESCRIPTION"])


def test_the_writer_folds_at_75_octets_and_escapes_text():
    assert ics.escape_text("a,b;c\\d\ne\r\nf\x00") == "a\\,b\\;c\\\\d\\ne\\nf"
    folded = ics.fold("X:" + "€" * 60)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "X:" + "€" * 60
    with pytest.raises(ValueError):
        ics.calendar([], name="x", prodid="x", stamp=datetime.datetime(2027, 1, 1))


@pytest.mark.django_db
def test_a_refused_plan_keeps_up_to_nine_methods_ticked_to_untick_from(client, sections):
    slugs = [f"method-{n:02}" for n in range(10)]
    for slug in slugs:
        builders.method(sections["finder"], slug.title(), slug=slug)
    response = get_plan(client, *slugs)
    assert "A plan can combine up to 3 methods, and you chose 10." in main(response)
    ticked = re.findall(r'name="m" value="([^"]+)" checked', text(response))
    assert ticked == slugs[:9]


HOSTILE = '</script><script>alert(1)</script> "><img src=x onerror=alert(2)> {{ 7|add:1 }}'


@pytest.mark.django_db
def test_editor_content_and_the_readers_input_are_escaped(client, sections):
    guide(
        sections["finder"],
        f"Jury {HOSTILE}",
        "hostile",
        [
            ("when_to_use", {"use_when": ["x"], "avoid_when": [f"Avoid {HOSTILE}"]}),
            steps_block(step(f"Step {HOSTILE}", 1, 2, f"Duration {HOSTILE}", f"Who {HOSTILE}")),
            costs_block(line(f"Item {HOSTILE}", 1, 2, note=f"Note {HOSTILE}"), note=HOSTILE),
        ],
    )
    response = client.get(
        PLAN,
        {"m": ["hostile", HOSTILE], "start": HOSTILE, "people": HOSTILE, "budget": HOSTILE},
    )
    assert response.status_code == 200
    html = text(response)
    for raw in ("<script>alert(1)", "<img", '"><img'):
        assert raw not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "{{ 7|add:1 }}" in html and ">8<" not in html
    calendar = client.get(CALENDAR, {"m": "hostile", "start": "2027-03-01"}).content.decode()
    event = icalendar.Calendar.from_ical(calendar).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Jury {HOSTILE}: Step {HOSTILE}"


def test_a_steps_longest_time_cannot_be_below_its_shortest():
    block = StepBlock()
    value = block.to_python(step("Recruit", 6, 4))
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert error.value.as_json_data() == {
        "blockErrors": {
            "max_weeks": {"messages": ["The longest time cannot be shorter than the shortest."]}
        }
    }
    assert block.clean(block.to_python(step("Recruit", 4, 6)))["max_weeks"] == 6
    with pytest.raises(ValidationError):
        block.clean(block.to_python(step("Forever", 1, 105)))
    assert block.clean(block.to_python(step("Unknown", None, None)))["min_weeks"] is None


def test_weeks_are_optional_from_0_to_104_in_tenths():
    # Called here, not taken from StepBlock: the step's fields are built at import.
    block = weeks_block("Shortest (weeks)", "The shortest realistic time.")
    assert (block.label, block.field.help_text) == (
        "Shortest (weeks)",
        "The shortest realistic time.",
    )
    assert block.clean(None) is None
    assert [block.clean(Decimal(w)) for w in ("0", "0.5", "104")] == [0, Decimal("0.5"), 104]
    for weeks, message in [
        ("-0.5", "Ensure this value is greater than or equal to 0."),
        ("104.5", "Ensure this value is less than or equal to 104."),
        ("1.25", "Ensure that there are no more than 1 decimal place."),
    ]:
        with pytest.raises(ValidationError) as error:
            block.clean(Decimal(weeks))
        assert error.value.messages == [message]


def test_cost_lines_are_for_the_whole_process_unless_ticked_per_person():
    block = CostLineBlock()
    assert block.to_python({"item": "Venue", "low": 1, "high": 2})["per_person"] is False
    assert "number of people" in block.child_blocks["per_person"].field.help_text


@pytest.mark.django_db
def test_odd_stored_weeks_never_break_a_plan(client, sections):
    """Content that skipped the editor's checks (an import, an old revision)."""
    guide(
        sections["finder"],
        "Odd",
        "odd",
        [
            steps_block(
                step("Huge", "1e9", "1e12"),
                step("Negative", "-3", "-1"),
                step("Not a number", "NaN", "soon"),
                step("Backwards", 6, 4),
            )
        ],
    )
    body = main(get_plan(client, "odd", start="2027-03-01"))
    # Capped at two years; below zero is zero; nonsense is "no time given";
    # backwards ranges are read the right way round.
    assert "1 March 2027 to 25 February 2029 Huge Planned: 104 weeks" in body
    assert "26 February 2029 Negative Planned: the same day" in body
    assert "No time in weeks in the guide yet" in body
    assert "26 February to 8 April 2029 Backwards Planned: 6 weeks" in body


@pytest.mark.django_db
def test_a_guide_without_steps_or_costs_still_gets_a_checklist(client, sections):
    guide(
        sections["finder"],
        "Bare",
        "bare",
        [("when_to_use", {"use_when": ["x"], "avoid_when": ["Nobody is listening"]})],
    )
    body = main(get_plan(client, "bare", start="2027-03-01", budget="100"))
    assert "This guide has no steps yet, so the plan has no dates for it." in body
    assert "This guide gives no costs yet, so there is no budget to check." in body
    assert "Nobody is listening" in body
    assert "Feed back to participants" not in body


def test_every_demo_guide_has_weeks_for_every_step_and_sensible_cost_lines():
    from home.demo.methods import METHODS

    block = StepBlock()
    per_person = []
    for method in METHODS:
        steps = [b for b in method["body"] if b["type"] == "steps"]
        assert steps, method["slug"]
        for each in steps[0]["value"]["steps"]:
            value = block.clean(block.to_python(each))  # min <= max, within 0–104
            assert value["min_weeks"] is not None and value["max_weeks"] is not None
        for costs in (b for b in method["body"] if b["type"] == "cost_breakdown"):
            for cost in costs["value"]["lines"]:
                assert isinstance(cost["per_person"], bool), (method["slug"], cost["item"])
                if cost["per_person"]:
                    per_person.append(cost["item"])
                    assert cost["high"] <= 1000, "a per-person figure, not a total"
    assert "Juror payments and expenses" in per_person and len(per_person) >= 6


@pytest.mark.parametrize(
    "typed, pounds",
    [
        ("40000", 40000),
        ("£40,000", 40000),
        ("£ 40 000", 40000),  # spaces between thousands, as people type them
        ("100,000,000", plan.MAX_BUDGET),  # the largest budget taken
    ],
)
def test_budgets_are_read_as_people_type_them(typed, pounds):
    assert plan.parse_budget(typed) == (pounds, None)


def test_a_budget_over_the_largest_is_refused():
    assert plan.parse_budget("100,000,001") == (
        None,
        "The budget must be between £0 and £100,000,000.",
    )


@pytest.mark.django_db
def test_steps_running_past_the_calendars_end_are_left_undated_with_a_note(client, sections):
    """Each step is at most two years, but nothing limits how many a guide has: about
    four thousand run past the year 9999."""
    steps = [step(f"Stage {n}", 104, 104) for n in range(4100)]
    guide(sections["finder"], "Endless", "endless", [steps_block(*steps)])
    response = client.get(PLAN, {"m": "endless", "start": "2027-03-01"})
    assert response.status_code == 200
    main = text(response).split("<main", 1)[1].split("</main>", 1)[0]
    assert (
        '<p class="notice" role="status">These guides&#x27; steps run past the calendar&#x27;s '
        "end, so they are undated.</p>"
    ) in main
    assert "Download the dates" not in main
    calendar = client.get(CALENDAR, {"m": "endless", "start": "2027-03-01"})
    assert calendar.status_code == 302


ON = datetime.date(2026, 11, 28)  # plans may start from 1 January 2025 to 31 December 2036


@pytest.mark.parametrize(
    "typed, message",
    [
        (
            "9999-12-31",
            "Plans can start between 1 January 2025 and 31 December 2036; "
            "31 December 9999 is outside that.",
        ),
        (
            "10000-01-01",
            "Plans can start between 1 January 2025 and 31 December 2036; "
            "the year 10000 is outside that.",
        ),
        ("2027-01-32", "There is no 32 January 2027. Check the day of the month."),
        ("2027-12-32", "There is no 32 December 2027. Check the day of the month."),
        ("1-02-30", "There is no 30 February 1. Check the day of the month."),
        ("2027-13-01", "“2027-13-01” is not a real date: the month must be 1 to 12."),
        ("0-01-01", "“0-01-01” is not a real date: the month must be 1 to 12."),
    ],
)
def test_a_start_date_out_of_range_or_unreal_gets_a_message_saying_why(typed, message):
    assert plan.parse_start(typed, ON) == (None, message)


def test_the_first_and_last_days_of_the_window_are_taken():
    first, last = datetime.date(2025, 1, 1), datetime.date(2036, 12, 31)
    assert plan.parse_start("2025-01-01", ON) == (first, None)
    assert plan.parse_start("2036-12-31", ON) == (last, None)


def test_a_per_person_cost_without_a_number_of_people_has_no_total():
    line = plan.CostLine("Venue", 5, 10, per_person=True)
    assert (line.total(5), line.scaled) == (None, False)
    line.people = 20
    assert (line.total(5), line.scaled) == (100, True)
    assert plan.CostLine("Venue", 5, 10).total(5) == 5


@pytest.mark.parametrize(
    "typed, people",
    [("30", 30), ("1 000", 1000), ("1,000", 1000), ("1", 1), ("1,000,000", plan.MAX_PEOPLE)],
)
def test_numbers_of_people_are_read_as_people_type_them(typed, people):
    assert plan.parse_people(typed) == (people, None)


@pytest.mark.parametrize("typed", ["0", "1,000,001", "-5"])
def test_a_number_of_people_out_of_range_is_refused(typed):
    assert plan.parse_people(typed) == (
        None,
        "The number of people must be between 1 and 1,000,000.",
    )


@pytest.mark.django_db
def test_a_guide_without_steps_first_takes_no_days_from_the_plan(client, sections):
    guide(sections["finder"], "Open letter", "open-letter", [])
    guide(
        sections["finder"],
        "Street stall",
        "street-stall",
        [steps_block(step("Hold the stall", 1, 1))],
        follow_up="Publish the findings on Form X",
    )
    response = get_plan(client, "open-letter", "street-stall", start="2027-03-01")
    body = main(response)
    assert "1 to 7 March 2027 Hold the stall" in body
    assert "The guide's follow-up: Publish the findings on Form X. Feedback" in body
    assert re.search(
        r">\s*This guide has no steps yet, so the plan has no dates for it\.\s*<", text(response)
    )


@pytest.mark.django_db
def test_per_person_costs_add_up_without_a_number_of_people(client, sections):
    """Without the number of people, per-person lines are summed per person (an open
    line leaves the sum open); a guide with only an overall range shows it, with what
    it covers and its year; each line's note is shown."""
    guide(
        sections["finder"],
        "Tea party",
        "tea-party",
        [
            steps_block(step("Pour", 1, 1)),
            costs_block(
                line("Food", 5, 10, per_person=True, note="Tea and biscuits"),
                line("Gift", 20, None, per_person=True),
            ),
        ],
    )
    guide(
        sections["finder"],
        "Town meeting",
        "town-meeting",
        [steps_block(step("Meet", 1, 1))],
        cost_min=1000,
        cost_max=None,
        cost_covers="Venue and staff",
        cost_year=2024,
        cost_source="",
    )
    body = main(get_plan(client, "tea-party", "town-meeting"))
    assert "£1,000 or more, plus £25 or more per person" in body
    assert "Food per person Tea and biscuits" in body
    assert "The whole process £1,000 –" in body
    assert "Town meeting: Venue and staff Overall range: 2024." in body
