"""Which live pages point at a given page, either through an explicit relation
(e.g. an essay's "methods discussed") or through a plain link Wagtail recorded in
its reference index (rich text, page choosers in StreamField)."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
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
    if target.pk is None:
        # A page in preview that was never saved: nothing can refer to it yet.
        return model.objects.none()
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


def pages_discussed(source, pages, relation, target_field, request=None, field="body"):
    """Live, public pages from `pages` (a queryset) that `source` discusses, each once: those in
    its inline `relation` (rows whose `target_field` names the page, with a `note`) in
    their order, then those its `field` links to (rich-text links, page choosers such
    as method cards) by title. Each page carries `discussed_note` ("" if none).

    One query when `source` is served. In a preview, `source` is what the editor has
    on screen and may never have been saved: its rows and links are read from it."""
    reverse_relation = source._meta.get_field(relation)
    target_id = reverse_relation.related_model._meta.get_field(target_field).attname
    pages = visible(pages, request)
    if source.pk is None or getattr(request, "is_preview", False):
        rows = getattr(source, relation).all()
        order = {getattr(row, target_id): (n, row.note) for n, row in enumerate(rows)}
        references = source._meta.get_field(field).extract_references(getattr(source, field))
        linked = {
            int(object_id)
            for to_model, object_id, *_ in references
            if issubclass(to_model, Page) and str(object_id).isdigit()
        }
        found = list(pages.filter(pk__in={*order, *linked}))
        for page in found:
            page.discussed_order, page.discussed_note = order.get(page.pk, (None, ""))
        return sorted(
            found, key=lambda p: (p.discussed_order is None, p.discussed_order or 0, p.title)
        )
    own_rows = reverse_relation.related_model.objects.filter(
        **{reverse_relation.field.name: source.pk}
    )
    row_for_page = own_rows.filter(**{target_id: OuterRef("pk")})
    linked_ids = (
        ReferenceIndex.objects.filter(
            content_type=ContentType.objects.get_for_model(source),
            object_id=str(source.pk),
            to_content_type=ContentType.objects.get_for_model(Page),
            model_path__startswith=field,
        )
        .annotate(page_pk=Cast("to_object_id", IntegerField()))
        .values("page_pk")
    )
    return list(
        pages.filter(Q(pk__in=own_rows.values(target_id)) | Q(pk__in=linked_ids))
        .annotate(
            discussed_listed=Exists(row_for_page),
            discussed_order=Subquery(row_for_page.values("sort_order")[:1]),
            discussed_note=Coalesce(Subquery(row_for_page.values("note")[:1]), Value("")),
        )
        .order_by("-discussed_listed", F("discussed_order").asc(nulls_last=True), "title")
    )
