"""Which live pages point at a given page, either through an explicit relation
(e.g. an essay's "methods discussed") or through a plain link Wagtail recorded in
its reference index (rich text, page choosers in StreamField)."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from .linked_pages import remember_pages
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

    See `lists_discussed` for several such lists at once."""
    return lists_discussed(source, [(pages, relation, target_field)], request, field)[0]


def lists_discussed(source, lists, request=None, field="body"):
    """`pages_discussed` for each (pages, relation, target_field) in `lists`, together.

    When `source` is served: one query for the inline rows of every relation and the
    links in `field` (from Wagtail's reference index), then one query per list that
    has candidates, by primary key. The pages found are remembered for the rest of
    the render (core/linked_pages.py), so pass querysets that load at least their
    listing cards. In a preview, `source` is what the editor has on screen and may
    never have been saved: its rows and links are read from it."""
    if source.pk is None or getattr(request, "is_preview", False):
        return [_discussed_in_preview(source, *each, request, field) for each in lists]
    rows = _discussed_rows(source, lists, field)
    linked = [target for kind, target, _, _ in rows if kind is None]
    results = []
    for number, (pages, _, _) in enumerate(lists):
        listed = {}  # target: (order, note) of its first row
        for _, target, order, note in sorted(
            (row for row in rows if row[0] == number), key=_row_order
        ):
            listed.setdefault(target, (order, note))
        candidates = {*listed, *linked}
        found = (
            list(visible(pages, request).filter(pk__in=candidates).order_by("title"))
            if candidates
            else []
        )
        for page in found:
            page.discussed_listed = page.pk in listed
            page.discussed_order, page.discussed_note = listed.get(page.pk, (None, ""))
        # Stable: pages with the same place keep the database's order by title.
        found.sort(key=lambda p: (not p.discussed_listed, _nulls_last(p.discussed_order)))
        remember_pages(found)
        results.append(found)
    return results


def _discussed_rows(source, lists, field):
    """(list number or None for a link in `field`, page id, sort order, note) for every
    inline row of the lists' relations and every page `field` links to: one query.

    Written in SQL: composed with the ORM (a union of three querysets with literal
    columns and a cast), this query took Django about 1 ms to build on every uncached
    essay, against 0.2 ms for this one."""
    parts, params = [], []
    for number, (_, relation, target_field) in enumerate(lists):
        reverse_relation = source._meta.get_field(relation)
        rows = reverse_relation.related_model._meta
        parts.append(
            f"SELECT {int(number)} AS kind, {rows.get_field(target_field).column} AS target,"
            f" sort_order, note FROM {rows.db_table}"
            f" WHERE {reverse_relation.field.column} = %s"
        )
        params.append(source.pk)
    parts.append(
        "SELECT -1, CAST(to_object_id AS integer), NULL, ''"
        f" FROM {ReferenceIndex._meta.db_table}"
        " WHERE content_type_id = %s AND object_id = %s AND to_content_type_id = %s"
        " AND model_path LIKE %s ESCAPE '\\'"
    )
    params += [
        ContentType.objects.get_for_model(source).pk,
        str(source.pk),
        ContentType.objects.get_for_model(Page).pk,
        connection.ops.prep_for_like_query(field) + "%",
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    return [(None if kind < 0 else kind, target, order, note) for kind, target, order, note in rows]


def _row_order(row):
    return _nulls_last(row[2])


def _nulls_last(order):
    return (order is None, order or 0)


def _discussed_in_preview(source, pages, relation, target_field, request, field):
    reverse_relation = source._meta.get_field(relation)
    target_id = reverse_relation.related_model._meta.get_field(target_field).attname
    rows = getattr(source, relation).all()
    order = {getattr(row, target_id): (n, row.note) for n, row in enumerate(rows)}
    references = source._meta.get_field(field).extract_references(getattr(source, field))
    linked = {
        int(object_id)
        for to_model, object_id, *_ in references
        if issubclass(to_model, Page) and str(object_id).isdigit()
    }
    found = list(visible(pages, request).filter(pk__in={*order, *linked}))
    for page in found:
        page.discussed_order, page.discussed_note = order.get(page.pk, (None, ""))
    return sorted(found, key=lambda p: (p.discussed_order is None, p.discussed_order or 0, p.title))
