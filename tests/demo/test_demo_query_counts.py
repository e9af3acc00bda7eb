"""The demo site's pages stay within the query ceiling of tests/test_query_counts.py,
and none fetches a field its lists left out: real content, every page type, as a first
`make run` leaves it (the demo is loaded once for the package: see conftest.py)."""

from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.db.models import Model
from django.test import Client
from django.test.utils import CaptureQueriesContext

from blog.models import EssayPage
from engagement.models import MethodPage, PrinciplePage
from tests.shared import afresh, built_once
from tests.test_query_counts import PAGE_CEILING

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_run")]


@dataclass
class Render:
    status: int = 0
    queries: int = 0  # on the second request, once per-process caches are warm
    fetched: list = field(default_factory=list)  # deferred fields read, on either request


def _render_every_page():
    """Every demo page and listing, each requested twice as a reader would, with what
    each request cost. Django fetches a deferred field through
    `refresh_from_db(fields=...)`, so each call of it is noted against the page being
    rendered."""
    rendering = Render()
    original = Model.refresh_from_db

    def refresh_from_db(self, using=None, fields=None, **kwargs):
        rendering.fetched.append((type(self).__name__, tuple(fields or ())))
        return original(self, using=using, fields=fields, **kwargs)

    client = Client()
    result = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(Model, "refresh_from_db", refresh_from_db)
        for url in demo_urls():
            rendering = result[url] = Render()
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                rendering.status = client.get(url).status_code
            rendering.queries = len(ctx.captured_queries)
    return result


# Rendering every page is most of this package's time, so the tests read one pass
# (tests/shared.py), made on the demo content (`first_run`, set up first: wider scope).
renders_built_once = built_once("renders", _render_every_page)


@pytest.fixture
def renders(renders_built_once, db):
    return afresh(renders_built_once)


def content_pages():
    return [*EssayPage.objects.live(), *MethodPage.objects.live(), *PrinciplePage.objects.live()]


def demo_urls():
    pages = content_pages()
    urls = [page.url for page in pages]
    urls += [page.url + "essays/" for page in pages if not isinstance(page, EssayPage)]
    finder = MethodPage.objects.live().first().get_parent().url
    urls += ["/", "/essays/", "/essays/?page=2", "/about/", "/engagement/", "/topics/"]
    urls += [finder, finder + "spectrum/", "/engagement/principles/", "/search/?q=engagement"]
    urls += [f"/topics/{slug}/" for slug in ("communities", "health-and-care")]
    return urls


def test_every_demo_page_and_listing_answers(renders):
    assert {url: r.status for url, r in renders.items() if r.status != 200} == {}


def test_every_demo_essay_method_and_principle_page_stays_within_the_ceiling(renders):
    pages = content_pages()
    assert len(pages) > 30
    over = {page.url: renders[page.url].queries for page in pages}
    assert {url: n for url, n in over.items() if n > PAGE_CEILING} == {}


def test_no_page_fetches_a_field_its_lists_left_out(renders):
    """Listings load only what their cards show (CardQuerySet.for_cards()), and routing
    only what the path, menu and breadcrumbs show (core/routing.py); a template that
    reads anything else would fetch it with a query per page. Django fetches a deferred
    field through `refresh_from_db(fields=...)`: no page may call it."""
    assert len(renders) > 60
    assert {url: r.fetched for url, r in renders.items() if r.fetched} == {}
