"""The engagement plan in a real browser: from a method guide's "Plan this method" to
a dated plan, with no JavaScript; axe-clean at phone and desktop widths in both
schemes; and printed as one A4 document. Screenshots and the PDF go to
var/screenshots/."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE
from .test_accessibility import SCREENSHOTS, WCAG_TAGS

pytestmark = pytest.mark.browser

PLAN = "/engagement/plan/?m=focus-group&m=citizens-jury&start=2027-03-01&people=30&budget=40000"
# A4 is 210 × 297 mm: 595.3 × 841.9 PostScript points (Chromium rounds to its pixels).
A4_POINTS = (595.3, 841.9)
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


def test_a_reader_plans_a_method_from_its_guide_without_javascript(page_at):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = page_at(DESKTOP)
    page.context.route("**/*.js", lambda route: route.abort())  # nothing may need it
    page.goto("/engagement/methods/citizens-jury/")
    page.locator(".at-a-glance").screenshot(path=SCREENSHOTS / "plan-this-method.png")
    axe_clean(page)
    page.get_by_role("link", name="Plan this method").click()
    page.wait_for_url("**/engagement/plan/?m=citizens-jury")
    page.fill("#plan-start", "2027-03-01")
    page.fill("#plan-people", "30")
    page.fill("#plan-budget", "40000")
    page.get_by_role("button", name="Update the plan").click()
    page.wait_for_load_state()
    assert "start=2027-03-01" in page.url and "people=30" in page.url
    main = page.locator("main")
    assert main.get_by_text("1 March to 11 April 2027").is_visible()  # Frame the charge
    assert main.get_by_text("Your budget of £40,000 is below the lowest estimate").is_visible()
    page.screenshot(path=SCREENSHOTS / "plan-from-a-guide.png", full_page=True)
    # With no method chosen yet, the page offers them all.
    page.goto("/engagement/plan/")
    assert page.get_by_role("checkbox", name="World Café").is_visible()
    page.screenshot(path=SCREENSHOTS / "plan-empty.png", full_page=True)
    axe_clean(page)


def axe_clean(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert not results.violations_count, results.generate_report()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_plan_passes_axe(page_at, viewport, scheme):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = page_at(viewport, scheme)
    assert page.goto(PLAN).status == 200
    page.screenshot(path=SCREENSHOTS / f"plan-{viewport['width']}-{scheme}.png", full_page=True)
    axe_clean(page)
    # With errors showing, too.
    assert page.goto("/engagement/plan/?m=citizens-jury&start=2027-02-30&people=-5").status == 200
    assert page.get_by_text("There is no 30 February 2027").first.is_visible()
    page.screenshot(path=SCREENSHOTS / f"plan-errors-{viewport['width']}-{scheme}.png")
    axe_clean(page)


def test_the_plan_prints_as_one_clean_a4_document(page_at):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = page_at(DESKTOP)
    page.goto(PLAN)
    page.emulate_media(media="print")
    # The print stylesheet takes the site's chrome and the form away, keeps the plan.
    for hidden in (".site-header", ".site-footer", ".plan-form", ".plan-actions"):
        assert page.locator(hidden).first.is_hidden(), hidden
    for shown in ("h1", ".plan-timeline", ".plan-budget", ".plan-checklist"):
        assert page.locator(shown).first.is_visible(), shown
    page.screenshot(path=SCREENSHOTS / "plan-print.png", full_page=True)
    pdf = page.pdf(
        path=SCREENSHOTS / "plan.pdf",
        format="A4",
        prefer_css_page_size=True,
        print_background=True,
    )
    assert pdf.startswith(b"%PDF")
    pages = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(pdf)]
    assert 1 <= len(pages) <= 6, f"{len(pages)} pages"
    for width, height in pages:
        assert abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5, pages
