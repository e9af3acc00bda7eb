"""A principle page names the method guides that support it and those that can put it
at risk, each with the guide's own note on why; a guide readers cannot see (a draft) is
not named."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement.models import MethodPrincipleLink
from tests import builders


def linked(method, principle, effect, note, publish=True):
    method.principle_links.add(MethodPrincipleLink(principle=principle, effect=effect, note=note))
    if publish:
        return builders.publish(method)
    method.save()  # a draft's links are saved with it, and must still not show
    return method


def section(html, heading):
    found = re.search(rf"<h3>{heading}</h3>(.*?)</div>\s*(?:<h3>|</section>|$)", html, re.S)
    return found.group(1) if found else ""


@pytest.mark.django_db
def test_a_principle_page_lists_the_guides_that_support_it_and_those_that_risk_it(client, sections):
    principle = builders.principle(sections["principles"], "Be clear about influence")
    finder = sections["finder"]
    linked(builders.method(finder, "Planning cell"), principle, "supports", "Agreed remit.")
    linked(builders.method(finder, "Online survey"), principle, "risks", "Silence after.")
    draft = builders.method(finder, "Street stall", live=False)
    linked(draft, principle, "supports", "Never shown.", publish=False)

    html = client.get(principle.url).content.decode()
    supporting = section(html, "Methods that support it")
    at_risk = section(html, "Methods that can put it at risk")
    assert "Planning cell" in supporting and "Agreed remit." in supporting
    assert "Online survey" not in supporting
    assert "Online survey" in at_risk and "Silence after." in at_risk
    assert "Planning cell" not in at_risk
    assert "Street stall" not in html and "Never shown." not in html


@pytest.mark.django_db
def test_a_principle_page_takes_the_same_queries_for_one_and_three_guides_of_each_kind(
    client, sections
):
    principle = builders.principle(sections["principles"], "Share power")
    finder = sections["finder"]

    def queries():
        client.get(principle.url)  # per-process caches warm, as for a reader
        with CaptureQueriesContext(connection) as captured:
            assert client.get(principle.url).status_code == 200
        return len(captured)

    def add_guides(n):
        for effect in ("supports", "risks"):
            for _ in range(n):
                method = builders.method(finder, f"Guide {MethodPrincipleLink.objects.count()}")
                linked(method, principle, effect, "Why.")

    add_guides(1)
    few = queries()
    add_guides(2)
    assert queries() == few
    html = client.get(principle.url).content.decode()
    assert html.count("Why.") == 6
