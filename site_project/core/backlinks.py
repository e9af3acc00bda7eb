"""Which live pages point at a given page, either through an explicit relation
(e.g. an essay's "methods discussed") or through a plain link Wagtail recorded in
its reference index (rich text, page choosers in StreamField)."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from .visibility import visible


def live_pages_referring_to(target, source_model, relation, request=None):
    """Live, public `source_model` pages that refer to `target` (unordered).

    `source_model` is an "app_label.ModelName" string so apps stay decoupled;
    `relation` is the reverse accessor on `target` whose rows carry a `page_id`.
    Runs a fixed number of queries whatever the number of referring pages; each page
    appears once, as the two routes are subqueries on its primary key, not joins.
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
    return visible(model.objects.all(), request).filter(
        Q(pk__in=linked_ids) | Q(pk__in=referenced_ids)
    )
