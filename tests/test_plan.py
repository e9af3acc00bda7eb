"""The engagement plan (/engagement/plan/?m=<slug>&start=&people=&budget=): known steps
give known dates, ranges and budgets are handled as the page says, the calendar file
parses back with a library, junk input gets a message, unpublished guides never leak,
and the page is escaped, bounded, cacheable and printable."""

import datetime
import hashlib
import html
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

import icalendar
import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from engagement import plan
from engagement.models import MethodPage, MethodPrincipleLink, PrinciplePage
from home.affected import affected_paths
from site_project.core.models import SiteSettings
from tests import builders
from tests.shared import afresh, built_once
from tests.test_query_counts import count_queries
from tests.test_security_headers import assert_nothing_inline, assert_strict_public_policy

PLAN = "/engagement/plan/"
CALENDAR = "/engagement/plan/calendar.ics"


def text(response):
    return response.content.decode()


def main(response):
    """The page's main content as plain text, whitespace collapsed."""
    html = text(response)
    html = html[html.index("<main") : html.index("</main>")]
    plain = re.sub(r"<[^>]+>", " ", html)
    return " ".join(plain.replace("&#x27;", "'").replace("&amp;", "&").split())


def step(title, low, high, duration="", who=""):
    return {
        "title": title,
        "what_happens": "<p>What happens.</p>",
        "who": who,
        "duration": duration,
        "min_weeks": low,
        "max_weeks": high,
    }


def line(item, low, high, per_person=False, note=""):
    return {"item": item, "low": low, "high": high, "per_person": per_person, "note": note}


def steps_block(*steps):
    return ("steps", {"title": "How it works", "steps": list(steps)})


def costs_block(*lines, note=""):
    value = {"caption": "Where the money goes", "lines": list(lines), "note": note}
    return ("cost_breakdown", value)


def guide(finder, title, slug, body, **fields):
    page = builders.method(finder, title, slug=slug, **fields)
    page.body = body
    return builders.publish(page)


def _build_plan_site():
    """Three guides with steps and costs (one linked to principles, one a draft)."""
    sections = builders.site_sections()
    finder, principles = sections["finder"], sections["principles"]
    honour = builders.principle(principles, "Make a difference", statement="Engage to change.")
    at_risk = builders.principle(principles, "Feed back what changed", statement="Say so.")
    draft = builders.principle(principles, "A draft principle", live=False)
    jury = guide(
        finder,
        "Citizens' jury",
        "citizens-jury",
        [
            (
                "when_to_use",
                {
                    "use_when": ["A focused question"],
                    "avoid_when": ["The decision is already made", "You need numbers fast"],
                },
            ),
            steps_block(
                step("Frame the charge", 4, 6, "4–6 weeks", "Commissioner"),
                step("Recruit the jury", 4, 6, "4–6 weeks"),
                step("Hear evidence", Decimal("0.3"), Decimal("0.6"), "2–4 days"),
                step("Deliberate and report", Decimal("0.1"), Decimal("0.4"), "1–3 days"),
            ),
            costs_block(
                line("Recruitment", 3000, 8000),
                line("Juror payments", 300, 600, per_person=True),
                note="An indicative split of Involve's range (2023).",
            ),
        ],
        participants_min=12,
        participants_max=30,
        cost_min=60000,
        cost_max=200000,
        cost_source="Involve",
        cost_year=2023,
        follow_up="Response within 2–3 months",
    )
    for principle, effect, note in [
        (honour, "supports", "A focused question makes a clear answer likely."),
        (at_risk, "risks", "Long silences after the verdict."),
        (draft, "supports", "Never shown."),
    ]:
        jury.principle_links.add(MethodPrincipleLink(principle=principle, effect=effect, note=note))
    builders.publish(jury)
    focus = guide(
        finder,
        "Focus group",
        "focus-group",
        [
            steps_block(
                step("Plan", 1, 1),
                step("Recruit", 2, 3),
                step("Run", 0, 0, "1–2 hours"),
                step("Analyse", 1, 3),
            ),
            costs_block(line("Moderator", 200, 1500), line("Incentives", 25, 75, True)),
        ],
    )
    cafe = guide(
        finder,
        "World café",
        "world-cafe",
        [steps_block(step("Frame questions", None, None, "1–2 weeks"))],
        cost_min=500,
        cost_max=3000,
    )
    return {**sections, "jury": jury, "focus": focus, "cafe": cafe, "draft_principle": draft}


plan_site_built_once = built_once("plan_site", _build_plan_site)


@pytest.fixture
def plan_site(plan_site_built_once, db):
    """The guides of `_build_plan_site`, built once for this module (tests/shared.py)."""
    return afresh(plan_site_built_once)


def get_plan(client, *slugs, **params):
    response = client.get(PLAN, {"m": list(slugs), **params})
    assert response.status_code == 200
    return response


# ---------- Dates ----------


@pytest.mark.django_db
def test_a_plan_starting_on_a_known_date_has_known_step_dates(client, plan_site):
    body = main(get_plan(client, "citizens-jury", start="2027-03-01"))
    # Every step on its longest time: 6 weeks, 6 weeks, 4 days, 3 days.
    assert "1 March to 11 April 2027 Frame the charge" in body
    assert "12 April to 23 May 2027 Recruit the jury" in body
    assert "24 to 27 May 2027 Hear evidence" in body
    assert "28 to 30 May 2027 Deliberate and report" in body
    # A summary two weeks after the last step, feedback twelve weeks after it.
    assert "13 June 2027 Milestone: Share a summary of what you heard" in body
    assert "22 August 2027 Milestone: Feed back to participants what changed" in body
    # The same steps on their shortest times: 4 weeks, 4 weeks, 2 days, 1 day.
    assert "Last step ends 30 May 2027 (week 13)" in body
    assert "If every step is quick 28 April 2027 (week 9)" in body
    assert "Starting 1 March 2027." in body


@pytest.mark.django_db
def test_without_a_start_date_the_timeline_counts_weeks(client, plan_site):
    body = main(get_plan(client, "citizens-jury"))
    assert "Weeks 1 to 6 Frame the charge" in body
    assert "Weeks 7 to 12 Recruit the jury" in body
    assert "Week 13 Hear evidence" in body
    assert "Give a start date for dates" in body
    assert "calendar.ics" not in text(get_plan(client, "citizens-jury"))


@pytest.mark.django_db
def test_combined_methods_run_one_after_another_in_the_readers_order(client, plan_site):
    body = main(get_plan(client, "focus-group", "citizens-jury", start="2027-03-01"))
    assert body.index("1. Focus group") < body.index("2. Citizens' jury")
    # Plan 7 days, recruit 21; the two-hour run takes part of a day and analysis may
    # start that day; the jury starts the day after the analysis ends.
    assert "1 to 7 March 2027 Plan" in body
    assert "8 to 28 March 2027 Recruit" in body
    assert "29 March 2027 Run Planned: the same day" in body
    assert "29 March to 18 April 2027 Analyse" in body
    assert "2 May 2027 Milestone: Share a summary" in body
    assert "19 April to 30 May 2027 Frame the charge" in body
    assert "one after another, in the order you chose" in body
    other_order = main(get_plan(client, "citizens-jury", "focus-group", start="2027-03-01"))
    assert "1 March to 11 April 2027 Frame the charge" in other_order


def between(body, start, end):
    """The text of `body` from `start` up to (not including) `end`."""
    return body[body.index(start) : body.index(end, body.index(start))].strip()


SUMMARY_NOTE = (
    "Within two weeks of the last step: thank people and show them what they said, "
    "before any decision is made."
)
FEEDBACK = (
    "Feedback {when} Milestone: Feed back to participants what changed, and why Within "
    "twelve weeks of the last step: what the decision-makers did with what people said, "
    "including what they chose not to do and why."
)
SUMMARY = "Milestone: Share a summary of what you heard with the participants " + SUMMARY_NOTE
JURY_FOLLOW_UP = "The guide's follow-up: Response within 2–3 months."


@pytest.mark.django_db
def test_a_dated_plan_for_known_people_and_budget_in_full(client, plan_site):
    """Every line of the summary, the timeline and the budget of a two-method plan."""
    body = main(
        get_plan(
            client, "focus-group", "citizens-jury", start="2027-03-01", people="20", budget="30000"
        )
    )
    assert between(body, "In short", "Download the dates") == (
        "In short Start 1 March 2027 Last step ends 18 July 2027 (week 20) "
        "If every step is quick 26 May 2027 (week 13) Estimated cost £9,700–£23,000"
    )
    assert between(body, "1. Focus group", "Budget") == " ".join(
        [
            "1. Focus group",
            "1 to 7 March 2027 Plan Planned: 1 week",
            "8 to 28 March 2027 Recruit Planned: 3 weeks",
            "29 March 2027 Run Planned: the same day · the guide says “1–2 hours”",
            "29 March to 18 April 2027 Analyse Planned: 3 weeks",
            f"2 May 2027 {SUMMARY}",
            "2. Citizens' jury",
            "19 April to 30 May 2027 Frame the charge Planned: 6 weeks · the guide says "
            "“4–6 weeks” · Who: Commissioner",
            "31 May to 11 July 2027 Recruit the jury Planned: 6 weeks · the guide says “4–6 weeks”",
            "12 to 15 July 2027 Hear evidence Planned: 4 days · the guide says “2–4 days”",
            "16 to 18 July 2027 Deliberate and report Planned: 3 days · the guide says “1–3 days”",
            f"1 August 2027 {SUMMARY} {JURY_FOLLOW_UP}",
            FEEDBACK.format(when="10 October 2027"),
        ]
    )
    assert between(body, "Budget Cost lines", "Checklist") == " ".join(
        [
            "Budget Cost lines from the guides, for 20 people Item From Up to",
            "Focus group: Where the money goes Moderator £200 £1,500",
            "Incentives £25–£75 per person × 20 £500 £1,500",
            "Citizens' jury: Where the money goes Recruitment £3,000 £8,000",
            "Juror payments £300–£600 per person × 20 £6,000 £12,000",
            "Total £9,700 £23,000",
            "Citizens' jury: An indicative split of Involve's range (2023).",
            "Overall range: Involve, 2023.",
            "Your budget of £30,000 covers the whole estimated range.",
        ]
    )


def meta_description(response):
    found = re.search(r'<meta name="description" content="([^"]*)">', text(response))
    return html.unescape(found.group(1))


@pytest.mark.django_db
def test_the_empty_form_states_its_limits_and_describes_the_page(client, plan_site):
    response = client.get(PLAN)
    assert meta_description(response) == (
        "A dated timeline, budget and checklist for an engagement method, made from the "
        "method guides."
    )
    body = main(response)
    assert f"Choose up to {plan.MAX_METHODS} methods and a start date." in body
    assert f"Methods, up to {plan.MAX_METHODS}" in body
    page = text(response)
    assert f'name="people" value="" min="1" max="{plan.MAX_PEOPLE}"' in page
    assert f'name="budget" value="" min="0" max="{plan.MAX_BUDGET}"' in page
    earliest, latest = plan.date_window(timezone.localdate())
    assert f'name="start" value="" min="{earliest:%Y-%m-%d}" max="{latest:%Y-%m-%d}"' in page


@pytest.mark.django_db
def test_a_plan_is_titled_and_described_after_what_is_planned(client, plan_site):
    response = get_plan(client, "citizens-jury")
    site_name = SiteSettings.objects.get().site_name
    assert f"<title>Engagement plan: Citizens&#x27; jury · {site_name}</title>" in text(response)
    assert meta_description(response) == (
        "A dated timeline, budget and checklist for Citizens' jury, made from the method guides."
    )
    assert (
        "a summary to participants within 2 weeks, and feedback on what changed within 12 "
        "weeks" in main(response)
    )


@pytest.mark.django_db
def test_an_undated_plan_without_people_in_full(client, plan_site):
    """Weeks instead of dates, a step without weeks, and per-person lines kept apart."""
    body = main(get_plan(client, "citizens-jury", "world-cafe"))
    assert between(body, "In short", "Timeline") == (
        "In short Start Give a start date for dates Last step ends Week 14 "
        "If every step is quick Week 9 Estimated cost £3,500–£11,000, plus £300–£600 per person"
    )
    assert between(body, "1. Citizens' jury", "Budget") == " ".join(
        [
            "1. Citizens' jury",
            "Weeks 1 to 6 Frame the charge Planned: 6 weeks · the guide says “4–6 weeks” "
            "· Who: Commissioner",
            "Weeks 7 to 12 Recruit the jury Planned: 6 weeks · the guide says “4–6 weeks”",
            "Week 13 Hear evidence Planned: 4 days · the guide says “2–4 days”",
            "Week 13 Deliberate and report Planned: 3 days · the guide says “1–3 days”",
            f"Week 15 {SUMMARY} {JURY_FOLLOW_UP}",
            "2. World café Some steps have no times in weeks in the guide yet: each is placed "
            "on the next free day and given no time of its own. Allow time for them.",
            "Week 14 Frame questions No time in weeks in the guide yet · the guide says "
            "“1–2 weeks”",
            f"Week 16 {SUMMARY}",
            FEEDBACK.format(when="Week 26"),
        ]
    )
    assert between(body, "Budget Cost lines", "Checklist") == " ".join(
        [
            "Budget Cost lines from the guides Item From Up to",
            "Citizens' jury: Where the money goes Recruitment £3,000 £8,000",
            "Juror payments per person £300 £600",
            "World café: The guide's overall range The whole process £500 £3,000",
            "Total £3,500–£11,000, plus £300–£600 per person",
            "Citizens' jury: An indicative split of Involve's range (2023).",
            "Overall range: Involve, 2023.",
            "Some lines are per person: give the number of people to add them to the total.",
        ]
    )


@pytest.mark.django_db
def test_a_step_without_weeks_is_placed_with_a_note(client, plan_site):
    body = main(get_plan(client, "world-cafe", start="2027-03-01"))
    assert "1 March 2027 Frame questions No time in weeks in the guide yet" in body
    assert "Some steps have no times in weeks in the guide yet" in body


# ---------- Budget ----------


@pytest.mark.django_db
def test_per_person_lines_are_scaled_to_the_number_of_people(client, plan_site):
    body = main(get_plan(client, "citizens-jury", people="30"))
    assert "Juror payments £300–£600 per person × 30 £9,000 £18,000" in body
    assert "Recruitment £3,000 £8,000" in body
    assert "Total £12,000 £26,000" in body
    assert "Estimated cost £12,000–£26,000" in body
    assert "An indicative split of Involve's range (2023). Overall range: Involve, 2023." in body
    assert "for 30 people" in body
    twelve = main(get_plan(client, "citizens-jury", people="12"))
    assert "Total £6,600 £15,200" in twelve


@pytest.mark.django_db
def test_without_people_the_per_person_lines_stay_apart(client, plan_site):
    body = main(get_plan(client, "citizens-jury", budget="1000"))
    assert "£3,000–£8,000, plus £300–£600 per person" in body
    assert "give the number of people to add them to the total" in body
    assert "is below the lowest estimate" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("budget", "said"),
    [
        ("11999", "Your budget of £11,999 is below the lowest estimate, £12,000 , by £1."),
        ("12000", "Your budget of £12,000 covers the lowest estimate, but not the highest"),
        ("£26,000", "Your budget of £26,000 covers the whole estimated range."),
    ],
)
def test_the_readers_budget_is_checked_against_the_range(client, plan_site, budget, said):
    response = get_plan(client, "citizens-jury", people="30", budget=budget)
    assert said in main(response)
    assert ("notice--warning" in text(response)) == ("below" in said)


@pytest.mark.django_db
def test_combined_budgets_add_up_and_a_guide_without_lines_uses_its_overall_range(
    client, plan_site
):
    body = main(get_plan(client, "citizens-jury", "focus-group", "world-cafe", people="10"))
    # Jury 3,000 + 3,000 to 8,000 + 6,000; focus group 200 + 250 to 1,500 + 750;
    # café 500 to 3,000 from its overall range.
    assert "Total £6,950 £19,250" in body
    assert "World café: The guide's overall range The whole process £500 £3,000" in body


@pytest.mark.django_db
def test_people_outside_the_guides_usual_numbers_get_a_note(client, plan_site):
    body = main(get_plan(client, "citizens-jury", people="300"))
    assert "usually involves 12 to 30 people; you are planning for 300" in body


# ---------- Checklist ----------


@pytest.mark.django_db
def test_the_checklist_has_the_principles_and_when_not_to_use_it(client, plan_site):
    response = get_plan(client, "citizens-jury")
    body = main(response)
    assert "Principles to honour Make a difference : Engage to change." in body
    assert "A focused question makes a clear answer likely." in body
    assert "Principles at risk: guard them Feed back what changed : Say so." in body
    assert "The decision is already made" in body and "You need numbers fast" in body
    assert "A draft principle" not in body and "Never shown." not in body
    assert f'href="{plan_site["jury"].url}"' in text(response)


# ---------- The calendar ----------


@pytest.mark.django_db
def test_the_calendar_parses_back_with_the_right_events_and_dates(client, plan_site):
    # Published well before the download, so the stamp cannot be the download's time.
    published = datetime.datetime(2026, 5, 4, 3, 2, 1, tzinfo=datetime.UTC)
    MethodPage.objects.filter(slug="citizens-jury").update(last_published_at=published)
    response = client.get(CALENDAR, {"m": "citizens-jury", "start": "2027-03-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="engagement-plan-2027-03-01.ics"'
    )
    assert response["X-Robots-Tag"] == "noindex"
    raw = response.content
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(each) <= 75 for each in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Engaging Communities//Engagement plan//EN"
    assert str(calendar["X-WR-CALNAME"]).startswith("Engagement plan: Citizens")
    events = list(calendar.walk("VEVENT"))
    found = [(str(e["SUMMARY"]), e["DTSTART"].dt, e["DTEND"].dt, e["DTSTAMP"].dt) for e in events]
    day = datetime.date
    assert [(summary, start, end) for summary, start, end, _ in found] == [
        ("Citizens' jury: Frame the charge", day(2027, 3, 1), day(2027, 4, 12)),
        ("Citizens' jury: Recruit the jury", day(2027, 4, 12), day(2027, 5, 24)),
        ("Citizens' jury: Hear evidence", day(2027, 5, 24), day(2027, 5, 28)),
        ("Citizens' jury: Deliberate and report", day(2027, 5, 28), day(2027, 5, 31)),
        (
            "Citizens' jury: Share a summary of what you heard with the participants",
            day(2027, 6, 13),
            day(2027, 6, 14),
        ),
        ("Feed back to participants what changed, and why", day(2027, 8, 22), day(2027, 8, 23)),
    ]
    # Stamped with the guide's last publication, so the same plan gives the same file.
    assert {stamp for *_, stamp in found} == {published}
    for _summary, start, end, stamp in found:
        # All-day: DATE values, not date-times; DTSTAMP a UTC date-time.
        assert type(start) is datetime.date and type(end) is datetime.date
        assert isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0)
    # Stable UIDs (from the methods and the start), so calendars update rather than
    # duplicate the events when the file is downloaded again.
    base = hashlib.sha256(b"citizens-jury|2027-03-01").hexdigest()[:24]
    uids = [str(e["UID"]) for e in events]
    assert uids == [f"{base}-{n}@testserver" for n in range(1, len(events) + 1)]
    assert b"DTSTART;VALUE=DATE:20270301\r\n" in raw
    # The same plan gives the same file, so calendars update rather than duplicate.
    again = client.get(CALENDAR, {"m": "citizens-jury", "start": "2027-03-01"})
    assert again.content == raw
    description = str(events[0]["DESCRIPTION"])
    assert "Who: Commissioner" in description and "\n" in description
    assert str(events[0]["URL"]).startswith("http://testserver/engagement/plan/?m=citizens-jury")


@pytest.mark.django_db
def test_calendar_events_describe_each_step_and_milestone(client, plan_site):
    """Undated steps are left out; each event says who, how long, what the guide says,
    and links the whole plan."""
    query = {"m": ["citizens-jury", "world-cafe"], "start": "2027-03-01", "people": "20"}
    response = client.get(CALENDAR, query)
    plan_url = (
        "http://testserver/engagement/plan/?m=citizens-jury&m=world-cafe&start=2027-03-01&people=20"
    )
    events = list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))
    assert [(str(e["SUMMARY"]), str(e["DESCRIPTION"]), str(e["URL"])) for e in events] == [
        (
            "Citizens' jury: Frame the charge",
            "Who: Commissioner\nPlanned length: 6 weeks\nThe guide says: 4–6 weeks\n"
            f"The whole plan: {plan_url}",
            plan_url,
        ),
        (
            "Citizens' jury: Recruit the jury",
            f"Planned length: 6 weeks\nThe guide says: 4–6 weeks\nThe whole plan: {plan_url}",
            plan_url,
        ),
        (
            "Citizens' jury: Hear evidence",
            f"Planned length: 4 days\nThe guide says: 2–4 days\nThe whole plan: {plan_url}",
            plan_url,
        ),
        (
            "Citizens' jury: Deliberate and report",
            f"Planned length: 3 days\nThe guide says: 1–3 days\nThe whole plan: {plan_url}",
            plan_url,
        ),
        (
            "Citizens' jury: Share a summary of what you heard with the participants",
            "Within two weeks of the last step: thank people and show them what they said, "
            "before any decision is made. The guide's follow-up: Response within 2–3 months."
            f"\nThe whole plan: {plan_url}",
            plan_url,
        ),
        (
            "World café: Share a summary of what you heard with the participants",
            "Within two weeks of the last step: thank people and show them what they said, "
            f"before any decision is made.\nThe whole plan: {plan_url}",
            plan_url,
        ),
        (
            "Feed back to participants what changed, and why",
            "Within twelve weeks of the last step: what the decision-makers did with what "
            "people said, including what they chose not to do and why.\n"
            f"The whole plan: {plan_url}",
            plan_url,
        ),
    ]
    # A step the guide gives no words of its own for says only how long it is planned.
    response = client.get(CALENDAR, {"m": "focus-group", "start": "2027-03-01"})
    first = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(first["DESCRIPTION"]) == (
        "Planned length: 1 week\nThe whole plan: "
        "http://testserver/engagement/plan/?m=focus-group&start=2027-03-01"
    )


@pytest.mark.django_db
def test_the_page_links_the_calendar_with_the_same_plan(client, plan_site):
    html = text(get_plan(client, "citizens-jury", start="2027-03-01", people="30"))
    assert (
        'href="/engagement/plan/calendar.ics?m=citizens-jury&amp;start=2027-03-01&amp;people=30"'
        in html
    )
    html = text(get_plan(client, "citizens-jury", start="2027-03-01", budget="£40,000"))
    assert (
        'href="/engagement/plan/calendar.ics?m=citizens-jury&amp;start=2027-03-01&amp;'
        'budget=40000"' in html
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{}, {"m": "citizens-jury"}, {"m": "nope", "start": "2027-03-01"}, {"start": "x"}]
)
def test_an_incomplete_calendar_request_goes_to_the_plan_page(client, plan_site, params):
    response = client.get(CALENDAR, params)
    assert response.status_code == 302
    query = urlencode(params, doseq=True)
    assert response["Location"] == PLAN + (f"?{query}" if query else "")
    assert client.get(response["Location"]).status_code == 200


# ---------- Junk ----------


# Each answer a reader could get wrong, and what the plan page says about it.
BAD_INPUT = [
    ({"start": "2027-02-30"}, "There is no 30 February 2027. Check the day of the month."),
    (
        {"start": "tomorrow"},
        "We couldn't read “tomorrow” as a date. Give the start date as year-month-day, "
        "for example 2027-03-01.",
    ),
    (
        {"start": "y" * 40},  # forty characters are quoted whole
        f"We couldn't read “{'y' * 40}” as a date. Give the start date as year-month-day, "
        "for example 2027-03-01.",
    ),
    (
        {"start": "x" * 50},
        f"We couldn't read “{'x' * 40}…” as a date. Give the start date as year-month-day, "
        "for example 2027-03-01.",
    ),
    (
        {"start": "99999-01-01"},
        "Plans can start between {window}; the year 99999 is outside that.",
    ),
    (
        {"start": "1999-03-01"},
        "Plans can start between {window}; 1 March 1999 is outside that.",
    ),
    ({"start": "2027-13-01"}, "“2027-13-01” is not a real date: the month must be 1 to 12."),
    ({"people": "-5"}, "The number of people must be between 1 and 1,000,000."),
    ({"people": str(10**12)}, "The number of people must be between 1 and 1,000,000."),
    ({"people": "0"}, "The number of people must be between 1 and 1,000,000."),
    ({"people": "9" * 5000}, "The number of people must be between 1 and 1,000,000."),
    (
        {"people": "lo\x00ts"},
        "We couldn't read “lots” as a number of people. Give a whole number, for example 30.",
    ),
    (
        {"people": "2.5"},
        "We couldn't read “2.5” as a number of people. Give a whole number, for example 30.",
    ),
    (
        {"budget": "lots"},
        "We couldn't read “lots” as a budget. Give it in pounds, for example 40000.",
    ),
    ({"budget": "-5"}, "The budget must be between £0 and £100,000,000."),
    ({"budget": str(10**12)}, "The budget must be between £0 and £100,000,000."),
    (
        {"budget": "١٢٣"},
        "We couldn't read “١٢٣” as a budget. Give it in pounds, for example 40000.",
    ),
]


@pytest.mark.django_db
def test_bad_input_gets_a_clear_message_never_an_error(client, plan_site, subtests):
    year = timezone.localdate().year
    window = f"1 January {year - 1} and 31 December {year + 10}"
    for params, message in BAD_INPUT:  # one plan site for all: each answer is a GET
        with subtests.test(params=params):
            response = client.get(PLAN, {"m": "citizens-jury", **params})
            assert response.status_code == 200
            body = main(response)
            assert "Please check your answers" in body
            assert message.replace("{window}", window) in body
            field = next(iter(params))
            assert f'id="plan-{field}"' in text(response)
            assert 'aria-invalid="true"' in text(response)
            # What could be read still makes a plan.
            assert "Frame the charge" in body


@pytest.mark.django_db
def test_friendly_forms_of_numbers_are_understood(client, plan_site):
    body = main(get_plan(client, "citizens-jury", people="1,000", budget="£40,000.50"))
    assert "for 1,000 people, with a budget of £40,000." in body
    assert "Please check" not in body


@pytest.mark.django_db
def test_unknown_repeated_and_too_many_methods_get_notes(client, plan_site, sections):
    body = main(get_plan(client, "citizens-jury", "nope", "citizens-jury", "\x00"))
    assert "We couldn't find a method called “nope”, so it was left out." in body
    assert "“citizens-jury” was listed twice; it is planned once." in body
    assert "Frame the charge" in body
    extra = builders.method(sections["finder"], "Survey", slug="survey")
    slugs = ["citizens-jury", "focus-group", "world-cafe", extra.slug]
    refused = main(get_plan(client, *slugs, start="2027-03-01"))
    assert "A plan can combine up to 3 methods, and you chose 4." in refused
    assert "Frame the charge" not in refused


@pytest.mark.django_db
def test_the_readers_input_is_read_and_echoed_up_to_a_bound(client, plan_site):
    """A method listed fifty times yields 49 "listed twice" notes, and no more however
    often it is listed; a number is read from its first 200 characters."""
    many = main(client.get(PLAN, {"m": ["citizens-jury"] * 60}))
    assert many.count("“citizens-jury” was listed twice") == 49
    page = text(get_plan(client, "citizens-jury", people="7" * 250, budget=" 12 "))
    assert f'name="people" value="{"7" * 200}"' in page
    assert 'name="budget" value="12"' in page


@pytest.mark.django_db
def test_junk_query_strings_never_break_the_plan(client, plan_site):
    from tests.test_public_site import JUNK_PARAMS

    for params in [*JUNK_PARAMS, "m=citizens-jury&start=%00&people=%F0%9F%98%80&budget=1e9"]:
        response = client.get(f"{PLAN}?{params}")
        assert response.status_code == 200, params
        assert "<script>alert(1)</script>" not in text(response), params
        assert client.get(f"{CALENDAR}?{params}").status_code == 302, params


@pytest.mark.django_db
def test_with_nothing_chosen_the_page_offers_every_method(client, plan_site):
    response = get_plan(client)
    body = main(response)
    assert "Plan an engagement" in body and "Choose methods" in body
    for slug in ("citizens-jury", "focus-group", "world-cafe"):
        assert f'value="{slug}"' in text(response)


@pytest.mark.django_db
def test_the_ticked_methods_come_first_in_the_plans_order(client, plan_site):
    html = text(get_plan(client, "focus-group", "citizens-jury"))
    boxes = re.findall(r'name="m" value="([^"]+)"( checked)?', html)
    assert boxes[:2] == [("focus-group", " checked"), ("citizens-jury", " checked")]
    assert [checked for _, checked in boxes[2:]] == [""] * (len(boxes) - 2)


# ---------- Nothing leaks ----------


@pytest.mark.django_db
def test_drafts_private_and_unpublished_guides_are_never_planned(client, plan_site, sections):
    finder = sections["finder"]
    draft = builders.method(finder, "Draft method", slug="draft-method", live=False)
    unpublished = builders.method(finder, "Withdrawn method", slug="withdrawn-method")
    unpublished.unpublish()
    private = builders.method(finder, "Private method", slug="private-method")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for page in (draft, unpublished, private):
        response = get_plan(client, page.slug, start="2027-03-01")
        body = main(response)
        assert f"We couldn't find a method called “{page.slug}”" in body
        assert page.title not in body
        assert client.get(CALENDAR, {"m": page.slug, "start": "2027-03-01"}).status_code == 302
    # Nor offered in the form.
    html = text(get_plan(client))
    assert not any(page.title in html for page in (draft, unpublished, private))


@pytest.mark.django_db
def test_a_principle_in_a_private_section_is_left_off_the_checklist(client, plan_site):
    principles = plan_site["principles"]
    PageViewRestriction.objects.create(page=principles, restriction_type="password", password="x")
    body = main(get_plan(client, "citizens-jury"))
    assert "Make a difference" not in body and "Feed back what changed :" not in body
    assert "guide names no principles yet" in body


# ---------- Escaping ----------


# ---------- Light, bounded, cacheable, findable only on purpose ----------


def add_guides(sections, principles, count, offset):
    for n in range(count):
        method = guide(
            sections["finder"],
            f"Method {offset + n}",
            f"method-{offset + n}",
            [
                steps_block(*(step(f"Step {k}", 1, 2) for k in range(3))),
                costs_block(line("Venue", 100, 200), line("Food", 5, 10, per_person=True)),
            ],
        )
        for principle in principles:
            method.principle_links.add(MethodPrincipleLink(principle=principle))
        builders.publish(method)


@pytest.mark.django_db
def test_the_plan_takes_the_same_number_of_queries_at_two_content_sizes(client, plan_site):
    extra = [builders.principle(plan_site["principles"], f"P{n}") for n in range(2)]
    add_guides(plan_site, extra, 3, 0)
    urls = [
        f"{PLAN}?m=citizens-jury&m=focus-group&m=method-0&start=2027-03-01&people=20",
        f"{PLAN}?m=citizens-jury",
        PLAN,
    ]
    small = [count_queries(client, url) for url in urls]
    calendar = f"{CALENDAR}?m=citizens-jury&m=method-1&start=2027-03-01"
    small_calendar = count_queries(client, calendar)
    more = [builders.principle(plan_site["principles"], f"Q{n}") for n in range(6)]
    add_guides(plan_site, extra + more, 9, 3)
    # The planned guides themselves grow too: more principles, more steps and cost lines.
    planned = MethodPage.objects.get(slug="method-0")
    for principle in more:
        planned.principle_links.add(MethodPrincipleLink(principle=principle, effect="risks"))
    planned.body = [
        steps_block(*(step(f"Step {k}", 1, 2) for k in range(12))),
        costs_block(*(line(f"Line {k}", 1, 2, per_person=bool(k % 2)) for k in range(12))),
    ]
    builders.publish(planned)
    assert [count_queries(client, url) for url in urls] == small
    assert count_queries(client, calendar) == small_calendar
    assert max(small) <= 15


@pytest.mark.django_db
def test_plans_are_cached_and_publishing_a_guide_or_principle_refreshes_them(
    client, plan_site, page_cache, commit
):
    page_url = f"{PLAN}?m=citizens-jury&start=2027-03-01&people=30"
    calendar_url = f"{CALENDAR}?m=citizens-jury&start=2027-03-01"
    for url in (page_url, calendar_url):
        assert client.get(url)["X-Cache"] == "miss"
        assert client.get(url)["X-Cache"] == "hit"
    jury = plan_site["jury"]
    assert {PLAN, CALENDAR} <= affected_paths(jury)
    body = list(jury.body.raw_data)
    first_step = body[1]["value"]["steps"][0]
    first_step.get("value", first_step)["max_weeks"] = "8"  # a ListBlock item
    jury.body = body
    commit(builders.publish, jury)
    fresh = client.get(page_url)
    assert fresh.get("X-Cache") == "miss"
    assert "1 March to 25 April 2027 Frame the charge" in main(fresh)
    assert "DTEND;VALUE=DATE:20270426" in client.get(calendar_url).content.decode()
    principle = plan_site["jury"].principle_links.first().principle
    principle.title = "Make a real difference"
    commit(builders.publish, principle)
    assert "Make a real difference" in main(client.get(page_url))


@pytest.mark.django_db
def test_plans_are_kept_from_search_engines_and_send_the_sites_policy(client, plan_site):
    response = get_plan(client, "citizens-jury", start="2027-03-01")
    html = text(response)
    assert '<meta name="robots" content="noindex, follow">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "<title>Engagement plan: Citizens' jury" in html.replace("&#x27;", "'")
    assert_strict_public_policy(response, PLAN)
    assert_nothing_inline(html, PLAN)
    assert "<script" not in html.replace('<script type="application/ld+json">', "")


@pytest.mark.django_db
def test_every_method_page_offers_a_plan(client, plan_site):
    for method in (plan_site["jury"], plan_site["cafe"]):
        html = text(client.get(method.url))
        assert f'<a class="button" href="{PLAN}?m={method.slug}" rel="nofollow">' in html
        assert "Plan this method" in html


# ---------- Print ----------


@pytest.mark.django_db
def test_the_plan_prints_on_a4_with_the_print_stylesheet(client, plan_site):
    html = text(get_plan(client, "citizens-jury", start="2027-03-01"))
    assert re.search(r'<link rel="stylesheet" href="[^"]*print[^"]*\.css" media="print">', html)
    assert 'class="plan-form no-print"' in html
    print_css = (Path(settings.BASE_DIR) / "site_project/static/css/print.css").read_text()
    assert re.search(r"@page\s*{[^}]*size:\s*A4", print_css)
    assert re.search(r"\.plan-form[^{]*{\s*display:\s*none", print_css)


# ---------- The blocks editors fill in ----------


@pytest.mark.django_db
def test_the_guide_shows_which_cost_lines_are_per_person(client, plan_site):
    html = text(client.get(plan_site["jury"].url))
    assert 'Juror payments <span class="cost-table__unit">per person</span>' in html
    assert 'Recruitment <span class="cost-table__unit">' not in html


@pytest.mark.django_db
def test_another_plan_gets_other_event_uids_named_for_the_host_without_its_port(client, plan_site):
    def uids(query, **headers):
        response = client.get(CALENDAR, query, **headers)
        return [
            str(e["UID"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        ]

    first = uids({"m": "citizens-jury", "start": "2027-03-01"}, HTTP_HOST="localhost:8000")
    assert first and all(uid.endswith("@localhost") for uid in first)
    later = uids({"m": "citizens-jury", "start": "2027-04-05"})
    more = uids({"m": ["citizens-jury", "focus-group"], "start": "2027-03-01"})
    assert not {uid.split("@")[0] for uid in first} & {uid.split("@")[0] for uid in later + more}


@pytest.mark.django_db
def test_each_principle_is_listed_once_with_every_guides_reason_in_the_plans_order(
    client, plan_site, sections
):
    listen = builders.principle(sections["principles"], "Listen first", statement="Hear them.")
    honour = PrinciplePage.objects.get(title="Make a difference")
    focus = plan_site["focus"]
    focus.principle_links.add(MethodPrincipleLink(principle=listen, note="Small rooms help."))
    focus.principle_links.add(MethodPrincipleLink(principle=honour, note="Act on it."))
    builders.publish(focus)
    body = main(get_plan(client, "citizens-jury", "focus-group"))
    honour_at = body.index("Make a difference : Engage to change.")
    assert body.count("Make a difference : Engage to change.") == 1
    assert honour_at < body.index("Listen first : Hear them.")
    assert (
        body.index("A focused question makes a clear answer likely.", honour_at)
        < body.index("Act on it.", honour_at)
        < body.index("Listen first")
        < body.index("Small rooms help.")
    )


@pytest.mark.django_db
def test_the_page_title_names_the_plan_only_once_there_is_one(client, plan_site):
    def title(response):
        return re.search(r"<title>(.*?) · ", text(response)).group(1)

    assert title(get_plan(client)) == "Plan an engagement"
    assert title(get_plan(client, "citizens-jury")) == "Engagement plan: Citizens&#x27; jury"
