"""The home page and general pages such as About."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from site_project.blocks.content import SIMPLE_TEXT_FEATURES
from site_project.blocks.streams import StandardStreamBlock
from site_project.core.models import BasePage, editor_tabs


class HomePage(BasePage):
    """The front door: what the site is, featured essays, the spectrum and topics."""

    heading = models.CharField(
        max_length=140,
        blank=True,
        help_text="Large heading; leave empty to use the page title.",
    )
    intro = RichTextField(
        features=SIMPLE_TEXT_FEATURES, blank=True, help_text="What the site is, in two sentences."
    )
    finder_prompt = models.CharField(
        max_length=200,
        blank=True,
        default="Planning some engagement? Find a method to fit your question, people and budget.",
        help_text="Invitation shown beside the link to the method finder.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        InlinePanel("featured_essays", label="Featured essay", max_num=3),
        FieldPanel("finder_prompt"),
    ]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class HomeFeaturedEssay(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_essays")
    essay = models.ForeignKey(
        "blog.EssayPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Shown prominently on the home page while it is live.",
    )

    panels = [FieldPanel("essay")]


class StandardPage(BasePage):
    """A general page such as About or Accessibility."""

    summary = models.CharField(
        max_length=300, blank=True, help_text="Shown in search results and when shared."
    )
    body = StreamField(StandardStreamBlock(), blank=True, use_json_field=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"
