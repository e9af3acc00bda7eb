"""Essays: long-form pieces that name the methods and principles they discuss."""

from django import forms
from django.apps import apps
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from site_project.blocks.content import SIMPLE_TEXT_FEATURES, heading_anchor
from site_project.blocks.streams import EssayStreamBlock
from site_project.core.api_fields import DiscussedPagesField, PeopleField, TermsField
from site_project.core.backlinks import lists_discussed
from site_project.core.models import BasePage, CardQuerySet, ListingCardPreviewMixin, editor_tabs
from site_project.core.pagination import paginate
from site_project.core.visibility import restricted_paths, visible
from site_project.taxonomy.models import Topic, tagged_with

from .reading import reading_minutes


class BlogIndexPage(BasePage):
    """The essays listing: newest first, filterable by topic and year."""

    intro = RichTextField(features=SIMPLE_TEXT_FEATURES, blank=True)
    per_page = 10

    content_panels = BasePage.content_panels + [
        FieldPanel("intro", help_text="A sentence or two above the list of essays.")
    ]
    edit_handler = editor_tabs(content_panels)
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.EssayPage"]
    max_count = 1

    class Meta:
        verbose_name = "essays index"

    def essays(self, request=None):
        return visible(EssayPage.objects.child_of(self), request).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        essays = self.essays(request)
        notes = []
        # Topics with essays, and their broad topics (which gather their sub-topics' essays):
        # read from the tag table of the listed essays, with no join to DISTINCT away.
        tagged = EssayPage.topics.through.objects.filter(essaypage_id__in=essays.values("pk"))
        tag_ids = tagged.values("topic_id")
        topics = list(
            Topic.objects.filter(
                Q(pk__in=tag_ids)
                | Q(pk__in=Topic.objects.filter(pk__in=tag_ids).values("parent_id"))
            )
        )
        topic_slug = request.GET.get("topic", "").strip()
        topic = next((t for t in topics if t.slug == topic_slug), None)
        if topic_slug and topic is None:
            notes.append(f"There are no essays on the topic “{topic_slug[:40]}”; showing all.")
        if topic:
            family = [topic.pk] + [t.pk for t in topics if t.parent_id == topic.pk]
            essays = tagged_with(essays, family)
        years = [d.year for d in self.essays(request).dates("date", "year", order="DESC")]
        year_raw = request.GET.get("year", "").strip()
        year = next((y for y in years if str(y) == year_raw), None)
        if year_raw and year is None:
            notes.append(f"There are no essays from “{year_raw[:10]}”; showing all years.")
        if year:
            essays = essays.filter(date__year=year)
        essays = essays.for_listing().prefetch_related("topics")
        page_obj, page_range, query, page_note = paginate(request, essays, self.per_page)
        if page_note:
            notes.append(page_note)
        context.update(
            essays=page_obj,
            page_obj=page_obj,
            page_range=page_range,
            query=query,
            notes=notes,
            topics=topics,
            topic=topic,
            years=years,
            year=year,
        )
        return context


class EssayQuerySet(CardQuerySet):
    def for_listing(self):
        """What an essay card needs, in a fixed number of queries: the card's fields
        (`card_fields`), the hero image with its renditions. Cards that show their
        topics (`show_topics`) add `.prefetch_related("topics")`."""
        return self.for_cards().prefetch_related("hero_image__renditions")


class EssayPage(ListingCardPreviewMixin, BasePage):
    card_template = "components/essay_card.html"
    serve_select_related = ("promote_image", "hero_image")
    # What components/essay_card.html reads (see CardQuerySet); `display_date` falls
    # back to the first publication.
    card_fields = ("date", "first_published_at", "reading_minutes", "summary", "hero_image")
    card_select_related = ("hero_image",)
    objects = PageManager.from_queryset(EssayQuerySet)()
    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        # Essays are listed, paged and chained (older/newer) by date: indexed, those
        # stay quick however many essays there are.
        db_index=True,
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
        InlinePanel("authors", label="author", min_num=0),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    taxonomy_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "method_links",
            heading="Methods discussed",
            label="method",
            help_text=(
                "Methods you link to in the essay's text, or show as a method card, are "
                "listed under 'Methods discussed' by themselves, and the method's page lists "
                "this essay. Add a method here only to list it without linking it, or to "
                "add a note."
            ),
        ),
        InlinePanel(
            "principle_links",
            heading="Principles discussed",
            label="principle",
            help_text=(
                "Principles you link to in the text are listed by themselves. Add one here "
                "only to list it without linking it, or to add a note."
            ),
        ),
    ]
    edit_handler = editor_tabs(content_panels, taxonomy_panels)
    # The read API (/api/v2/pages/?type=blog.EssayPage&fields=*; site_project/api.py).
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("authors", serializer=PeopleField()),
        APIField("topics", serializer=TermsField()),
        APIField(
            "methods_discussed",
            serializer=DiscussedPagesField("engagement.MethodPage", "method_links", "method"),
        ),
        APIField(
            "principles_discussed",
            serializer=DiscussedPagesField(
                "engagement.PrinciplePage", "principle_links", "principle"
            ),
        ),
        APIField("reading_minutes"),
        APIField("hero_image"),
        APIField("body"),
    ]
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(self.topics.all())
        topic_ids = [t.pk for t in topics]
        previous_essay, next_essay = self.neighbours(request)
        # Linked in the text (a link or a method card) or listed on the "Methods and
        # principles" tab: one list either way, loaded as cards.
        methods_discussed, principles_discussed = lists_discussed(
            self,
            [
                (
                    apps.get_model("engagement.MethodPage").objects.for_cards(),
                    "method_links",
                    "method",
                ),
                (
                    apps.get_model("engagement.PrinciplePage").objects.for_cards(),
                    "principle_links",
                    "principle",
                ),
            ],
            request,
        )
        context.update(
            og_type="article",
            topics=topics,
            # A photo's one rendition comes from Wagtail's rendition cache; prefetching
            # every rendition of every photo would cost each essay a query.
            authors=[a.person for a in self.authors.select_related("person__photo")],
            methods_discussed=methods_discussed,
            principles_discussed=principles_discussed,
            related=self.related_essays(topic_ids, request),
            previous_essay=previous_essay,
            next_essay=next_essay,
        )
        return context

    def neighbours(self, request=None):
        """The older and the newer essay next to this one, among the essays a reader may
        see, in one query: (previous, next), either None. Each has its title, address,
        state and date loaded.

        Same order as the essays index (date, then id), so essays sharing a date still
        chain together. Same essays as `visible(EssayPage.objects.sibling_of(self))`:
        live, under the same parent, outside every private section.

        Written in SQL because this is the costliest query to build on an uncached essay:
        composed with the ORM (two ordered subqueries and their conditions) it took Django
        about 2 ms per render, a tenth of the page, against 0.3 ms for this."""
        if not self.date:
            return None, None
        if self.pk is None:
            # Never saved (a preview): it will get the highest id, so comes after every
            # essay of the same date.
            older, newer = "e.date <= %s", "e.date > %s"
            key, key_params = (self.date, float("inf")), [self.date]
        else:
            older = "(e.date < %s OR (e.date = %s AND e.page_ptr_id < %s))"
            newer = "(e.date > %s OR (e.date = %s AND e.page_ptr_id > %s))"
            key, key_params = (self.date, self.pk), [self.date, self.date, self.pk]
        siblings, siblings_params = self._siblings_sql(request)
        siblings = "SELECT e.page_ptr_id, p.title, p.url_path, p.live, e.date" + siblings
        # Each side is a subquery so that it may have its own ORDER BY and LIMIT.
        sql = (
            f"SELECT * FROM ({siblings} AND {older} ORDER BY e.date DESC, e.page_ptr_id DESC"
            " LIMIT 1) older"
            f" UNION ALL SELECT * FROM ({siblings} AND {newer} ORDER BY e.date, e.page_ptr_id"
            " LIMIT 1) newer"
        )
        params = [*siblings_params, *key_params, *siblings_params, *key_params]
        previous_essay = next_essay = None
        for essay in EssayPage.objects.raw(sql, params):
            if (essay.date, essay.pk) < key:
                previous_essay = essay
            else:
                next_essay = essay
        return previous_essay, next_essay

    def related_essays(self, topic_ids, request=None, count=3):
        """Up to `count` other essays a reader may see, sharing the most of `topic_ids`
        (this essay's topics) with it, newest first among equals; loaded as cards.

        The ranking is one query in SQL for the reason given in `neighbours`: the ORM
        took about 1.5 ms to build it, joins and grouping included."""
        if not topic_ids:
            return []
        topics = EssayPage.topics.through
        siblings, params = self._siblings_sql(
            request,
            join=f" JOIN {topics._meta.db_table} t ON t.essaypage_id = e.page_ptr_id",
        )
        sql = (
            f"SELECT e.page_ptr_id{siblings}"
            f" AND t.topic_id IN ({', '.join(['%s'] * len(topic_ids))})"
        )
        params += topic_ids
        if self.pk is not None:
            sql += " AND e.page_ptr_id <> %s"
            params.append(self.pk)
        sql += (
            " GROUP BY e.page_ptr_id, e.date"
            " ORDER BY COUNT(*) DESC, e.date DESC, e.page_ptr_id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, count])
            ranked = [pk for (pk,) in cursor.fetchall()]
        if not ranked:
            return []
        cards = EssayPage.objects.for_listing().in_bulk(ranked)
        return [cards[pk] for pk in ranked]

    def _siblings_sql(self, request=None, join=""):
        """The FROM and WHERE of a query for the essays a reader may see under this
        essay's parent (live, outside every private section), as
        `visible(EssayPage.objects.sibling_of(self))` finds them, and its parameters.
        The essay rows are `e`, their page rows `p`; `join` adds tables before WHERE."""
        private = restricted_paths(request)
        # Tree paths hold only digits and capital letters, so they need no LIKE escaping.
        sql = (
            f" FROM {EssayPage._meta.db_table} e"
            f" JOIN {Page._meta.db_table} p ON p.id = e.page_ptr_id{join}"
            " WHERE p.path LIKE %s AND p.depth = %s AND p.live"
            + " AND p.path NOT LIKE %s"
            * len(private)
        )
        params = [
            EssayPage._get_parent_path_from_path(self.path) + "%",
            self.depth,
            *(path + "%" for path in private),
        ]
        return sql, params


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


class WordPressImport(models.Model):
    """What `import_wordpress` made from each WordPress item, keyed by the WordPress
    post id, so a re-run updates it instead of adding another (blog/wordpress/)."""

    wp_id = models.PositiveBigIntegerField("WordPress post id", unique=True)
    kind = models.CharField(max_length=20)  # post, page or attachment
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # A digest of what was imported last time: the same content again changes nothing.
    digest = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "WordPress import record"

    def __str__(self):
        return f"WordPress {self.kind} {self.wp_id}"
