"""The principles index (engagement/models.py, PrincipleIndexPage): principles grouped
by framework, the frameworks in their editors' order (then by name), each group's
principles by title, and only live, public principles."""

import re

import pytest
from wagtail.models import PageViewRestriction

from engagement.models import Framework
from tests import builders

pytestmark = pytest.mark.django_db


def test_principles_are_grouped_by_framework_in_order_then_by_title(client, sections):
    index = sections["principles"]
    first = Framework.objects.create(name="Zeta principles", sort_order=1)
    alpha = Framework.objects.create(name="Alpha charter", sort_order=2)
    beta = Framework.objects.create(name="Beta standards", sort_order=2)
    builders.principle(index, "Always listen", framework=beta)
    builders.principle(index, "Collaborate early", framework=alpha)
    builders.principle(index, "Be open", framework=alpha)
    builders.principle(index, "Decide together", framework=first)
    builders.principle(index, "Draft principle", framework=first, live=False)
    private = builders.principle(index, "Private principle", framework=first)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    html = client.get(index.url).content.decode()
    headings = re.findall(r'<h2 id="fw-\d+">([^<]*)</h2>', html)
    titles = re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)
    assert headings == ["Zeta principles", "Alpha charter", "Beta standards"]
    assert f'<link rel="canonical" href="http://testserver{index.url}">' in html
    assert titles == ["Decide together", "Be open", "Collaborate early", "Always listen"]
