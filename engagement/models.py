"""The engagement library: method guides and principles, placed on the spectrum."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from site_project.blocks.content import SIMPLE_TEXT_FEATURES
from site_project.blocks.streams import MethodStreamBlock, PrincipleStreamBlock
from site_project.core.api_fields import FactField, FrameworkField, TermsField
from site_project.core.backlinks import live_pages_referring_to
from site_project.core.forms import SiteModelForm
from site_project.core.models import (
    BasePage,
    CardQuerySet,
    ListingCardPreviewMixin,
    card_fields,
    editor_tabs,
)
from site_project.core.pagination import first_and_total, paginate
from site_project.core.visibility import visible, visible_links, visible_page_ids
from site_project.taxonomy.models import EngagementLevel

from .compare import build_comparison
from .finder import MethodFilters
from .forms import MethodPageForm
from .opendata import csv_response, json_response, method_facts, method_record
from .plan import calendar_response, plan_response
from .review import ReviewedPage

# Both method guides and principles are checked at intervals (engagement/review.py).
REVIEW_PANEL = MultiFieldPanel(
    [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")])],
    heading="Review",
)

LOW_MEDIUM_HIGH = [("low", "Low"), ("medium", "Medium"), ("high", "High")]


class EngagementIndexPage(RoutablePageMixin, BasePage):
    """The hub of the library: introduces the spectrum and leads to methods and principles.

    `plan/?m=<slug>` turns one to three method guides into an engagement plan, and
    `plan/calendar.ics?…` gives its milestones as a calendar (engagement/plan.py)."""

    intro = RichTextField(features=SIMPLE_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro", help_text="A short welcome to the library.")
    ]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "engagement.MethodIndexPage",
        "engagement.PrincipleIndexPage",
        "engagement.DecisionAidPage",
    ]
    max_count = 1
    template = "engagement/engagement_index_page.html"

    class Meta:
        verbose_name = "engagement library hub"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = visible(self.get_children(), request).specific()
        context["finder"] = next((p for p in sections if isinstance(p, MethodIndexPage)), None)
        context["principles_index"] = next(
            (p for p in sections if isinstance(p, PrincipleIndexPage)), None
        )
        context["levels"] = list(EngagementLevel.objects.all())
        return context

    def plan_methods(self, request):
        """The method guides a plan may use: live and public, below this hub."""
        return visible(MethodPage.objects.descendant_of(self), request)

    @path("plan/", name="plan")
    def plan(self, request):
        return plan_response(self, request, self.plan_methods(request))

    # A file: served without a trailing slash (`serve_file_subpage` in core/routing.py).
    @path("plan/calendar.ics/", name="plan_calendar")
    def plan_calendar(self, request):
        return calendar_response(self, request, self.plan_methods(request))


class MethodQuerySet(CardQuerySet):
    def for_spectrum(self):
        """What the spectrum (engagement/components/spectrum.html) shows of each method:
        its title, its address and its level range."""
        return self.select_related("min_level", "max_level").only(
            "title", "url_path", "min_level", "max_level"
        )


class MethodIndexPage(RoutablePageMixin, BasePage):
    """The method finder: all method guides, filterable, plus compare and spectrum views."""

    intro = RichTextField(features=SIMPLE_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro", help_text="Shown above the finder.")
    ]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["engagement.EngagementIndexPage"]
    subpage_types = ["engagement.MethodPage"]
    max_count = 1

    class Meta:
        verbose_name = "method finder"

    def methods(self, request=None):
        return visible(MethodPage.objects.child_of(self), request).select_related(
            "min_level", "max_level"
        )

    @path("")
    def finder(self, request):
        filters = MethodFilters(request.GET)
        base_url = self.get_url(request)
        results = list(
            filters.apply(self.methods(request))
            .for_cards("slug")
            .order_by("min_level__rank", "max_level__rank", "title")
        )
        context = {
            "filters": filters,
            "export_query": filters.querystring(),
            "options": filters.form_options(),
            "chips": filters.chips(base_url),
            "results": results,
            "relaxations": [] if results else filters.relaxations(self.methods(request), base_url),
        }
        return self.render(request, context_overrides=context)

    # The finder's results as open data (engagement/opendata.py), for the same query
    # string as the finder itself. Served without a trailing slash, as files are: see
    # `serve_file_subpage` in site_project/core/routing.py.
    def exported_methods(self, request, filters):
        methods = (
            filters.apply(self.methods(request))
            .defer_streamfields()
            .select_related("family")
            .prefetch_related("purposes", "topics")
            .order_by("min_level__rank", "max_level__rank", "title")
        )
        return [method_record(method, request) for method in methods]

    @path("export.csv/", name="export_csv")
    def export_csv(self, request):
        filters = MethodFilters(request.GET)
        return csv_response(self.exported_methods(request, filters), request)

    @path("export.json/", name="export_json")
    def export_json(self, request):
        filters = MethodFilters(request.GET)
        records = self.exported_methods(request, filters)
        return json_response(records, request, filters, self.get_full_url(request))

    @path("compare/")
    def compare(self, request):
        comparison = build_comparison(request.GET, self.methods(request))
        context = {
            "comparison": comparison,
            "all_methods": visible(MethodPage.objects.child_of(self), request)
            .order_by("title")
            .only("title", "slug"),
            "page_title": "Compare methods",
        }
        return self.render(
            request, context_overrides=context, template="engagement/method_compare.html"
        )

    @path("spectrum/")
    def spectrum(self, request):
        context = {
            "levels": list(EngagementLevel.objects.all()),
            "methods": self.methods(request)
            .for_spectrum()
            .order_by("min_level__rank", "max_level__rank", "title"),
            "page_title": "Methods on the engagement spectrum",
        }
        return self.render(
            request, context_overrides=context, template="engagement/method_spectrum.html"
        )


class DiscussedInEssaysMixin(RoutablePageMixin):
    """For library pages that essays link to, through "methods/principles discussed"
    (reverse relation `essay_links`) or plain links in their text.

    The page itself shows the newest few with the total, so its size stays the same
    however many essays discuss it; all of them are listed, a page at a time, at
    `<page url>essays/`. Put it after ListingCardPreviewMixin in a page's bases: the
    card preview mode must be asked first, as RoutablePageMixin previews its index view
    whatever the mode."""

    discussed_as = "page"  # the page type in the reader's words: "this method"
    essays_shown = 6
    essays_per_page = 10

    def discussing_essays(self, request=None):
        """Live, public essays that discuss this page, newest first."""
        return live_pages_referring_to(self, "blog.EssayPage", "essay_links", request).order_by(
            "-date", "-first_published_at", "-pk"
        )

    def newest_discussing_essays(self, request):
        """(the newest few essays, how many there are in all), in one query."""
        return first_and_total(self.discussing_essays(request).for_listing(), self.essays_shown)

    @path("essays/")
    def essays_discussing(self, request):
        essays = self.discussing_essays(request).for_listing()
        page_obj, page_range, query, note = paginate(request, essays, self.essays_per_page)
        # Wagtail's base context, not the page type's own get_context (which comes
        # before this mixin and gathers everything the full page shows).
        context = super().get_context(request)
        context.update(
            essays=page_obj,
            page_obj=page_obj,
            page_range=page_range,
            query=query,
            notes=[note] if note else [],
            page_title=f"Essays that discuss {self.title}",
            meta_description=f"Every essay that discusses the {self.discussed_as} "
            f"“{self.title}”, newest first.",
        )
        return TemplateResponse(request, "engagement/discussing_essays.html", context)


class MethodPage(ListingCardPreviewMixin, DiscussedInEssaysMixin, ReviewedPage, BasePage):
    """A structured guide to one engagement method."""

    card_template = "components/method_card.html"
    discussed_as = "method"
    serve_select_related = ("promote_image", "family", "min_level", "max_level")
    objects = PageManager.from_queryset(MethodQuerySet)()
    # What components/method_card.html reads, with level_range.html and
    # people_range.html (see CardQuerySet).
    card_fields = (
        "summary",
        "participants_min",
        "participants_max",
        "min_level__slug",
        "min_level__name",
        "max_level__slug",
        "max_level__name",
    )
    card_select_related = ("min_level", "max_level")

    summary = models.CharField(
        max_length=280, help_text="One or two sentences for listings and search (280 characters)."
    )
    also_known_as = models.CharField(
        max_length=200, blank=True, help_text="Other names, separated by commas."
    )
    family = models.ForeignKey(
        "taxonomy.MethodFamily",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="methods",
        verbose_name="method family",
        help_text="The broad family this method belongs to; shown above the title.",
    )
    min_level = models.ForeignKey(
        "taxonomy.EngagementLevel",
        on_delete=models.PROTECT,
        related_name="methods_starting_here",
        verbose_name="lowest level",
        help_text="The least influence participants usually have with this method.",
    )
    max_level = models.ForeignKey(
        "taxonomy.EngagementLevel",
        on_delete=models.PROTECT,
        related_name="methods_ending_here",
        verbose_name="highest level",
        help_text="The most influence it can give when run well (same as lowest if only one).",
    )
    purposes = ParentalManyToManyField(
        "taxonomy.Purpose",
        blank=True,
        related_name="methods",
        verbose_name="good for (purposes)",
        help_text="What it is good for; the finder's purpose filter uses these. "
        "At least one is needed to publish.",
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="methods",
        help_text="The finder's topic filter and the topic pages use these. "
        "At least one is needed to publish.",
    )

    participants_min = models.PositiveIntegerField(
        "fewest people", null=True, blank=True, help_text="Fewest people who usually take part."
    )
    participants_max = models.PositiveIntegerField(
        "most people",
        null=True,
        blank=True,
        help_text="Most people; leave empty if there is no practical limit.",
    )
    participants_note = models.CharField(
        "note on who takes part",
        max_length=200,
        blank=True,
        help_text="e.g. 'stratified random selection'.",
    )

    lead_time = models.CharField(
        "preparation", max_length=120, blank=True, help_text="Planning before it starts."
    )
    contact_time = models.CharField(
        "with participants", max_length=120, blank=True, help_text="Time with participants."
    )
    follow_up = models.CharField(
        "follow-up", max_length=120, blank=True, help_text="Reporting and feedback."
    )
    min_weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name="shortest time, in weeks",
        help_text="Shortest realistic time from start to finish; the finder filters on it.",
    )

    cost_min = models.PositiveIntegerField(null=True, blank=True, verbose_name="cost from (£)")
    cost_max = models.PositiveIntegerField(null=True, blank=True, verbose_name="cost up to (£)")
    cost_covers = models.CharField(
        "what the cost covers",
        max_length=200,
        blank=True,
        help_text="What the figures include, e.g. recruitment, fees.",
    )
    cost_source = models.CharField(
        "source", max_length=120, blank=True, help_text="Who published the figures."
    )
    cost_year = models.PositiveSmallIntegerField(
        "year of the figures",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )

    facilitation_skill = models.CharField(
        "facilitation skill",
        max_length=12,
        choices=[
            ("basic", "Basic: a confident organiser"),
            ("experienced", "Experienced facilitator"),
            ("specialist", "Specialist, independent team"),
        ],
        blank=True,
        default="",
        help_text="Who can run it well. Leave empty until someone has judged it: "
        "the site then says 'Not yet rated'.",
    )
    depth_rating = models.CharField(
        "depth",
        max_length=6,
        choices=LOW_MEDIUM_HIGH,
        blank=True,
        default="",
        help_text="How deeply people engage. Leave empty until judged.",
    )
    breadth_rating = models.CharField(
        "breadth",
        max_length=6,
        choices=LOW_MEDIUM_HIGH,
        blank=True,
        default="",
        help_text="How diverse the voices are. Leave empty until judged.",
    )
    reach_rating = models.CharField(
        "reach",
        max_length=6,
        choices=LOW_MEDIUM_HIGH,
        blank=True,
        default="",
        help_text="How many people it reaches. Leave empty until judged.",
    )
    body = StreamField(MethodStreamBlock(), blank=True, use_json_field=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("also_known_as"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("also_known_as"),
        FieldPanel("body"),
    ]
    # The finder's facets and the other "At a glance" facts, in the order the public
    # panel shows them (the family first: it heads the page).
    glance_panels = [
        FieldPanel("family"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("min_level"), FieldPanel("max_level")])],
            heading="Level of influence",
            help_text="Where the method sits on the engagement spectrum; the finder filters on it.",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("participants_min"), FieldPanel("participants_max")]),
                FieldPanel("participants_note"),
            ],
            heading="People",
            help_text="The finder's group-size filter uses the fewest and most people.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_time"),
                FieldPanel("contact_time"),
                FieldPanel("follow_up"),
                FieldPanel("min_weeks"),
            ],
            heading="Time",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost_min"), FieldPanel("cost_max")]),
                FieldPanel("cost_covers"),
                FieldRowPanel([FieldPanel("cost_source"), FieldPanel("cost_year")]),
            ],
            heading="Cost (GBP)",
            help_text="The finder's budget filter uses the lower figure.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("facilitation_skill"),
                FieldRowPanel(
                    [
                        FieldPanel("depth_rating"),
                        FieldPanel("breadth_rating"),
                        FieldPanel("reach_rating"),
                    ]
                ),
            ],
            heading="Facilitation skill, depth, breadth and reach",
            help_text="Leave a rating empty until someone has judged it: the page then says "
            "'Not yet rated' and comparisons leave it out.",
        ),
        FieldPanel("purposes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        REVIEW_PANEL,
    ]
    link_panels = [
        InlinePanel(
            "related_method_links",
            heading="Combine with",
            label="related method",
            help_text="Methods that work well alongside this one, listed under "
            "'Combine with' on the page.",
        ),
        InlinePanel(
            "principle_links",
            heading="Principles",
            label="principle it supports or puts at risk",
            help_text="Principles of good engagement this method supports, or can put at risk.",
        ),
    ]
    edit_handler = editor_tabs(
        content_panels,
        link_panels,
        facts_panels=glance_panels,
        taxonomy_heading="Links",
    )
    parent_page_types = ["engagement.MethodIndexPage"]
    subpage_types = []
    # The read API (site_project/api.py): the same facts, named the same way, as the
    # finder's downloads (engagement/opendata.py).
    api_fields = [
        APIField(name, serializer=FactField(method_facts, name))
        for name in (
            "summary",
            "also_known_as",
            "levels",
            "purposes",
            "topics",
            "family",
            "people",
            "time",
            "cost",
            "facilitation_skill",
            "ratings",
            "last_reviewed",
        )
    ] + [APIField("body")]

    base_form_class = MethodPageForm

    class Meta:
        verbose_name = "method guide"

    def clean(self):
        super().clean()
        errors = {}
        if self.min_level_id and self.max_level_id and self.min_level.rank > self.max_level.rank:
            errors["max_level"] = "The highest level cannot be below the lowest level."
        if (
            self.participants_min is not None
            and self.participants_max is not None
            and self.participants_min > self.participants_max
        ):
            errors["participants_max"] = "The most people cannot be fewer than the fewest."
        if (
            self.cost_min is not None
            and self.cost_max is not None
            and self.cost_min > self.cost_max
        ):
            errors["cost_max"] = "The upper cost cannot be below the lower cost."
        if errors:
            raise ValidationError(errors)

    def body_blocks(self, block_type):
        return [child.value for child in self.body if child.block_type == block_type]

    @cached_property
    def strengths(self):
        return [
            s for value in self.body_blocks("strengths_limitations") for s in value["strengths"]
        ]

    @cached_property
    def limitations(self):
        return [
            s for value in self.body_blocks("strengths_limitations") for s in value["limitations"]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["levels"] = list(EngagementLevel.objects.all())
        context["purposes"] = list(self.purposes.all())
        context["topics"] = list(self.topics.all())
        # Cards only, with each row's own link to this page (its related manager reads it).
        fields, related = card_fields(MethodPage, via="method")
        context["related_links"] = visible_links(
            self.related_method_links.select_related(*related).only("page", "note", *fields),
            "method",
            request,
        )
        fields, related = card_fields(PrinciplePage, via="principle")
        principle_links = visible_links(
            self.principle_links.select_related(*related).only("page", "effect", "note", *fields),
            "principle",
            request,
        )
        context["supports"] = [link for link in principle_links if link.effect == "supports"]
        context["risks"] = [link for link in principle_links if link.effect == "risks"]
        context["essays"], context["essays_total"] = self.newest_discussing_essays(request)
        context["finder"] = self.get_parent()
        # The hub (the finder's parent, already known when served) makes plans.
        hub = context["finder"].get_parent() if context["finder"] else None
        plan_query = urlencode({"m": self.slug})
        context["plan_url"] = f"{hub.get_url(request)}plan/?{plan_query}" if hub else ""
        context["review"] = self.review_status_for_request(request)
        return context


class MethodRelatedMethod(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="related_method_links")
    method = models.ForeignKey(
        MethodPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="related method",
        help_text="A method that works well alongside this one.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="How they fit together.")

    panels = [FieldPanel("method"), FieldPanel("note")]


class MethodPrincipleLink(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="principle_links")
    principle = models.ForeignKey(
        "engagement.PrinciplePage", on_delete=models.CASCADE, related_name="method_links"
    )
    effect = models.CharField(
        "supports it or puts it at risk",
        max_length=8,
        choices=[("supports", "Supports it"), ("risks", "Puts it at risk")],
        default="supports",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why, in a sentence.")

    panels = [FieldPanel("principle"), FieldPanel("effect"), FieldPanel("note")]


@register_snippet
class Framework(index.Indexed, models.Model):
    """A published set of engagement principles, e.g. the Gunning principles."""

    name = models.CharField(max_length=120, unique=True)
    publisher = models.CharField(max_length=120, blank=True, help_text="e.g. 'NHS England'.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField(blank=True, verbose_name="source web address")
    description = models.CharField(max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        "position in lists", default=0, help_text="Lower numbers list first."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("publisher"),
        FieldPanel("year"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    base_form_class = SiteModelForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class PrincipleIndexPage(BasePage):
    """All principles, grouped by the framework they come from."""

    intro = RichTextField(features=SIMPLE_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["engagement.EngagementIndexPage"]
    subpage_types = ["engagement.PrinciplePage"]
    max_count = 1

    class Meta:
        verbose_name = "principles index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["principles"] = (
            visible(PrinciplePage.objects.child_of(self), request)
            .defer_streamfields()
            .select_related("framework")
            .order_by("framework__sort_order", "framework__name", "title")
        )
        return context


class PrinciplePage(ListingCardPreviewMixin, DiscussedInEssaysMixin, ReviewedPage, BasePage):
    """A principle of good engagement, with its barriers, enablers and indicators."""

    card_template = "components/principle_card.html"
    discussed_as = "principle"
    serve_select_related = ("promote_image", "framework")
    objects = PageManager.from_queryset(CardQuerySet)()
    # What components/principle_card.html reads (see CardQuerySet).
    card_fields = ("statement", "framework__name")
    card_select_related = ("framework",)

    statement = models.CharField(
        max_length=300, help_text="The principle in one sentence, in our own words."
    )
    framework = models.ForeignKey(
        Framework,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="principles",
        help_text="The published framework it comes from.",
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="principles")
    body = StreamField(PrincipleStreamBlock(), blank=True, use_json_field=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("statement"),
        index.SearchField("body"),
        index.AutocompleteField("statement"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("statement"),
        FieldPanel("framework"),
        FieldPanel("body"),
        REVIEW_PANEL,
    ]
    taxonomy_panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]
    edit_handler = editor_tabs(content_panels, taxonomy_panels)
    parent_page_types = ["engagement.PrincipleIndexPage"]
    subpage_types = []
    api_fields = [
        APIField("statement"),
        APIField("framework", serializer=FrameworkField()),
        APIField("topics", serializer=TermsField()),
        APIField("last_reviewed"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = "principle"

    @property
    def summary(self):
        return self.statement

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Method guides name the principles they support or risk; a principle that was
        # never saved (a preview) cannot be named yet.
        fields, related = card_fields(MethodPage, via="page")
        links = (
            self.method_links.filter(page__in=visible_page_ids(request))
            .select_related(*related)
            .only("principle", "effect", "note", *fields)
            if self.pk
            else []
        )
        context["supporting_methods"] = [link for link in links if link.effect == "supports"]
        context["risky_methods"] = [link for link in links if link.effect == "risks"]
        context["essays"], context["essays_total"] = self.newest_discussing_essays(request)
        context["review"] = self.review_status_for_request(request)
        return context


# "Should we engage?" lives in its own module; imported here so Django finds the model.
from .decision import DecisionAidPage  # noqa: E402, F401
