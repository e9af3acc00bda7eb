"""The demo site's pages stay within the query ceiling of tests/test_query_counts.py,
and none fetches a field its lists left out: real content, every page type, as a first
`make run` leaves it (the demo is loaded once for the package: see conftest.py)."""

import pytest

from blog.models import EssayPage
from engagement.models import MethodPage, PrinciplePage
from tests.test_query_counts import PAGE_CEILING, count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_run")]


def test_every_demo_essay_method_and_principle_page_stays_within_the_ceiling(client):
    pages = [*EssayPage.objects.live(), *MethodPage.objects.live(), *PrinciplePage.objects.live()]
    assert len(pages) > 30
    over = {page.url: n for page in pages if (n := count_queries(client, page.url)) > PAGE_CEILING}
    assert not over


def test_no_page_fetches_a_field_its_lists_left_out(client, monkeypatch):
    """Listings load only what their cards show (CardQuerySet.for_cards()), and routing
    only what the path, menu and breadcrumbs show (core/routing.py); a template that
    reads anything else would fetch it with a query per page. Django fetches a deferred
    field through `refresh_from_db(fields=...)`: no page may call it."""
    from django.db.models import Model

    fetched = []
    original = Model.refresh_from_db

    def refresh_from_db(self, using=None, fields=None, **kwargs):
        fetched.append((type(self).__name__, tuple(fields or ())))
        return original(self, using=using, fields=fields, **kwargs)

    monkeypatch.setattr(Model, "refresh_from_db", refresh_from_db)
    pages = [*EssayPage.objects.live(), *MethodPage.objects.live(), *PrinciplePage.objects.live()]
    urls = [page.url for page in pages]
    urls += [page.url + "essays/" for page in pages if not isinstance(page, EssayPage)]
    finder = MethodPage.objects.live().first().get_parent().url
    urls += ["/", "/essays/", "/essays/?page=2", "/about/", "/engagement/", "/topics/"]
    urls += [finder, finder + "spectrum/", "/engagement/principles/", "/search/?q=engagement"]
    urls += [f"/topics/{slug}/" for slug in ("communities", "health-and-care")]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert not fetched
