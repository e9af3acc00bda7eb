"""The engagement plan's arithmetic, on guides held in memory: steps laid end to end on
their longest and shortest times, milestones after them, cost lines added up and a
budget checked against them. tests/test_plan.py checks the same through the page; these
save nothing (the database only names the page type), so a broken sum is caught in a
fraction of a second."""

from decimal import Decimal

import pytest

from engagement.models import MethodPage
from engagement.plan import (
    Budget,
    CostGroup,
    CostLine,
    Entry,
    add_up,
    cost_groups,
    lay_out,
    plan_method,
)
from tests.test_plan import costs_block, line, step, steps_block

pytestmark = pytest.mark.django_db


def guide(title, steps=(), costs=(), note="", **fields):
    body = [steps_block(*steps)] if steps else []
    if costs:
        body.append(costs_block(*costs, note=note))
    return MethodPage(title=title, slug=title.lower().replace(" ", "-"), body=body, **fields)


def timeline(method_plans):
    return [
        (entry.title, entry.kind, entry.offset, entry.last_offset)
        for method_plan in method_plans
        for entry in method_plan.entries
    ]


def test_steps_follow_one_another_on_their_longest_times_and_methods_follow_each_other():
    jury = guide(
        "Jury",
        [step("Frame", 4, 6, "4–6 weeks", "Commissioner"), step("Hear", Decimal("0.3"), 1)],
        follow_up="Response within 2–3 months.",
    )
    cafe = guide("Cafe", [step("Host", 1, 2)])
    plans = [plan_method(jury, None), plan_method(cafe, None)]
    # Frame: 28 to 42 days; Hear: 2 to 7 days; Host: 7 to 14 days. On the shortest
    # times the jury takes days 0 to 29 and the café days 30 to 36.
    assert lay_out(plans) == (62, 36)
    assert timeline(plans) == [
        ("Frame", "step", 0, 41),
        ("Hear", "step", 42, 48),
        ("Share a summary of what you heard with the participants", "milestone", 62, 62),
        ("Host", "step", 49, 62),
        ("Share a summary of what you heard with the participants", "milestone", 76, 76),
    ]
    frame, hear, summary = plans[0].entries
    assert (frame.who, frame.duration, frame.min_days, frame.max_days) == (
        "Commissioner",
        "4–6 weeks",
        28,
        42,
    )
    assert (hear.who, hear.duration, hear.min_days, hear.max_days) == ("", "", 2, 7)
    assert summary.note == (
        "Within two weeks of the last step: thank people and show them what they said, "
        "before any decision is made. The guide's follow-up: Response within 2–3 months."
    )
    assert plans[1].entries[-1].note.endswith("before any decision is made.")
    assert (frame.weeks, hear.weeks, plans[1].entries[0].weeks) == (
        "Weeks 1 to 6",
        "Week 7",
        "Weeks 8 to 9",
    )


def test_a_same_day_step_takes_part_of_a_day_and_leaves_it_free():
    plans = [plan_method(guide("Group", [step("Run", 0, 0), step("Analyse", 1, 1)]), None)]
    assert lay_out(plans) == (6, 6)
    run, analyse, _summary = plans[0].entries
    assert (run.offset, run.last_offset, run.one_day) == (0, 0, True)
    assert (analyse.offset, analyse.last_offset, analyse.one_day) == (0, 6, False)


def test_one_missing_figure_stands_for_both_and_reversed_figures_are_put_in_order():
    steps = [step("Only the longest", None, 2), step("Only the shortest", 1, None)]
    steps.append(step("Reversed", 2, 1))
    entries = plan_method(guide("Odd", steps), None).entries
    assert [(e.min_days, e.max_days, e.undated) for e in entries] == [
        (14, 14, False),
        (7, 7, False),
        (7, 14, False),
    ]


def test_steps_without_weeks_are_undated_and_noted_and_a_guide_without_steps_too():
    undated = plan_method(guide("Vague", [step("Some time", None, None)]), None)
    assert [(e.title, e.undated, e.max_days) for e in undated.entries] == [("Some time", True, 0)]
    assert undated.notes == [
        "Some steps have no times in weeks in the guide yet: each is placed on the next "
        "free day and given no time of its own. Allow time for them."
    ]
    empty = plan_method(guide("Empty"), None)
    assert empty.notes == ["This guide has no steps yet, so the plan has no dates for it."]
    assert lay_out([empty]) == (0, 0) and empty.entries == []


def test_a_guide_with_no_steps_takes_no_days_from_the_next():
    plans = [
        plan_method(guide("Empty"), None),
        plan_method(guide("Next", [step("Go", 1, 2)]), None),
    ]
    lay_out(plans)
    assert timeline(plans)[0] == ("Go", "step", 0, 13)


def test_people_outside_the_guides_range_get_a_note():
    steps = [step("Run", 1, 1)]
    jury = guide("Jury", steps, participants_min=12, participants_max=1500)
    assert plan_method(jury, 2000).notes == [
        "The guide says Jury usually involves 12 to 1,500 people; you are planning for 2,000."
    ]
    assert plan_method(jury, 12).notes == plan_method(jury, 1500).notes == []
    assert plan_method(jury, None).notes == []
    assert plan_method(guide("Big", steps, participants_min=1000), 999).notes == [
        "The guide says Big usually involves at least 1,000 people; you are planning for 999."
    ]
    assert plan_method(guide("Small", steps, participants_max=15), 16).notes == [
        "The guide says Small usually involves up to 15 people; you are planning for 16."
    ]


def test_cost_lines_are_read_with_the_people_and_the_guides_source():
    jury = guide(
        "Jury",
        costs=[
            line("Recruitment", 3000, 8000, note="Agency fees"),
            line("Payments", 300, 600, True),
        ],
        note="An indicative split.",
        cost_source="Involve",
        cost_year=2023,
    )
    assert cost_groups(jury, 30) == [
        CostGroup(
            "Where the money goes",
            [
                CostLine("Recruitment", 3000, 8000, note="Agency fees", people=30),
                CostLine("Payments", 300, 600, per_person=True, people=30),
            ],
            "An indicative split.",
            "Involve, 2023",
        )
    ]


def test_without_lines_the_guides_overall_range_is_the_one_line():
    cafe = guide("Cafe", cost_min=500, cost_max=None, cost_covers="Venue and food")
    assert cost_groups(cafe, None) == [
        CostGroup(
            "The guide's overall range",
            [CostLine("The whole process", 500, None)],
            "Venue and food",
            "",
        )
    ]
    assert cost_groups(guide("Free"), None) == []


def test_lines_add_up_with_per_person_lines_scaled_and_an_open_top_kept_open():
    budget = Budget(budget=40_000)
    groups = [
        CostGroup("A", [CostLine("Fixed", 1000, 2000), CostLine("Each", 10, 20, True, people=30)]),
        CostGroup("B", [CostLine("No low", None, 500)]),
    ]
    add_up(budget, groups)
    assert (budget.low, budget.high, budget.needs_people) == (1300, 3100, False)
    assert budget.groups == groups
    add_up(budget, [CostGroup("C", [CostLine("Open-ended", 100, None)])])
    assert (budget.low, budget.high) == (1400, None)
    add_up(budget, [CostGroup("D", [CostLine("More", 1, 2)])])
    assert (budget.low, budget.high) == (1401, None)


def test_per_person_lines_without_people_are_kept_apart():
    budget = Budget()
    lines = [CostLine("Each", 10, 20, True), CostLine("Each more", 5, None, True)]
    add_up(budget, [CostGroup("A", [CostLine("Fixed", 100, 200), *lines])])
    assert (budget.low, budget.high) == (100, 200)
    assert (budget.per_person_low, budget.per_person_high, budget.needs_people) == (15, None, True)
    assert budget.verdict == ""  # nothing to say until the people are known


def test_a_budget_is_below_within_or_covers_the_range():
    def checked(amount, low=1000, high=2000):
        budget = Budget(groups=[CostGroup("A", [CostLine("x", low, high)])], low=low, high=high)
        budget.budget = amount
        return budget.verdict, budget.shortfall

    assert checked(999) == ("below", 1)
    assert checked(1000) == ("within", 0)
    assert checked(1999) == ("within", 0)
    assert checked(2000) == ("covers", 0)
    assert checked(10**6, high=None) == ("within", 0)
    assert checked(None) == ("", 0)
    assert Budget(budget=10, low=100).verdict == ""  # no cost lines at all


def test_a_per_person_line_totals_only_with_people():
    each = CostLine("Each", 10, None, per_person=True, people=3)
    assert (each.scaled, each.total_low, each.total_high) == (True, 30, None)
    unknown = CostLine("Each", 10, 20, per_person=True)
    assert (unknown.scaled, unknown.total_low, unknown.total_high) == (False, None, None)
    fixed = CostLine("Fixed", 10, 20, people=3)
    assert (fixed.scaled, fixed.total_low, fixed.total_high) == (False, 10, 20)


def test_an_entrys_weeks_and_length_read_as_the_page_shows_them():
    entry = Entry("Step", max_days=15, offset=6, last_offset=7)
    assert (entry.first_week, entry.last_week, entry.weeks) == (1, 2, "Weeks 1 to 2")
    assert entry.planned_length == "about 2 weeks"
    assert Entry("Day", offset=7, last_offset=13).weeks == "Week 2"
