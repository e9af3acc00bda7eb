"""The engagement library's hub (engagement/models.py, EngagementIndexPage): a card for
the method finder and one for the principles, each only while it is live and public,
and the levels of engagement from informing to empowering, each with what it asks."""

import re

import pytest
from wagtail.models import PageViewRestriction

from site_project.taxonomy.models import EngagementLevel
from tests import builders

pytestmark = pytest.mark.django_db


def cards(html):
    return re.findall(r'class="card__title"><a href="([^"]*)">([^<]*)</a>', html)


def test_the_hub_leads_to_the_finder_and_the_principles(client, sections):
    hub = sections["hub"]
    html = client.get(hub.url).content.decode()
    assert cards(html) == [
        (sections["finder"].url, sections["finder"].title),
        (sections["principles"].url, sections["principles"].title),
    ]
    assert f'<link rel="canonical" href="http://testserver{hub.url}">' in html


def test_the_hub_lists_every_level_in_rank_order_with_what_it_asks(client, sections):
    builders.levels()
    # A level added by an editor takes its place by rank, whatever its name.
    EngagementLevel.objects.create(
        name="Unaware", slug="unaware", rank=0, on_spectrum=False, expectation="People know of it."
    )
    html = client.get(sections["hub"].url).content.decode()
    listed = re.findall(
        r'<span class="level-badge level-badge--([a-z-]+)">([^<]*)</span></dt><dd>([^<]*)</dd>',
        html,
    )
    levels = EngagementLevel.objects.order_by("rank")
    assert len(levels) == len(builders.LEVELS) + 1
    assert listed == [(level.slug, level.name, level.expectation) for level in levels]


def test_a_section_that_is_unpublished_or_private_gets_no_card(client, sections):
    sections["finder"].unpublish()
    PageViewRestriction.objects.create(
        page=sections["principles"], restriction_type="password", password="x"
    )
    html = client.get(sections["hub"].url).content.decode()
    assert cards(html) == []
    assert "Levels of engagement" in html
