"""Which live pages point at a given page, either through an explicit relation
(e.g. an essay's "methods discussed") or through a plain link Wagtail recorded in
its reference index (rich text, page choosers in StreamField)."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, PageViewRestriction, ReferenceIndex


def live_pages_referring_to(target, source_model, relation):
    """Live, public `source_model` pages that refer to `target` (unordered).

    `source_model` is an "app_label.ModelName" string so apps stay decoupled;
    `relation` is the reverse accessor on `target` whose rows carry a `page_id`.
    Runs a fixed number of queries whatever the number of referring pages.
    """
    model = apps.get_model(source_model)
    page_type = ContentType.objects.get_for_model(Page)
    source_type = ContentType.objects.get_for_model(model)
    linked_ids = getattr(target, relation).values("page_id")
    referenced_ids = (
        ReferenceIndex.objects.filter(
            to_content_type=page_type,
            to_object_id=str(target.pk),
            content_type=source_type,
        )
        .annotate(page_pk=Cast("object_id", IntegerField()))
        .values("page_pk")
    )
    return (
        model.objects.live()
        .public()
        .filter(Q(pk__in=linked_ids) | Q(pk__in=referenced_ids))
        .distinct()
    )


def visible_pages():
    """Primary keys of pages a reader may see: live and not behind a view restriction.
    Use it to filter a real queryset, e.g. `topics.filter(essays__in=visible_pages())`."""
    return Page.objects.live().public().values("pk")


def visible_links(links, target):
    """The links (inline child objects) whose `target` page a reader may see.

    Works on a page's child relations both when served (a real queryset) and in
    preview (modelcluster's in-memory objects, which cannot take a subquery): pages
    are checked in Python against the site's view restrictions, fetched in one query."""
    restricted = [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page").only("page__path")
    ]
    visible = []
    for link in links:
        page = getattr(link, target)
        if page.live and not any(page.path.startswith(path) for path in restricted):
            visible.append(link)
    return visible
