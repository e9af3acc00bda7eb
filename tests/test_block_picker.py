"""The block picker is complete: every block an editor can add to any StreamField has a
plain-English description and a preview, and Wagtail's block preview view renders that
preview on an empty site and on one with content, without fetching anything from the
internet.

The blocks are found from the models themselves (every StreamField, every StreamBlock at
any depth), so a block added later without a description or preview fails here."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail import blocks
from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from engagement.models import MethodPage
from home.demo.images import IMAGES
from site_project.blocks import content, method
from tests import builders


def _stream_blocks(block):
    """Every StreamBlock at or below `block`."""
    if isinstance(block, blocks.StreamBlock):
        yield block
    if isinstance(block, blocks.ListBlock):
        yield from _stream_blocks(block.child_block)
    for child in (getattr(block, "child_blocks", None) or {}).values():
        yield from _stream_blocks(child)


def _picker_blocks():
    """(id, block) for every block offered in a block picker, each distinct one once,
    and the ids of every place one is offered.

    A StreamBlock with a single block type adds it straight away, without a picker
    (the footer's social links in the site settings are such a field)."""
    found, offered = {}, set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            for stream in _stream_blocks(field.stream_block):
                if len(stream.child_blocks) < 2:
                    continue
                for name, block in stream.child_blocks.items():
                    block_id = f"{model.__name__}.{field.name}.{name}"
                    offered.add(block_id)
                    found.setdefault((name, type(block)), (block_id, block))
    return sorted(found.values(), key=lambda item: item[0]), offered


PICKER, OFFERED = _picker_blocks()


def picker_params():
    return pytest.mark.parametrize("block", [b for _, b in PICKER], ids=[i for i, _ in PICKER])


def test_the_picker_blocks_are_found_from_the_models():
    for expected in [
        "EssayPage.body.image",
        "EssayPage.body.embed",
        "EssayPage.body.table",
        "EssayPage.body.method_card",
        "MethodPage.body.cost_breakdown",
        "PrinciplePage.body.indicators",
        "StandardPage.body.heading",
    ]:
        assert expected in OFFERED


@picker_params()
def test_block_has_a_plain_english_description(block):
    description = (block.get_description() or "").strip()
    assert description, "the block picker shows this under the block's name"
    assert description[0].isupper() and description.endswith("."), description
    assert len(description) <= 100, "keep it to a line the picker can show"


@picker_params()
def test_block_is_previewable_in_the_picker(block):
    assert block.is_previewable


# --- The admin's block preview view -------------------------------------------------


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly if anything tries to find an embed: that means asking the provider
    over the internet."""

    def refuse(*args, **kwargs):
        raise AssertionError("a block preview tried to fetch an embed")

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", refuse)
    monkeypatch.setattr(OEmbedFinder, "find_embed", refuse)


def preview(client, block):
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/static/css/site.css"' in html, "previews look like the public site"
    return html


TABLE_SAMPLE = [
    "<caption>Three methods compared</caption>",
    '<th scope="col">Typical cost</th>',
    "Participatory budgeting",
    "£60k–£200k",
    "<td>1200</td>",
]
EMBED_PLACEHOLDER = [
    "YouTube video or audio",
    "https://www.youtube.com/watch?v=community-engagement-example",
    "A ten-minute film of residents explaining what the assembly changed.",
]


def expected_on_empty_site(block):
    """What the preview of `block` must show when there are no images or methods."""
    if isinstance(block, content.ImageWithCaptionBlock):
        return ["Your image appears here", 'class="block-image"']
    if isinstance(block, method.MethodCardBlock):
        return [
            '<h3 class="card__title">Citizens\' jury</h3>',
            "An example card: publish a method guide",
            "card--method",
        ]
    return expected_with_static_value(block)


def expected_with_static_value(block):
    if isinstance(block, content.EmbedWithCaptionBlock):
        return EMBED_PLACEHOLDER
    if isinstance(block, content.TableBlock):
        return TABLE_SAMPLE
    # Every other block previews its fixed example through its own public template.
    return [block.render(block.get_preview_value())]


@pytest.mark.parametrize(
    "url, provider",
    [
        ("https://www.youtube.com/watch?v=x", "YouTube"),
        ("https://youtu.be/x", "YouTube"),
        ("https://vimeo.com/1", "Vimeo"),
        ("https://player.vimeo.com/video/1", "Vimeo"),
        ("https://open.spotify.com/episode/x", "Spotify"),
        ("https://www.soundcloud.com/x", "SoundCloud"),
        ("https://www.example.org/film", "example.org"),
        ("https://media.example.org/film", "media.example.org"),
        ("", "another site"),
        (None, "another site"),
    ],
)
def test_the_embed_placeholder_names_the_provider_from_the_link(url, provider):
    assert content.embed_provider(url) == provider


def test_the_embed_placeholder_shows_the_link_or_nothing():
    block = content.EmbedWithCaptionBlock()
    context = block.get_preview_context(block.get_preview_value())
    assert (context["placeholder"], context["embed_provider"], context["embed_url"]) == (
        "embed",
        "YouTube",
        "https://www.youtube.com/watch?v=community-engagement-example",
    )
    context = block.get_preview_context(block.to_python({"embed": "", "caption": ""}))
    assert (context["embed_provider"], context["embed_url"]) == ("another site", "")


@picker_params()
def test_preview_renders_on_an_empty_site(editor_client, no_network, block):
    assert not get_image_model().objects.exists() and not MethodPage.objects.exists()
    html = preview(editor_client, block)
    for text in expected_on_empty_site(block):
        assert text in html
    assert not Embed.objects.exists()


@pytest.fixture
def with_content(sections):
    photo = builders.image("Workshop photo")
    guide = builders.method(sections["finder"], "World café", low="involve", high="involve")
    return {"image": photo, "method": guide}


@picker_params()
def test_preview_renders_with_content(editor_client, no_network, with_content, block):
    html = preview(editor_client, block)
    if isinstance(block, content.ImageWithCaptionBlock):
        expected = ["<picture>", "/media/images/", "<figcaption>Workshop photo"]
        assert "Your image appears here" not in html
    elif isinstance(block, method.MethodCardBlock):
        guide = with_content["method"]
        expected = [f'<a href="{guide.url}">World café</a>', guide.summary]
        assert "An example card" not in html
    else:
        expected = expected_with_static_value(block)
    for text in expected:
        assert text in html
    assert not Embed.objects.exists()


# --- Which image and method the previews choose --------------------------------------


@pytest.mark.django_db
def test_image_preview_prefers_a_demo_illustration():
    builders.image("Someone's upload")
    demo_title = next(iter(IMAGES.values()))[0]
    demo = builders.image(demo_title)
    value = content.ImageWithCaptionBlock().get_preview_value()
    assert value["image"].pk == demo.pk
    assert value["image"].contextual_alt_text == demo.default_alt_text


@pytest.mark.django_db
def test_image_preview_falls_back_to_the_oldest_image_then_to_nothing():
    block = content.ImageWithCaptionBlock()
    value = block.get_preview_value()
    assert (value["image"], value["caption"], value["credit"]) == (None, "", "")
    first = builders.image("First upload")
    builders.image("Second upload")
    value = block.get_preview_value()
    assert (value["image"].pk, value["caption"], value["credit"]) == (
        first.pk,
        "First upload",
        "From the image library",
    )


@pytest.mark.django_db
def test_method_card_preview_uses_only_a_published_method(sections):
    block = method.MethodCardBlock()
    builders.method(sections["finder"], "Draft method", live=False)
    assert block.get_preview_value()["method"] is None
    live = builders.method(sections["finder"], "Live method", low="consult", high="involve")
    value = block.get_preview_value()
    assert value["method"] == live
    assert value["note"] == "Worth a look when the decision involves hard trade-offs."


@pytest.mark.django_db
def test_method_card_preview_loads_the_method_and_its_levels_in_one_query(
    sections, django_assert_num_queries
):
    builders.method(sections["finder"], "Live method", low="consult", high="involve")
    block = method.MethodCardBlock()
    # One for the view restrictions (public()), one for the method with both levels.
    with django_assert_num_queries(2):
        chosen = block.get_preview_value()["method"]
        assert (chosen.min_level.name, chosen.max_level.name) == ("Consult", "Involve")
