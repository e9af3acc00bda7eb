"""A practitioner's whole journey, as issue 11 describes it: from the home page through
"Should we engage?" (first to "not yet", then, with something left to decide, to a
level), into the finder already filtered by that answer, onto a method guide, into its
plan with dates and a budget, and onto paper. Screenshots of every step go to
var/screenshots/reader-journey-*.png, and the printed plan to reader-journey-plan.pdf."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import PHONE
from .test_accessibility import SCREENSHOTS
from .test_decision_aid import EVERYTHING_BUT_OPEN, answer
from .test_plan import A4_POINTS, MEDIA_BOX

pytestmark = pytest.mark.browser


def shoot(page, step, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"reader-journey-{step}-{name}.png", full_page=True)


def test_from_should_we_engage_to_a_printed_plan(page_at):
    page = page_at(PHONE)
    page.goto("/")
    shoot(page, 1, "home")
    page.locator(".hero").get_by_role("link", name="Should we engage?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Should we engage?")

    # Nothing left to change: the aid says "not yet" and what to do first.
    answer(page, {"What is still open": "Nothing: it has been decided", **EVERYTHING_BUT_OPEN})
    page.get_by_role("button", name="See our suggestion").click()
    expect(page.locator("#verdict-heading")).to_have_text("Not yet")
    shoot(page, 2, "not-yet")

    # Options still open: a level, and a finder link carrying the answers.
    answer(page, {"What is still open": "A choice between options we drew up"})
    page.get_by_role("button", name="Update the suggestion").click()
    expect(page.locator("#verdict-heading")).to_have_text(re.compile(r"Engage at\s+Involve"))
    shoot(page, 3, "level")

    page.get_by_role("link", name="Find methods at Involve").click()
    expect(page).to_have_url(re.compile(r"level=involve"))
    expect(page.locator("a.chip--removable").filter(has_text="Level: Involve")).to_have_count(1)
    shoot(page, 4, "finder")

    # Every method the filtered finder offers can be planned; take the first.
    first = page.locator("main .card--method .card__title a").first
    method_name = first.inner_text().strip()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(method_name)
    shoot(page, 5, "method")

    page.get_by_role("link", name="Plan this method").click()
    expect(page).to_have_url(re.compile(r"/engagement/plan/\?m="))
    page.fill("#plan-start", "2027-03-01")
    page.fill("#plan-people", "30")
    page.fill("#plan-budget", "40000")
    page.get_by_role("button", name="Update the plan").click()
    expect(page).to_have_url(re.compile(r"start=2027-03-01.*people=30.*budget=40000"))
    timeline = page.locator(".plan-timeline").first
    expect(timeline).to_contain_text("March 2027")
    expect(page.locator(".plan-budget")).to_contain_text("for 30 people")
    shoot(page, 6, "plan")

    page.emulate_media(media="print")
    expect(page.locator(".plan-form")).to_be_hidden()
    expect(timeline).to_be_visible()
    shoot(page, 7, "printed")
    pdf = page.pdf(
        path=SCREENSHOTS / "reader-journey-plan.pdf", format="A4", prefer_css_page_size=True
    )
    pages = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(pdf)]
    assert pages and all(
        abs(w - A4_POINTS[0]) < 1.5 and abs(h - A4_POINTS[1]) < 1.5 for w, h in pages
    ), pages
