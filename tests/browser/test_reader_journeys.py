"""Readers' journeys in a real browser, on phone and desktop viewports."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def test_essay_to_method_and_back(page_at):
    page = page_at(DESKTOP)
    page.goto("/")
    page.get_by_role("link", name="Read the essays").click()
    page.get_by_role("link", name="On engagement methods").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("On engagement methods")

    methods = page.locator("section[aria-labelledby='methods-discussed']")
    method_link = methods.locator(".card__title a").first
    method_title = method_link.inner_text()
    method_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(method_title)
    expect(page.get_by_role("heading", name="At a glance")).to_be_visible()

    essays = page.locator("section[aria-labelledby='essays-heading']")
    essays.get_by_role("link", name="On engagement methods").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("On engagement methods")


def test_method_finder_filters_on_a_phone(page_at):
    page = page_at(PHONE)
    page.goto("/methods/")
    total = int(page.locator("#result-count").inner_text().split()[0])

    filters = page.locator("details.filters")
    if filters.get_attribute("open") is None:
        page.locator("summary.filters__toggle").click()
    page.get_by_label("Involve", exact=True).check()
    page.get_by_label("Number of people").select_option(label="16 to 50 people")
    page.get_by_role("button", name="Show methods").click()

    expect(page).to_have_url(re.compile(r"level=involve.*people=16-50"))
    chips = page.locator("a.chip--removable")
    expect(chips).to_have_count(2)
    # The applied filters are visible without opening anything.
    expect(page.locator("summary.filters__toggle")).to_contain_text("2 applied")
    filtered = int(page.locator("#result-count").inner_text().split()[0])
    assert 0 < filtered < total

    chips.filter(has_text="16 to 50 people").click()
    expect(page.locator("a.chip--removable")).to_have_count(1)
    expect(page).not_to_have_url(re.compile("people="))

    page.get_by_role("link", name="Clear all filters").click()
    expect(page.locator("a.chip--removable")).to_have_count(0)
    assert int(page.locator("#result-count").inner_text().split()[0]) == total


def test_compare_three_methods(page_at):
    page = page_at(DESKTOP)
    page.goto("/methods/")
    boxes = page.locator("input[name='m']")
    names = []
    for index in range(3):
        box = boxes.nth(index)
        names.append(box.get_attribute("value"))
        box.check()
    page.get_by_role("button", name="Compare selected methods").click()
    table = page.locator("table.compare-table")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_count(3)
    expect(table.get_by_role("rowheader", name="Level of influence")).to_be_visible()
    for slug in names:
        assert f"m={slug}" in page.url


def test_search_and_open_a_result(page_at):
    page = page_at(PHONE)
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search essays, methods and principles").fill("participatory budgeting")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text("result")
    first = page.locator(".results .result__title").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_skip_link_moves_focus_to_the_main_content(page_at):
    page = page_at(DESKTOP)
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
