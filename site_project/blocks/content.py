"""General-purpose blocks used by essays, guides and standard pages."""

import datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

# A deliberate, small feature set: structure comes from blocks (headings, quotes,
# callouts), so rich text only carries emphasis, lists and links.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]
SIMPLE_TEXT_FEATURES = ["bold", "italic", "link"]

GROUP_TEXT = "Text"
GROUP_MEDIA = "Media"
GROUP_STRUCTURE = "Structure"
GROUP_METHOD = "Method guide"
GROUP_EVIDENCE = "Evidence and references"

# Block previews (the block picker's preview panel) are rendered by Wagtail's block
# preview view through `wagtailcore/shared/block_preview.html`, which this site
# overrides to load its own styles. Blocks whose example needs something from the
# database (an image, a method guide) fall back to this placeholder template when it is
# not there, so a preview never fails on an empty site.
PLACEHOLDER_PREVIEW_TEMPLATE = "blocks/previews/placeholder.html"


def preview_image():
    """The image to show in block previews: the first demo illustration if the demo
    content is loaded, else the oldest image in the library, else None."""
    from home.demo.images import IMAGES  # plain data; imported late to keep apps apart

    Image = get_image_model()
    demo_titles = [title for title, *_ in IMAGES.values()]
    demo = {image.title: image for image in Image.objects.filter(title__in=demo_titles)}
    for title in demo_titles:
        if title in demo:
            return demo[title]
    return Image.objects.order_by("pk").first()


# Names for the embed preview's placeholder; other sites show their host name.
EMBED_PROVIDERS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "soundcloud.com": "SoundCloud",
    "spotify.com": "Spotify",
}


def embed_provider(url):
    """A readable provider name for an embed URL, worked out from the URL alone."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    for domain, name in EMBED_PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return host or "another site"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120, help_text="Short and descriptive; it joins the contents list."
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Sub-section (h3)"), ("h4", "Minor heading (h4)")],
        default="h2",
        help_text="Keep the outline tidy: do not skip levels.",
    )

    class Meta:
        icon = "title"
        group = GROUP_STRUCTURE
        template = "blocks/heading.html"
        description = "A section heading. Essays with three or more get a table of contents."
        preview_value = {"text": "Why this matters now", "level": "h2"}
        form_classname = "heading-block"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        group = GROUP_TEXT
        template = "blocks/rich_text.html"
        description = "Paragraphs with emphasis, lists and links to pages or documents."
        preview_value = (
            "<p>Engagement works best when people can see <b>what changed</b> because "
            "they took part. That means planning the feedback loop before the first "
            "workshop, not after the last one.</p>"
        )


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Alt text lives with the image choice; tick 'decorative' only if it adds nothing."
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120, help_text="Photographer or source.")

    class Meta:
        icon = "image"
        group = GROUP_MEDIA
        template = "blocks/image.html"
        description = "An image with optional caption and credit."

    def get_preview_value(self):
        image = preview_image()
        return self.normalize(
            {
                "image": image
                and {"image": image, "alt_text": image.default_alt_text, "decorative": False},
                "caption": image.title if image else "",
                "credit": "From the image library" if image else "",
            }
        )

    def get_preview_template(self, value, context=None):
        if value.get("image") is None:
            return PLACEHOLDER_PREVIEW_TEMPLATE
        return super().get_preview_template(value, context)

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        context["placeholder"] = "image"
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(required=False, max_length=120, help_text="Who said it.")
    source = blocks.CharBlock(required=False, max_length=200, help_text="Where it was said.")
    source_url = blocks.URLBlock(required=False, label="Source web address")

    class Meta:
        icon = "openquote"
        group = GROUP_TEXT
        template = "blocks/quote.html"
        description = "A pull quote with attribution."
        preview_value = {
            "quote": "Nothing about us without us.",
            "attribution": "Disability rights movement",
            "source": "A slogan used widely since the 1990s",
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", "Note"), ("tip", "Tip"), ("warning", "Warning")], default="note"
    )
    title = blocks.CharBlock(required=False, max_length=100)
    text = blocks.RichTextBlock(features=SIMPLE_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        group = GROUP_TEXT
        template = "blocks/callout.html"
        description = "A boxed note, tip or warning that stands out from the text."
        preview_value = {
            "kind": "tip",
            "title": "Pay participants",
            "text": "<p>Paying for time and covering care costs widens who can take part.</p>",
        }


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Key points", max_length=80)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300, label="Point"), min_num=1)

    class Meta:
        icon = "list-ul"
        group = GROUP_TEXT
        template = "blocks/key_points.html"
        description = "A short list of take-aways."
        preview_value = {
            "title": "Key points",
            "points": ["Start early", "Be clear what is open to influence", "Report back"],
        }


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A video or audio link, e.g. from YouTube or Vimeo.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "media"
        group = GROUP_MEDIA
        template = "blocks/embed.html"
        description = "A video or audio clip from YouTube, Vimeo or a similar site, with a caption."
        # Never fetched: the picker shows a placeholder naming the provider and link,
        # because rendering the real embed would ask the provider over the network.
        preview_template = PLACEHOLDER_PREVIEW_TEMPLATE
        preview_value = {
            "embed": "https://www.youtube.com/watch?v=community-engagement-example",
            "caption": "A ten-minute film of residents explaining what the assembly changed.",
        }

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        url = value["embed"].url if value.get("embed") else ""
        context.update(placeholder="embed", embed_url=url, embed_provider=embed_provider(url))
        return context


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        max_length=200, help_text="Says what the table shows; screen readers announce it."
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock()),
            ("number", blocks.DecimalBlock()),
            ("rich_text", blocks.RichTextBlock(features=SIMPLE_TEXT_FEATURES)),
        ]
    )

    class Meta:
        icon = "table"
        group = GROUP_STRUCTURE
        template = "blocks/table.html"
        description = "A table of figures or comparisons, with a caption saying what it shows."
        # Short headings and figures: the picker's preview panel is phone-narrow.
        preview_value = {
            "caption": "Three methods compared",
            "table": {
                "columns": [
                    {"type": "text", "heading": "Method"},
                    {"type": "number", "heading": "People"},
                    {"type": "text", "heading": "Typical cost"},
                ],
                "rows": [
                    {"values": ["Citizens' jury", 24, "£60k–£200k"]},
                    {"values": ["Online survey", 500, "£500–£5k"]},
                    {"values": ["Participatory budgeting", 1200, "£20k–£100k"]},
                ],
            },
        }


class ReferenceBlock(blocks.StructBlock):
    citation = blocks.CharBlock(max_length=400, help_text="Author, title, publisher, year.")
    url = blocks.URLBlock(required=False, label="Web address")
    accessed = blocks.DateBlock(required=False, label="Date accessed")

    class Meta:
        icon = "link"
        template = "blocks/reference.html"


class ReferencesBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="References", max_length=80)
    references = blocks.ListBlock(ReferenceBlock(label="Reference"), min_num=1)

    class Meta:
        icon = "list-ol"
        group = GROUP_EVIDENCE
        template = "blocks/references.html"
        description = "Numbered, footnote-style references with links and access dates."
        preview_value = {
            "title": "References",
            "references": [
                {
                    "citation": "Involve (2005) People and Participation. London: Involve.",
                    "url": "https://involve.org.uk/",
                    "accessed": datetime.date(2026, 1, 5),
                }
            ],
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=SIMPLE_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question and answer"
        group = GROUP_STRUCTURE
        template = "blocks/faq_item.html"
        description = "A question with an answer that opens on click (works without JavaScript)."
        preview_value = {
            "question": "Do we need to pay participants?",
            "answer": "<p>Usually yes: it widens who can take part.</p>",
        }


class CallToActionValue(blocks.StructValue):
    @cached_property
    def href(self):
        page = self.get("page")
        return page.url if page else self.get("url")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock(required=False, max_length=300)
    page = blocks.PageChooserBlock(required=False, help_text="Link to a page on this site …")
    url = blocks.URLBlock(required=False, label="Web address", help_text="… or to another site.")
    button_text = blocks.CharBlock(default="Find out more", max_length=40)

    class Meta:
        icon = "pick"
        group = GROUP_STRUCTURE
        template = "blocks/call_to_action.html"
        value_class = CallToActionValue
        description = "A prominent box inviting the reader to a next step."
        preview_value = {
            "title": "Choose a method",
            "text": "Filter methods by how much influence people will have.",
            "url": "https://example.org/methods/",
            "button_text": "Open the method finder",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter a link.")}
            )
        return value


def heading_anchor(text, block_id):
    """Stable anchor for a heading: readable slug plus the block's id prefix."""
    suffix = (block_id or "")[:8]
    return f"{slugify(text)[:48]}-{suffix}" if suffix else slugify(text)[:48]
