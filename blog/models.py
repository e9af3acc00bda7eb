"""Essays: long-form pieces that name the methods and principles they discuss."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from site_project.blocks.content import SIMPLE_TEXT_FEATURES, heading_anchor
from site_project.blocks.streams import EssayStreamBlock
from site_project.core.models import BasePage, ListingCardPreviewMixin, editor_tabs

from .reading import reading_minutes


class BlogIndexPage(BasePage):
    """The essays listing: newest first, filterable by topic and year."""

    intro = RichTextField(features=SIMPLE_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro", help_text="A sentence or two above the list of essays.")
    ]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.EssayPage"]
    max_count = 1

    class Meta:
        verbose_name = "essays index"


class EssayPage(ListingCardPreviewMixin, BasePage):
    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="Leave empty to use the date it is first published.",
    )
    summary = models.CharField(
        max_length=300,
        help_text="Two sentences at most: shown in listings, search results and when shared.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional wide image at the top of the essay.",
    )
    body = StreamField(EssayStreamBlock(), use_json_field=True)
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="essays")
    reading_minutes = models.PositiveSmallIntegerField(default=0, editable=False)

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        index.FilterField("date"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        InlinePanel("authors", label="Author", min_num=0),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    taxonomy_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "method_links",
            heading="Methods discussed",
            label="Method",
            help_text="Each method listed here shows this essay under 'Essays that discuss it'.",
        ),
        InlinePanel("principle_links", heading="Principles discussed", label="Principle"),
    ]
    edit_handler = editor_tabs(content_panels, taxonomy_panels)
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "essay"

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body)
        if self.date is None and self.live:
            self.date = (self.first_published_at or timezone.now()).date()
        super().save(*args, **kwargs)

    @cached_property
    def display_date(self):
        if self.date:
            return self.date
        return (self.first_published_at or timezone.now()).date()

    @cached_property
    def headings(self):
        """(anchor, text, level) for each heading block, for the table of contents."""
        return [
            (
                heading_anchor(child.value["text"], child.id),
                child.value["text"],
                child.value["level"],
            )
            for child in self.body
            if child.block_type == "heading"
        ]

    @cached_property
    def references(self):
        return [child for child in self.body if child.block_type == "references"]


class EssayAuthor(Orderable):
    page = ParentalKey(EssayPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="essays")

    panels = [FieldPanel("person")]


class EssayMethodLink(Orderable):
    page = ParentalKey(EssayPage, on_delete=models.CASCADE, related_name="method_links")
    method = models.ForeignKey(
        "engagement.MethodPage", on_delete=models.CASCADE, related_name="essay_links"
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Optional: what the essay says about it."
    )

    panels = [FieldPanel("method"), FieldPanel("note")]


class EssayPrincipleLink(Orderable):
    page = ParentalKey(EssayPage, on_delete=models.CASCADE, related_name="principle_links")
    principle = models.ForeignKey(
        "engagement.PrinciplePage", on_delete=models.CASCADE, related_name="essay_links"
    )
    note = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("principle"), FieldPanel("note")]
