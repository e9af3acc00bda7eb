"""A method guide's "At a glance": where it sits on the spectrum (every level on the
spectrum, its own range marked), what it is good for and its topics; and the principles
it supports or can put at risk, each with the guide's note, never a draft principle."""

import re

import pytest

from engagement.models import MethodPrincipleLink
from tests import builders

pytestmark = pytest.mark.django_db


def glance(html):
    return html[html.index('id="glance-heading"') : html.index("</section>")]


def spectrum(html):
    """(level, marked as this method's) for each step of the glance spectrum."""
    steps = re.findall(r'<li class="glance-spectrum__step( is-on[^"]*)?">([^<]+)', html)
    return [(name, bool(on)) for on, name in steps]


def test_the_glance_marks_the_methods_range_on_the_spectrum(client, sections):
    method = builders.method(sections["finder"], "Citizens' panel", low="consult", high="involve")
    html = client.get(method.url).content.decode()
    # Community-led is a level, but not on the spectrum.
    assert spectrum(glance(html)) == [
        ("Inform", False),
        ("Consult", True),
        ("Involve", True),
        ("Collaborate", False),
        ("Empower", False),
    ]
    assert glance(html).count('<span class="visually-hidden"> (this method)</span>') == 2


def test_the_glance_says_what_the_method_is_good_for_and_its_topics(client, sections):
    purposes = [builders.purpose("Deliberate"), builders.purpose("Decide")]
    topics = [builders.topic("Health and care"), builders.topic("Housing")]
    method = builders.method(sections["finder"], "Jury", purposes=purposes, topics=topics)
    plain = builders.method(sections["finder"], "Plain")
    html = glance(client.get(method.url).content.decode())
    found = re.search(r"<dt>Good for</dt><dd>(.*?)</dd>", html)
    assert found and sorted(found.group(1).split("; ")) == ["Decide", "Deliberate"]
    chips = re.findall(r'<a class="chip" href="/topics/([^/]+)/">([^<]+)</a>', html)
    assert sorted(chips) == [("health-and-care", "Health and care"), ("housing", "Housing")]
    bare = glance(client.get(plain.url).content.decode())
    assert "Good for" not in bare and 'class="chips"' not in bare


def test_the_principles_it_supports_and_risks_are_listed_apart_with_its_notes(client, sections):
    principles = sections["principles"]
    honour = builders.principle(principles, "Make a difference")
    risked = builders.principle(principles, "Feed back what changed")
    draft = builders.principle(principles, "A draft principle", live=False)
    method = builders.method(sections["finder"], "Jury")
    for principle, effect, note in [
        (honour, "supports", "A clear question."),
        (risked, "risks", "Long silences after."),
        (draft, "supports", "Never shown."),
    ]:
        method.principle_links.add(
            MethodPrincipleLink(principle=principle, effect=effect, note=note)
        )
    builders.publish(method)
    html = client.get(method.url).content.decode()
    supports = html[html.index("<h3>Supports</h3>") : html.index("<h3>Can put at risk</h3>")]
    risks = html[
        html.index("<h3>Can put at risk</h3>") : html.index(
            "</section>", html.index("<h3>Can put at risk</h3>")
        )
    ]
    assert "Make a difference" in supports and "A clear question." in supports
    assert "Feed back what changed" not in supports
    assert "Feed back what changed" in risks and "Long silences after." in risks
    assert "Make a difference" not in risks
    assert "A draft principle" not in html and "Never shown." not in html
