"""The "Taxonomy" menu: topics, levels, purposes and method families, each list
searchable and showing how many essays, methods and principles use each term."""

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .models import EngagementLevel, MethodFamily, Purpose, Topic


def count_column(annotation, label):
    """A sortable list column showing a count the admin's queryset annotates."""

    def column(self, obj):
        return getattr(obj, annotation)

    column.short_description = label
    column.admin_order_field = annotation
    return column


class ParentTopicFilter(RelatedOnlyFieldListFilter):
    """Filter by broad topic. Django's default asks django.contrib.admin's site for the
    related model's ordering, and that app is not installed; topics order by name."""

    def field_admin_ordering(self, field, request, model_admin):
        return ("name",)


class TopicAdmin(ModelAdmin):
    model = Topic
    menu_icon = "tag"
    list_display = ("name", "parent", "essay_count", "method_count", "principle_count")
    list_filter = (("parent", ParentTopicFilter),)
    search_fields = ("name", "description")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    essay_count = count_column("essays_n", "Essays")
    method_count = count_column("methods_n", "Methods")
    principle_count = count_column("principles_n", "Principles")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(
                essays_n=Count("essays", distinct=True),
                methods_n=Count("methods", distinct=True),
                principles_n=Count("principles", distinct=True),
            )
        )


class EngagementLevelAdmin(ModelAdmin):
    model = EngagementLevel
    menu_label = "Engagement levels"
    menu_icon = "order"
    list_display = ("name", "rank", "on_spectrum", "expectation", "method_count")
    search_fields = ("name", "expectation")
    ordering = ("rank",)
    method_count = count_column("methods_n", "Methods")

    def get_queryset(self, request):
        # A method counts for every level its range spans: Consult–Involve counts for both.
        method_model = EngagementLevel._meta.get_field("methods_starting_here").related_model
        spanning = method_model.objects.filter(
            min_level__rank__lte=OuterRef("rank"), max_level__rank__gte=OuterRef("rank")
        ).order_by()
        return (
            super()
            .get_queryset(request)
            .annotate(
                methods_n=Coalesce(
                    Subquery(spanning.values(one=Value(1)).annotate(n=Count("pk")).values("n")),
                    0,
                )
            )
        )


class PurposeAdmin(ModelAdmin):
    model = Purpose
    menu_label = "Purposes"
    menu_icon = "crosshairs"
    list_display = ("name", "description", "method_count")
    search_fields = ("name", "description")
    ordering = ("sort_order", "name")
    prepopulated_fields = {"slug": ("name",)}
    method_count = count_column("methods_n", "Methods")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(methods_n=Count("methods", distinct=True))


class MethodFamilyAdmin(ModelAdmin):
    model = MethodFamily
    menu_label = "Method families"
    menu_icon = "group"
    list_display = ("name", "description", "method_count")
    search_fields = ("name", "description")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    method_count = count_column("methods_n", "Methods")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(methods_n=Count("methods", distinct=True))


@modeladmin_register
class TaxonomyGroup(ModelAdminGroup):
    menu_label = "Taxonomy"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (TopicAdmin, EngagementLevelAdmin, PurposeAdmin, MethodFamilyAdmin)
