"""A method or principle page knows every live essay that discusses it, through the
"methods discussed" relation and through plain links in the essay's text."""

import datetime
from html import escape

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests import builders


def rich_link(page, text="this method"):
    return ("paragraph", f'<p>See <a linktype="page" id="{page.pk}">{text}</a>.</p>')


@pytest.fixture
def method(sections):
    return builders.method(sections["finder"], "Citizens' jury")


@pytest.mark.django_db
def test_essay_linked_through_methods_discussed_is_a_backlink(sections, method):
    essay = builders.essay(sections["blog"], "On juries", methods=[method])
    assert list(method.discussing_essays()) == [essay]


@pytest.mark.django_db
def test_essay_linking_in_its_text_is_a_backlink(sections, method):
    essay = builders.essay(sections["blog"], "On juries", body=[rich_link(method)])
    assert list(method.discussing_essays()) == [essay]


@pytest.mark.django_db
def test_method_card_block_counts_as_a_backlink(sections, method):
    card = ("method_card", {"method": method, "note": ""})
    essay = builders.essay(sections["blog"], "On juries", body=[card])
    assert list(method.discussing_essays()) == [essay]


@pytest.mark.django_db
def test_an_essay_linking_both_ways_appears_once(sections, method):
    essay = builders.essay(sections["blog"], "Both", methods=[method], body=[rich_link(method)])
    assert list(method.discussing_essays()) == [essay]


@pytest.mark.django_db
def test_backlinks_are_newest_first(sections, method):
    older = builders.essay(
        sections["blog"], "Older", methods=[method], date=datetime.date(2020, 1, 1)
    )
    newer = builders.essay(
        sections["blog"], "Newer", methods=[method], date=datetime.date(2025, 1, 1)
    )
    assert list(method.discussing_essays()) == [newer, older]


@pytest.mark.django_db
def test_drafts_unpublished_and_private_essays_are_not_backlinks(sections, method):
    builders.essay(sections["blog"], "Draft", methods=[method], live=False)
    unpublished = builders.essay(sections["blog"], "Withdrawn", methods=[method])
    unpublished.unpublish()
    private = builders.essay(sections["blog"], "Private", body=[rich_link(method)])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    visible = builders.essay(sections["blog"], "Visible", methods=[method])
    assert list(method.discussing_essays()) == [visible]


@pytest.mark.django_db
def test_principle_backlinks_work_through_both_routes(sections):
    principle = builders.principle(sections["principles"], "Feed back what changed")
    linked = builders.essay(sections["blog"], "Linked", principles=[principle])
    in_text = builders.essay(sections["blog"], "In text", body=[rich_link(principle, "feedback")])
    assert set(principle.discussing_essays()) == {linked, in_text}


@pytest.mark.django_db
def test_method_page_lists_the_essays_that_discuss_it(client, sections, method):
    builders.essay(sections["blog"], "On juries and trust", methods=[method])
    response = client.get(method.url)
    assert response.status_code == 200
    assert "On juries and trust" in response.content.decode()


@pytest.mark.django_db
def test_backlinks_survive_a_reference_index_rebuild(sections, method):
    essay = builders.essay(sections["blog"], "Text link", body=[rich_link(method)])
    call_command("rebuild_references_index", verbosity=0)
    assert list(method.discussing_essays()) == [essay]


def _backlink_queries(method):
    with CaptureQueriesContext(connection) as ctx:
        essays = list(method.discussing_essays())
    return len(ctx.captured_queries), len(essays)


@pytest.mark.django_db
def test_backlinks_take_the_same_number_of_queries_for_3_and_30_essays(sections, method):
    for n in range(3):
        builders.essay(sections["blog"], f"Small {n}", methods=[method])
    small_queries, small_count = _backlink_queries(method)
    for n in range(27):
        body = [rich_link(method)] if n % 2 else None
        builders.essay(sections["blog"], f"Large {n}", methods=[] if n % 2 else [method], body=body)
    large_queries, large_count = _backlink_queries(method)
    assert (small_count, large_count) == (3, 30)
    assert small_queries == large_queries


# The essay's own "Methods discussed" / "Principles discussed": one list, however the
# editor linked -------------------------------------------------------------------------


def discussed_section(client, essay, heading_id="methods-discussed"):
    html = client.get(essay.url).content.decode()
    if f'id="{heading_id}"' not in html:
        return ""
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["text link", "method card", "listed"])
def test_however_an_essay_names_a_method_both_pages_show_it(client, sections, method, how):
    body = {
        "text link": [rich_link(method)],
        "method card": [("method_card", {"method": method, "note": ""})],
        "listed": None,
    }[how]
    essay = builders.essay(
        sections["blog"], "On juries", body=body, methods=[method] if how == "listed" else []
    )
    assert escape(method.title) in discussed_section(client, essay)
    assert "On juries" in client.get(method.url).content.decode()


@pytest.mark.django_db
def test_a_method_named_three_ways_is_shown_once_with_its_note(client, sections, method):
    essay = builders.essay(
        sections["blog"],
        "On juries",
        methods=[method],
        body=[rich_link(method), ("method_card", {"method": method, "note": ""})],
    )
    essay.method_links.model.objects.filter(page=essay).update(note="Where the jury worked")
    section = discussed_section(client, essay)
    assert section.count(f">{escape(method.title)}<") == 1
    assert "Where the jury worked" in section


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lower_place",
    [1, None],  # moved below by the editor; saved by code without a place
    ids=["placed below", "no place"],
)
def test_a_method_listed_twice_is_shown_once_with_the_note_of_the_higher_row(
    client, sections, method, lower_place
):
    essay = builders.essay(sections["blog"], "On juries", methods=[method, method])
    rows = essay.method_links.model.objects.filter(page=essay)
    first, second = rows.order_by("pk")
    rows.filter(pk=first.pk).update(sort_order=lower_place, note="Lower")
    rows.filter(pk=second.pk).update(sort_order=0, note="Higher")
    section = discussed_section(client, essay)
    assert section.count(f">{escape(method.title)}<") == 1
    assert "Higher" in section and "Lower" not in section


@pytest.mark.django_db
def test_listed_methods_without_a_place_come_after_those_with_one(client, sections):
    finder = sections["finder"]
    unplaced, second, first = (builders.method(finder, t) for t in ("Aardvark", "Bee", "Cat"))
    essay = builders.essay(sections["blog"], "Order", methods=[unplaced, second, first])
    rows = essay.method_links.model.objects.filter(page=essay)
    # Rows saved by code rather than the editor's panel may have no place.
    for method, place in [(unplaced, None), (second, 1), (first, 0)]:
        rows.filter(method=method).update(sort_order=place)
    section = discussed_section(client, essay)
    assert [section.index(f">{t}<") for t in ("Cat", "Bee", "Aardvark")] == sorted(
        section.index(f">{t}<") for t in ("Cat", "Bee", "Aardvark")
    )


@pytest.mark.django_db
def test_listed_methods_come_first_in_their_order_then_linked_ones_by_title(sections):
    finder = sections["finder"]
    zebra, apple, mango = (builders.method(finder, t) for t in ("Zebra", "Apple", "Mango"))
    essay = builders.essay(
        sections["blog"], "Order", methods=[mango], body=[rich_link(zebra), rich_link(apple)]
    )
    discussed = essay.get_context(_request())["methods_discussed"]
    assert [m.title for m in discussed] == ["Mango", "Apple", "Zebra"]


@pytest.mark.django_db
def test_principles_linked_only_in_the_text_are_listed_on_the_essay(client, sections):
    principle = builders.principle(sections["principles"], "Feed back what changed")
    essay = builders.essay(sections["blog"], "Feedback", body=[rich_link(principle, "it")])
    assert principle.title in discussed_section(client, essay, "principles-discussed")


@pytest.mark.django_db
def test_unpublished_and_private_methods_linked_in_the_text_are_not_listed(client, sections):
    finder = sections["finder"]
    draft = builders.method(finder, "Draft method", live=False)
    private = builders.method(finder, "Private method")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    shown = builders.method(finder, "Shown method")
    essay = builders.essay(
        sections["blog"], "Mixed", body=[rich_link(draft), rich_link(private), rich_link(shown)]
    )
    section = discussed_section(client, essay)
    assert "Shown method" in section
    assert "Draft method" not in section
    assert "Private method" not in section


@pytest.mark.django_db
def test_the_essay_lists_what_it_links_in_the_same_queries_for_2_and_20_methods(client, sections):
    def queries_for(count):
        methods = [builders.method(sections["finder"], f"M{count}-{n}") for n in range(count)]
        essay = builders.essay(
            sections["blog"],
            f"Links {count}",
            methods=methods[: count // 2],
            body=[rich_link(m) for m in methods[count // 2 :]],
        )
        with CaptureQueriesContext(connection) as ctx:
            discussed = essay.get_context(_request())["methods_discussed"]
        assert len(discussed) == count
        return len(ctx.captured_queries)

    assert queries_for(2) == queries_for(20)


def _request():
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


@pytest.mark.django_db
@pytest.mark.parametrize("preview", [False, True], ids=["served", "preview"])
def test_an_essay_lists_the_same_methods_in_the_same_order_in_preview_as_served(sections, preview):
    finder = sections["finder"]
    mango, banana, zebra, apple = (
        builders.method(finder, t) for t in ("Mango", "Banana", "Zebra", "Apple")
    )
    draft = builders.method(finder, "Draft", live=False)
    private = builders.method(finder, "Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    not_a_page = builders.method(finder, "Not linked")  # its id, given to a document link
    essay = builders.essay(
        sections["blog"],
        "Order",
        methods=[mango, banana, draft],
        body=[
            rich_link(zebra),
            rich_link(apple),
            rich_link(private),
            ("paragraph", f'<p><a linktype="document" id="{not_a_page.pk}">notes</a></p>'),
        ],
    )
    rows = essay.method_links.model.objects.filter(page=essay)
    for place, method in enumerate([mango, banana, draft]):  # as the editor's panel saves them
        rows.filter(method=method).update(sort_order=place, note="First" if place == 0 else "")
    essay = type(essay).objects.get(pk=essay.pk)
    request = _request()
    request.is_preview = preview
    discussed = essay.get_context(request)["methods_discussed"]
    assert [(m.title, m.discussed_note) for m in discussed] == [
        ("Mango", "First"),
        ("Banana", ""),
        ("Apple", ""),
        ("Zebra", ""),
    ]


@pytest.mark.django_db
def test_a_preview_shows_the_methods_the_editor_has_on_screen_not_the_saved_ones(sections):
    finder = sections["finder"]
    mango, banana = builders.method(finder, "Mango"), builders.method(finder, "Banana")
    saved = builders.essay(sections["blog"], "Edited", methods=[mango])
    on_screen = type(saved).objects.get(pk=saved.pk)
    on_screen.method_links.add(on_screen.method_links.model(method=banana, note="Added"))
    request = _request()
    request.is_preview = True
    discussed = on_screen.get_context(request)["methods_discussed"]
    assert [(m.title, m.discussed_note) for m in discussed] == [("Mango", ""), ("Banana", "Added")]
    served = type(saved).objects.get(pk=saved.pk).get_context(_request())["methods_discussed"]
    assert [m.title for m in served] == ["Mango"]
