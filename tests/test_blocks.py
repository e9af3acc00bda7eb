"""The StreamField block library, as editors meet it in the block picker and on pages.

Every block a page offers has a template, a recognisable icon and a description; the
preview values render; heading anchors are stable and match the contents list; a call
to action always leads somewhere; and reading time follows the length of an essay."""

import json
import math

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.admin.icons import get_icons
from wagtail.rich_text import expand_db_html

from blog.reading import WORDS_PER_MINUTE, count_words, reading_minutes
from engagement.models import MethodPage
from site_project.blocks.content import CallToActionBlock, RichTextBlock, heading_anchor
from site_project.blocks.method import MethodChooserBlock, text_list
from site_project.blocks.streams import (
    EssayStreamBlock,
    MethodStreamBlock,
    PrincipleStreamBlock,
    StandardStreamBlock,
)
from tests import builders

STREAMS = [StandardStreamBlock, EssayStreamBlock, MethodStreamBlock, PrincipleStreamBlock]


def _library():
    """(id, block) for every block any page offers, each distinct block once."""
    seen = {}
    for stream_class in STREAMS:
        for name, block in stream_class().child_blocks.items():
            seen.setdefault((name, type(block)), (f"{stream_class.__name__}.{name}", block))
    return list(seen.values())


LIBRARY = _library()
# Blocks whose picker preview is a fixed example rendered through the block's own
# template. The rest (image, method card: from the database; embed: a placeholder, since
# the real one is fetched over the network) are covered in test_block_picker.py.
PREVIEWABLE = [
    (block_id, block)
    for block_id, block in LIBRARY
    if hasattr(block.meta, "preview_value") and not hasattr(block.meta, "preview_template")
]


def params(items):
    return pytest.mark.parametrize("block", [b for _, b in items], ids=[i for i, _ in items])


# --- What the block picker shows -------------------------------------------------------


def test_the_library_is_not_empty_and_every_stream_offers_the_basics():
    for stream_class in STREAMS:
        names = set(stream_class().child_blocks)
        assert {"heading", "paragraph", "image", "quote", "call_to_action"} <= names


@params(LIBRARY)
def test_block_has_a_template_that_exists(block):
    assert block.meta.template, "blocks render through their own template, not render_basic"
    get_template(block.meta.template)


@params(LIBRARY)
def test_block_has_a_real_icon_not_the_placeholder(block):
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert f'id="icon-{block.meta.icon}"' in get_icons(), f"unknown icon {block.meta.icon!r}"


@params(LIBRARY)
def test_block_has_a_description_for_the_picker(block):
    assert (block.get_description() or "").strip()


@params(LIBRARY)
def test_block_is_in_a_picker_group(block):
    assert block.meta.group, "ungrouped blocks fall to the bottom of the picker"


# --- Preview values render -------------------------------------------------------------


@params(PREVIEWABLE)
def test_preview_value_is_valid_and_renders(block):
    value = block.get_preview_value()
    block.clean(value)  # an example editors see must itself be valid content
    html = block.render(value)
    assert html.strip()
    assert "{{" not in html and "{%" not in html


@params(PREVIEWABLE)
def test_preview_value_survives_a_save_and_load_round_trip(block):
    value = block.get_preview_value()
    stored = json.loads(json.dumps(block.get_prep_value(value), default=str))
    reloaded = block.to_python(stored)
    assert block.render(reloaded) == block.render(value)


# --- Heading anchors -------------------------------------------------------------------

HEADING_IDS = [
    "1a2b3c4d-0000-4000-8000-000000000001",
    "5e6f7a8b-0000-4000-8000-000000000002",
    "9c0d1e2f-0000-4000-8000-000000000003",
]


def heading_stream():
    raw = [
        {
            "type": "heading",
            "value": {"text": "Why it matters", "level": "h2"},
            "id": HEADING_IDS[0],
        },
        {"type": "paragraph", "value": "<p>Words.</p>", "id": "p-1"},
        {
            "type": "heading",
            "value": {"text": "Why it matters", "level": "h3"},
            "id": HEADING_IDS[1],
        },
        {
            "type": "heading",
            "value": {"text": "What to do next", "level": "h2"},
            "id": HEADING_IDS[2],
        },
    ]
    return raw


def test_heading_anchor_is_the_slug_plus_the_block_id_prefix():
    assert heading_anchor("Why it matters", HEADING_IDS[0]) == "why-it-matters-1a2b3c4d"
    assert heading_anchor("Why it matters", None) == "why-it-matters"


def test_a_long_heading_anchor_keeps_the_first_48_characters_of_the_slug():
    text = "A very long heading that goes on and on, well past the limit of any anchor"
    assert heading_anchor(text, HEADING_IDS[0]) == (
        "a-very-long-heading-that-goes-on-and-on-well-pas-1a2b3c4d"
    )
    assert heading_anchor(text, None) == "a-very-long-heading-that-goes-on-and-on-well-pas"


def test_include_block_renders_the_heading_with_its_anchor():
    value = EssayStreamBlock().to_python(heading_stream())
    html = Template(
        "{% load wagtailcore_tags %}{% for b in body %}{% include_block b %}{% endfor %}"
    ).render(Context({"body": value}))
    assert '<h2 id="why-it-matters-1a2b3c4d" class="block-heading">Why it matters</h2>' in html
    # The same text twice still gets two distinct anchors.
    assert '<h3 id="why-it-matters-5e6f7a8b" class="block-heading">Why it matters</h3>' in html
    assert 'id="what-to-do-next-9c0d1e2f"' in html


@pytest.mark.django_db
def test_essay_contents_list_links_to_the_rendered_heading_anchors(client, sections):
    essay = builders.essay(sections["blog"], "Anchors", body=json.dumps(heading_stream()))
    html = client.get(essay.url).content.decode()
    assert len(essay.headings) == 3
    for anchor, text, level in essay.headings:
        assert f'href="#{anchor}"' in html, "contents entry"
        assert f'<{level} id="{anchor}" class="block-heading">{text}</{level}>' in html


# --- What editors may enter -------------------------------------------------------------


def test_paragraphs_offer_emphasis_lists_and_links_only():
    assert RichTextBlock().features == [
        "bold",
        "italic",
        "link",
        "document-link",
        "ol",
        "ul",
        "superscript",
    ]
    assert RichTextBlock(features=["bold"]).features == ["bold"]


def test_a_list_of_lines_needs_one_line_of_at_most_300_characters():
    # Called here, not taken from a block: the blocks' lists are built at import.
    named = text_list("Use it when", label="Use it when")
    assert (named.label, named.child_block.label) == ("Use it when", "Use it when")
    lines = text_list("Strength")
    assert lines.child_block.label == "Strength"
    assert list(lines.clean(lines.to_python(["x" * 300]))) == ["x" * 300]
    with pytest.raises(blocks.list_block.ListBlockValidationError) as caught:
        lines.clean(lines.to_python([]))
    assert caught.value.as_json_data() == {"messages": ["The minimum number of items is 1"]}
    with pytest.raises(blocks.list_block.ListBlockValidationError) as caught:
        lines.clean(lines.to_python(["x" * 301]))
    assert caught.value.as_json_data() == {
        "blockErrors": {
            0: {"messages": ["Ensure this value has at most 300 characters (it has 301)."]}
        }
    }


@pytest.mark.django_db
def test_method_chooser_offers_only_method_guides(sections):
    chooser = MethodChooserBlock()
    assert chooser.target_model is MethodPage
    assert chooser.required is True
    assert MethodChooserBlock(required=False).required is False
    guide = builders.method(sections["finder"], "World café")
    assert chooser.clean(chooser.to_python(guide.pk)) == guide
    with pytest.raises(ValidationError):
        chooser.clean(chooser.to_python(sections["blog"].pk))


@pytest.mark.django_db
def test_method_cards_load_only_their_methods_with_levels_in_one_query(sections):
    shown = builders.method(sections["finder"], "World café", low="consult", high="involve")
    builders.method(sections["finder"], "Citizens' jury")
    chooser = MethodChooserBlock()
    with CaptureQueriesContext(connection) as ctx:
        cards = chooser.bulk_to_python([shown.pk, None])
        assert cards == [shown, None]
        assert (cards[0].min_level.name, cards[0].max_level.name) == ("Consult", "Involve")
    assert len(ctx.captured_queries) == 1
    assert f"IN ({shown.pk})" in ctx.captured_queries[0]["sql"], "not every method guide"


# --- Call to action --------------------------------------------------------------------


def test_call_to_action_without_page_or_link_is_rejected():
    block = CallToActionBlock()
    value = block.to_python({"title": "Next steps", "button_text": "Go"})
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    # As JSON, as the editor shows it under the block's page field.
    assert caught.value.as_json_data() == {
        "blockErrors": {"page": {"messages": ["Choose a page or enter a link."]}}
    }


def test_call_to_action_with_a_link_is_accepted_and_links_there():
    block = CallToActionBlock()
    value = block.clean(
        block.to_python({"title": "Read more", "url": "https://example.org/", "button_text": "Go"})
    )
    assert value.href == "https://example.org/"
    assert 'href="https://example.org/"' in block.render(value)


@pytest.mark.django_db
def test_call_to_action_with_a_page_is_accepted_and_links_to_it(sections):
    block = CallToActionBlock()
    value = block.clean(
        block.to_python({"title": "Find a method", "page": sections["finder"].pk, "url": ""})
    )
    assert value.href == sections["finder"].url
    assert f'href="{sections["finder"].url}"' in block.render(value)


@pytest.mark.django_db
def test_call_to_action_prefers_the_page_when_both_are_given(sections):
    block = CallToActionBlock()
    value = block.to_python(
        {"title": "Essays", "page": sections["blog"].pk, "url": "https://example.org/"}
    )
    assert value.href == sections["blog"].url


@pytest.mark.django_db
def test_page_links_in_rich_text_point_at_each_page_in_one_query(sections):
    pages = [
        builders.method(sections["finder"], "World café"),
        builders.principle(sections["principles"], "Feed back"),
        builders.essay(sections["blog"], "On cafés"),
    ]
    html = "".join(f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages)
    links = [f'<a href="{page.url}">{page.title}</a>' for page in pages]  # caches site roots
    with CaptureQueriesContext(connection) as ctx:
        expanded = expand_db_html(html)
    for link in links:
        assert link in expanded
    assert len(ctx.captured_queries) == 1


# --- Reading time ----------------------------------------------------------------------


def paragraphs(words):
    text = " ".join(["word"] * words)
    return EssayStreamBlock().to_python([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def test_empty_body_has_no_reading_time():
    assert reading_minutes(EssayStreamBlock().to_python([])) == 0
    assert reading_minutes(paragraphs(0)) == 0


@pytest.mark.parametrize("words", [1, 229, 230, 231, 460, 461, 2300, 5000])
def test_reading_time_is_words_over_reading_speed_rounded_up(words):
    assert reading_minutes(paragraphs(words)) == math.ceil(words / WORDS_PER_MINUTE)


def test_reading_time_grows_with_words():
    minutes = [reading_minutes(paragraphs(n)) for n in range(0, 3000, 100)]
    assert minutes == sorted(minutes)
    assert minutes[-1] > minutes[1] >= 1


def test_words_inside_structured_blocks_count_too():
    value = EssayStreamBlock().to_python(
        [
            {
                "type": "key_points",
                "value": {"title": "Key points", "points": ["one two", "three"]},
            },
            {
                "type": "faq",
                "value": {"question": "four five", "answer": "<p>six <b>seven</b></p>"},
            },
            {
                "type": "references",
                "value": {"title": "Sources", "references": [{"citation": "eight nine"}]},
            },
        ]
    )
    # "Key points" and "Sources" are titles: 2 + 1 words, plus the nine counted words.
    assert count_words(value) == 12


@pytest.mark.django_db
def test_an_image_block_adds_only_its_caption_and_credit_to_the_reading_time():
    image = builders.image("Workshop photo")
    value = EssayStreamBlock().to_python(
        [
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "People round a table",
                        "decorative": False,
                    },
                    "caption": "one two",
                    "credit": "three",
                },
            }
        ]
    )
    assert count_words(value) == 3


def test_choices_links_and_dates_are_not_counted_as_words():
    value = EssayStreamBlock().to_python(
        [
            {"type": "heading", "value": {"text": "one two", "level": "h2"}},
            {
                "type": "callout",
                "value": {"kind": "warning", "title": "", "text": "<p>three</p>"},
            },
            {
                "type": "references",
                "value": {
                    "title": "",
                    "references": [
                        {
                            "citation": "four",
                            "url": "https://example.org/a/long/path",
                            "accessed": "2026-01-05",
                        }
                    ],
                },
            },
        ]
    )
    assert count_words(value) == 4


@pytest.mark.django_db
def test_essay_stores_its_reading_time_when_saved(sections):
    long_body = json.dumps(
        [{"type": "paragraph", "value": "<p>" + " ".join(["word"] * 1000) + "</p>"}]
    )
    essay = builders.essay(sections["blog"], "Long read", body=long_body)
    assert essay.reading_minutes == math.ceil(1000 / WORDS_PER_MINUTE)
    short = builders.essay(sections["blog"], "Short read")
    assert 1 <= short.reading_minutes < essay.reading_minutes


def _named_children(block):
    children = getattr(block, "child_blocks", None) or {}
    for name, child in children.items():
        yield name, child
        yield from _named_children(child)
    if isinstance(block, blocks.ListBlock):
        yield from _named_children(block.child_block)


@pytest.mark.parametrize("stream", [EssayStreamBlock, MethodStreamBlock, PrincipleStreamBlock])
def test_every_field_of_every_block_knows_its_own_name(stream):
    """The editor finds child blocks by name: a block shared between fields breaks it."""
    for name, child in _named_children(stream()):
        assert child.name == name
