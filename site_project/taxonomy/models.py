"""The controlled vocabulary shared by essays, method guides and principles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from site_project.core.forms import SiteModelForm


class Topic(index.Indexed, models.Model):
    """A subject area. At most two levels: a broad topic and its sub-topics."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in the topic's web address."
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences shown on the topic page."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Leave empty for a broad topic; choose one to make this a sub-topic.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("parent"),
    ]
    base_form_class = SiteModelForm
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        # Lists are alphabetical by the topic's own name, so the parent comes second.
        return f"{self.name} ({self.parent.name})" if self.parent_id else self.name

    def get_absolute_url(self):
        return reverse("topic_detail", args=[self.slug])

    def clean(self):
        super().clean()
        if not self.parent_id:
            return
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "A topic cannot be its own parent."})
        parent = Topic.objects.filter(pk=self.parent_id).only("parent_id").first()
        if parent is None:
            return
        if parent.parent_id == self.pk and self.pk is not None:
            raise ValidationError(
                {"parent": "That would make a loop: the parent is a sub-topic of this one."}
            )
        if parent.parent_id is not None:
            raise ValidationError(
                {"parent": "Topics go two levels deep at most: choose a broad topic as the parent."}
            )
        if self.pk and Topic.objects.filter(parent_id=self.pk).exists():
            raise ValidationError(
                {"parent": "This topic has sub-topics of its own, so it cannot become a sub-topic."}
            )

    def family_ids(self):
        """This topic and its sub-topics, for gathering content 'under' a topic."""
        return [self.pk, *Topic.objects.filter(parent_id=self.pk).values_list("pk", flat=True)]


def tagged_with(pages, topic_ids):
    """The pages of `pages` (essays, methods or principles) tagged with any of
    `topic_ids`, each once: a subquery on the primary key rather than a join, so there
    is no DISTINCT to slow the list and its count."""
    return pages.filter(pk__in=pages.model.objects.filter(topics__in=topic_ids).values("pk"))


def count_tagged(page_model, page_ids):
    """A Topic annotation: how many pages of `page_model` among `page_ids` (a subquery)
    carry the topic. Counted in the tag table for each topic, so several counts on one
    list stay one quick query (joins to several page types would multiply their rows)."""
    tags = page_model.topics.through.objects.filter(
        topic_id=OuterRef("pk"),
        **{f"{page_model.topics.field.m2m_field_name()}_id__in": page_ids},
    )
    return Coalesce(Subquery(tags.values("topic_id").annotate(n=Count("*")).values("n")), 0)


def topic_groups(topics):
    """Broad topics in the order given, each with its sub-topics: [(topic, [sub-topics])].
    Grouped in Python, so the whole vocabulary costs one query."""
    by_parent = {}
    for topic in topics:
        by_parent.setdefault(topic.parent_id, []).append(topic)
    return [(topic, by_parent.get(topic.pk, [])) for topic in by_parent.get(None, [])]


class EngagementLevel(models.Model):
    """A step on the participation spectrum: how much influence people are promised."""

    name = models.CharField(max_length=40, unique=True)
    slug = models.SlugField(max_length=40, unique=True)
    rank = models.PositiveSmallIntegerField(
        unique=True,
        help_text="Order on the spectrum: 1 is Inform, 5 is Empower; levels outside the "
        "spectrum, such as Community-led, come after (6).",
    )
    on_spectrum = models.BooleanField(
        default=True,
        help_text="Untick for approaches outside the ordered spectrum, such as community-led work.",
    )
    expectation = models.CharField(
        max_length=200, help_text="In our own words: what participants can expect at this level."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("rank"),
        FieldPanel("on_spectrum"),
        FieldPanel("expectation"),
    ]
    base_form_class = SiteModelForm

    class Meta:
        ordering = ["rank"]
        verbose_name = "engagement level"

    def __str__(self):
        return self.name


class Purpose(models.Model):
    """What an engagement is for, e.g. 'deliberate on trade-offs'."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        "position in lists", default=0, help_text="Lower numbers list first."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    base_form_class = SiteModelForm

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class MethodFamily(models.Model):
    """A broad family of methods, e.g. 'deliberative mini-publics'."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    base_form_class = SiteModelForm

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "method families"

    def __str__(self):
        return self.name
