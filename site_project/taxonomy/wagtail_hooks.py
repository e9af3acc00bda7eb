"""The "Taxonomy" menu: topics, levels, purposes and method families, each list
searchable and showing how many essays, methods and principles use each term."""

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .models import EngagementLevel, MethodFamily, Purpose, Topic


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

    def essay_count(self, obj):
        return obj.essays_n

    essay_count.short_description = "Essays"

    def method_count(self, obj):
        return obj.methods_n

    method_count.short_description = "Methods"

    def principle_count(self, obj):
        return obj.principles_n

    principle_count.short_description = "Principles"


class EngagementLevelAdmin(ModelAdmin):
    model = EngagementLevel
    menu_label = "Engagement levels"
    menu_icon = "order"
    list_display = ("name", "rank", "on_spectrum", "expectation", "method_count")
    search_fields = ("name", "expectation")
    ordering = ("rank",)

    def get_queryset(self, request):
        # A method counts for every level its range spans, e.g. Consult–Involve counts twice.
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

    def method_count(self, obj):
        return obj.methods_n

    method_count.short_description = "Methods"


class PurposeAdmin(ModelAdmin):
    model = Purpose
    menu_icon = "target"
    list_display = ("name", "description", "method_count")
    search_fields = ("name", "description")
    ordering = ("sort_order", "name")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(methods_n=Count("methods", distinct=True))

    def method_count(self, obj):
        return obj.methods_n

    method_count.short_description = "Methods"


class MethodFamilyAdmin(ModelAdmin):
    model = MethodFamily
    menu_icon = "group"
    list_display = ("name", "description", "method_count")
    search_fields = ("name", "description")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(methods_n=Count("methods", distinct=True))

    def method_count(self, obj):
        return obj.methods_n

    method_count.short_description = "Methods"


@modeladmin_register
class TaxonomyGroup(ModelAdminGroup):
    menu_label = "Taxonomy"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (TopicAdmin, EngagementLevelAdmin, PurposeAdmin, MethodFamilyAdmin)
