"""Comparing methods side by side (engagement/compare.py): the reader's choices are
resolved to live methods in the reader's order, and every choice that cannot be shown
is explained in a note rather than an error."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from engagement.compare import MAX_COMPARE, MIN_COMPARE, Comparison, build_comparison
from tests import builders
from tests.shared import afresh, built_once
from tests.test_query_counts import count_queries

pytestmark = pytest.mark.django_db


def compare(finder, slugs):
    return build_comparison(QueryDict(urlencode({"m": slugs}, doseq=True)), finder.methods())


def _build_methods():
    """Five methods, A to E, with their letters as slugs."""
    finder = builders.site_sections()["finder"]
    return [builders.method(finder, name, slug=name.lower()) for name in ("A", "B", "C", "D", "E")]


methods_built_once = built_once("methods", _build_methods)


@pytest.fixture
def methods(methods_built_once, db):
    """The methods of `_build_methods`, built once for this module (tests/shared.py)."""
    return afresh(methods_built_once)


def titles(comparison):
    return [m.title for m in comparison.methods]


def test_two_to_four_methods_are_shown_in_the_readers_order(sections, methods):
    assert (MIN_COMPARE, MAX_COMPARE) == (2, 4)
    comparison = compare(sections["finder"], ["c", "a"])
    assert titles(comparison) == ["C", "A"]
    assert comparison.requested == ["c", "a"]
    assert comparison.notes == [] and comparison.refused is False
    assert comparison.ready is True
    four = compare(sections["finder"], ["d", "b", "a", "c"])
    assert titles(four) == ["D", "B", "A", "C"] and four.ready is True


def test_one_method_is_not_yet_a_comparison(sections, methods):
    comparison = compare(sections["finder"], ["b"])
    assert titles(comparison) == ["B"] and comparison.notes == []
    assert comparison.ready is False
    assert compare(sections["finder"], []).ready is False


def test_an_empty_comparison_starts_with_nothing():
    comparison = Comparison()
    assert (comparison.methods, comparison.notes, comparison.requested) == ([], [], [])
    assert comparison.refused is False and comparison.ready is False


def test_blank_choices_are_dropped_and_choices_trimmed(sections, methods):
    comparison = compare(sections["finder"], [" a ", "", "   ", "b"])
    assert titles(comparison) == ["A", "B"] and comparison.requested == ["a", "b"]
    assert comparison.notes == []


def test_a_repeated_choice_is_shown_once_with_a_note(sections, methods):
    comparison = compare(sections["finder"], ["a", "b", "a"])
    assert titles(comparison) == ["A", "B"] and comparison.requested == ["a", "b"]
    assert comparison.notes == ["“a” was listed twice; it is shown once."]
    assert comparison.ready is True


def test_a_long_repeated_choice_is_quoted_up_to_sixty_characters(sections, methods):
    long = "x" * 59 + "yz"
    comparison = compare(sections["finder"], [long, long])
    assert comparison.notes[0] == "“" + "x" * 59 + "y” was listed twice; it is shown once."


def test_an_unknown_or_hidden_choice_is_left_out_with_a_note(sections, methods):
    draft = builders.method(sections["finder"], "Draft", slug="draft", live=False)
    comparison = compare(sections["finder"], ["a", "nope", draft.slug, "b"])
    assert titles(comparison) == ["A", "B"]
    assert comparison.notes == [
        "We couldn't find a method called “nope”, so it was left out.",
        "We couldn't find a method called “draft”, so it was left out.",
    ]
    assert comparison.ready is True


def test_unprintable_characters_are_not_echoed_and_the_quote_is_cut_at_sixty(sections, methods):
    comparison = compare(sections["finder"], ["a\x00b\u200bc", "q" * 59 + "rs", "a"])
    assert titles(comparison) == ["A"]
    assert comparison.notes == [
        "We couldn't find a method called “abc”, so it was left out.",
        "We couldn't find a method called “" + "q" * 59 + "r”, so it was left out.",
    ]


def test_more_than_four_is_refused_politely_but_the_first_four_are_kept(sections, methods):
    comparison = compare(sections["finder"], ["e", "d", "c", "b", "a"])
    assert comparison.refused is True and comparison.ready is False
    assert comparison.requested == ["e", "d", "c", "b", "a"]
    assert titles(comparison) == ["E", "D", "C", "B"]
    assert comparison.notes == [
        "You can compare up to 4 methods at a time, and you chose 5. Untick some and try again."
    ]


def test_a_refused_comparison_names_at_most_twelve_missing_choices(sections, methods):
    slugs = [f"gone{n}" for n in range(13)]
    comparison = compare(sections["finder"], slugs)
    assert comparison.refused is True and comparison.requested == slugs
    assert comparison.notes == [
        "You can compare up to 4 methods at a time, and you chose 13. Untick some and try again."
    ] + [f"We couldn't find a method called “gone{n}”, so it was left out." for n in range(12)]


def test_only_the_first_fifty_choices_are_read(sections, methods):
    comparison = compare(sections["finder"], ["a"] * 49 + ["b", "c"])
    assert comparison.requested == ["a", "b"] and titles(comparison) == ["A", "B"]
    assert len(comparison.notes) == 48


def test_the_compare_page_costs_as_many_queries_for_four_methods_as_for_two(client, sections):
    finder = sections["finder"]
    talk, decide = builders.purpose("Talk"), builders.purpose("Decide")
    for name in ("A", "B", "C", "D"):
        builders.method(finder, name, slug=name.lower(), purposes=[talk, decide])
    two = count_queries(client, finder.url + "compare/?m=a&m=b")
    four = count_queries(client, finder.url + "compare/?m=a&m=b&m=c&m=d")
    assert four == two
    body = client.get(finder.url + "compare/?m=a&m=b&m=c&m=d").content.decode()
    assert body.count("<td>Decide; Talk</td>") == 4
