"""The home page and general pages such as About."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from blog.models import BlogIndexPage, EssayPage
from engagement.models import MethodIndexPage, MethodPage
from site_project.blocks.content import SIMPLE_TEXT_FEATURES
from site_project.blocks.streams import StandardStreamBlock
from site_project.core.models import BasePage, card_fields, editor_tabs
from site_project.core.visibility import visible, visible_links
from site_project.taxonomy.models import EngagementLevel, Topic, topic_groups


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
        InlinePanel("featured_essays", label="featured essay", max_num=3),
        FieldPanel("finder_prompt"),
    ]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        essays = visible(EssayPage.objects.descendant_of(self), request).for_listing()
        fields, related = card_fields(EssayPage, via="essay")
        featured_links = (
            self.featured_essays.select_related(*related)
            .only("page", *fields)
            .prefetch_related("essay__hero_image__renditions")
        )
        featured = [link.essay for link in visible_links(featured_links, "essay", request)]
        featured_ids = [e.pk for e in featured]
        # The essays index and the method finder, in one query.
        sections = list(
            Page.objects.live().descendant_of(self).type(BlogIndexPage, MethodIndexPage)
        )
        context.update(
            featured=featured,
            latest=list(essays.exclude(pk__in=featured_ids).order_by("-date", "-pk")[:3]),
            essays_index=first_of_type(sections, BlogIndexPage),
            finder=first_of_type(sections, MethodIndexPage),
            levels=list(EngagementLevel.objects.all()),
            spectrum_methods=list(
                visible(MethodPage.objects.descendant_of(self), request)
                .for_spectrum()
                .order_by("min_level__rank", "max_level__rank", "title")
            ),
            topic_groups=topic_groups(Topic.objects.all()),
        )
        return context


def first_of_type(pages, page_class):
    """The first page (in tree order) of `page_class` among `pages`."""
    return next((p for p in pages if issubclass(p.specific_class, page_class)), None)


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
