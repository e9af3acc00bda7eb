"""The "essays that discuss" page of a method guide and of a principle
(engagement/models.py, DiscussedInEssaysMixin): its description for search results and
link previews names what kind of page it is about."""

import re
from html import unescape

import pytest

from tests import builders

pytestmark = pytest.mark.django_db


def description(html):
    return unescape(re.search(r'<meta name="description" content="([^"]*)"', html).group(1))


def test_the_essays_page_describes_itself_by_the_kind_of_page(client, sections):
    method = builders.method(sections["finder"], "Citizens' jury")
    principle = builders.principle(sections["principles"], "Feed back what changed")
    assert description(client.get(method.url + "essays/").content.decode()) == (
        "Every essay that discusses the method “Citizens' jury”, newest first."
    )
    assert description(client.get(principle.url + "essays/").content.decode()) == (
        "Every essay that discusses the principle “Feed back what changed”, newest first."
    )
