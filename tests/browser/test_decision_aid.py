"""The "Should we engage?" page in a real browser: axe-clean at phone and desktop widths in both
colour schemes (the questions, a partly answered form, a level and "not yet"), nothing
the Content-Security-Policy blocks, and a reader's two journeys from the home page, one
ending in "not yet" and one in a level, then into the prefiltered finder. Screenshots
of each state and step go to var/screenshots/."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .test_accessibility import SCREENSHOTS, WCAG_TAGS
from .test_csp import Watch

pytestmark = pytest.mark.browser

URL = "/engagement/should-we-engage/"
LEVEL = (
    "open=options&decides=respond&time=3-months&budget=up-to-20000&people=16-50"
    "&seldom-heard=reached&duty=yes&asked-before=no"
)
NOT_YET = (
    "open=nothing&decides=respond&time=3-months&budget=up-to-20000&people=16-50"
    "&seldom-heard=reached&duty=no&asked-before=not-fed-back"
)
STATES = {
    "questions": URL,
    "partly-answered": URL + "?open=options&time=bogus&budget=%3Cb%3Ejunk%3C/b%3E",
    "level": URL + "?" + LEVEL,
    "not-yet": URL + "?" + NOT_YET,
}


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size["width"]
    page.screenshot(path=SCREENSHOTS / f"should-we-engage-{name}-{size}.png", full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_state_passes_axe_and_the_policy(page_at, viewport, scheme):
    axe = Axe()
    failures = {}
    for name, url in STATES.items():
        page = page_at(viewport, scheme)
        watch = Watch(page)
        assert page.goto(url).status == 200, url
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=SCREENSHOTS / f"should-we-engage-{name}-{viewport['width']}-{scheme}.png",
            full_page=True,
        )
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures[name] = results.generate_report()
        assert not watch.problems(), watch.problems()
        page.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())


def answer(page, choices):
    """Choose answers by their labels, question by question, as a reader does."""
    for question, label in choices.items():
        group = page.get_by_role("group", name=re.compile(re.escape(question)))
        group.get_by_label(label, exact=True).check()


EVERYTHING_BUT_OPEN = {
    "Who makes the decision": "They will publish what they heard and what they did",
    "How long is there": "6 weeks to 3 months",
    "What budget is there": "Up to £20,000",
    "how many people do you hope": "16 to 50",
    "seldom heard": "Yes, and we know how to reach them",
    "legal duty": "No",
    "asked about this": "No",
}


def test_from_the_home_page_to_a_level_and_into_the_finder(page_at):
    page = page_at(PHONE)
    page.goto("/")
    page.locator(".hero").get_by_role("link", name="Should we engage?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Should we engage?")
    shoot(page, "journey-1-questions")

    # One question left out: the form comes back saying which.
    answer(page, {"What is still open": "A choice between options we drew up"})
    page.get_by_role("button", name="See our suggestion").click()
    expect(page.locator(".decision-notice")).to_contain_text("Who makes the decision")
    shoot(page, "journey-2-missing")

    answer(page, EVERYTHING_BUT_OPEN)
    page.get_by_role("button", name="See our suggestion").click()
    expect(page.locator("#verdict-heading")).to_have_text(re.compile(r"Engage at\s+Involve"))
    expect(page).to_have_url(re.compile(r"open=options.*budget=up-to-20000"))
    shoot(page, "journey-3-level")

    page.get_by_role("link", name="Find methods at Involve").click()
    expect(page).to_have_url(re.compile(r"/engagement/methods/\?level=involve&people=16-50"))
    chips = page.locator("a.chip--removable")
    expect(chips).to_have_count(4)
    expect(chips.filter(has_text="Level: Involve")).to_have_count(1)
    shoot(page, "journey-4-finder")


def test_from_the_library_to_not_yet_and_back_to_a_level(page_at):
    page = page_at(DESKTOP)
    page.goto("/engagement/")
    page.get_by_role("link", name=re.compile("Answer the questions")).click()
    answer(page, {"What is still open": "Nothing: it has been decided", **EVERYTHING_BUT_OPEN})
    page.get_by_role("button", name="See our suggestion").click()
    expect(page.locator("#verdict-heading")).to_have_text("Not yet")
    expect(page.locator(".verdict")).to_contain_text("The decision has been made")
    link = page.get_by_role("link", name="Meanwhile: methods at Inform")
    expect(link).to_have_attribute("href", re.compile(r"level=inform"))
    shoot(page, "journey-5-not-yet")

    # The answers stay chosen: change one and ask again.
    answer(page, {"What is still open": "The problem itself, and what to do about it"})
    page.get_by_role("button", name="Update the suggestion").click()
    expect(page.locator("#verdict-heading")).to_have_text(re.compile(r"Engage at\s+Involve"))
    shoot(page, "journey-6-changed")


def test_the_finder_invites_readers_to_it(page_at):
    page = page_at(PHONE)
    page.goto("/methods/")
    page.get_by_role("complementary", name="Should we engage?").get_by_role("link").click()
    expect(page).to_have_url(re.compile(re.escape(URL) + "$"))
