"""Every page type passes an axe-core scan at phone and desktop widths in light and dark
schemes; screenshots of each go to var/screenshots/ for people to look at."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from blog.models import EssayPage
from engagement.models import MethodPage, PrinciplePage

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def page_types():
    essay = EssayPage.objects.live().get(slug="on-engagement-methods")
    method = MethodPage.objects.live().get(slug="participatory-budgeting")
    principle = PrinciplePage.objects.live().order_by("path").first()
    return {
        "home": "/",
        "essay-index": "/essays/",
        "essay": essay.url,
        "engagement-hub": "/engagement/",
        "method-finder": "/methods/",
        "method-finder-filtered": "/methods/?level=involve&purpose=deliberate-on-trade-offs",
        "spectrum": "/methods/spectrum/",
        "compare": "/methods/compare/?m=citizens-jury&m=world-cafe&m=participatory-budgeting",
        "method": method.url,
        "method-essays": method.url + "essays/",
        "principles": "/engagement/principles/",
        "principle": principle.url,
        "topics": "/topics/",
        "topic": "/topics/communities/",
        "search": "/search/?q=community",
        "about": "/about/",
        "not-found": "/no-such-page/",
    }


LOAD_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach((img) => { img.loading = "eager"; });
    await Promise.all(images.map((img) => img.decode().catch(() => null)));
    return images.filter((img) => !img.naturalWidth).map((img) => img.currentSrc || img.src);
}"""


def load_all_images(page):
    """Load lazy images too (for full-page screenshots); return any that are broken."""
    return page.evaluate(LOAD_IMAGES)


@pytest.fixture(scope="module")
def urls(demo_server, django_db_blocker):
    with django_db_blocker.unblock():
        return page_types()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_type_passes_axe(page_at, urls, viewport, scheme):
    axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = {}
    for name, url in urls.items():
        page = page_at(viewport, scheme)
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        broken = load_all_images(page)
        assert not broken, f"{url}: images failed to load: {broken}"
        page.screenshot(
            path=SCREENSHOTS / f"{name}-{viewport['width']}-{scheme}.png", full_page=True
        )
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures[name] = results.generate_report()
        page.close()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
