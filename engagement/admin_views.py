"""Admin views for review dates: the "Review due" report and "Mark as reviewed"."""

import django_filters
from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .review import ReviewedPage, mark_reviewed, review_items

page_policy = PagePermissionPolicy()

# Who may see the report and the dashboard panel: anyone who can edit pages.
EDITING_ACTIONS = ["add", "change", "publish"]


def can_see_reviews(user):
    return page_policy.user_has_any_permission(user, EDITING_ACTIONS)


def editable_pages(user):
    """The pages `user` may edit, as a queryset to filter the review list with."""
    return page_policy.instances_user_has_permission_for(user, "change")


class ReviewDueFilterSet(WagtailFilterSet):
    """Filters that work on the report's list of rows (it is not a queryset)."""

    kind = django_filters.ChoiceFilter(
        label="Type",
        empty_label="Method guides and principles",
        choices=[("methodpage", "Method guides"), ("principlepage", "Principles")],
        method="filter_kind",
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        empty_label="Due, overdue and due soon",
        choices=[("due", "Due or overdue"), ("soon", "Due soon (within 30 days)")],
        method="filter_status",
    )

    class Meta:
        model = Page
        fields = []

    def filter_queryset(self, items):
        # django-filters insists on querysets; these rows are a list.
        for name, value in self.form.cleaned_data.items():
            if value not in (None, ""):
                items = getattr(self, self.filters[name].method)(items, name, value)
        return items

    def filter_kind(self, items, name, value):
        return [item for item in items if item.kind == value]

    def filter_status(self, items, name, value):
        if value == "due":
            return [item for item in items if item.status.is_due]
        return [item for item in items if not item.status.is_due]


class ReviewDueReportView(ReportView):
    page_title = "Review due"
    header_icon = "calendar-check"
    template_name = "engagement/admin/review_due.html"
    results_template_name = "engagement/admin/review_due_results.html"
    index_url_name = "engagement_review_due"
    index_results_url_name = "engagement_review_due_results"
    filterset_class = ReviewDueFilterSet
    paginate_by = 50
    permission_policy = page_policy
    any_permission_required = EDITING_ACTIONS
    export_filename = "review-due"
    list_export = [
        "title",
        "page_type",
        "last_reviewed_display",
        "reviewed_by",
        "due",
        "status_label",
    ]
    export_headings = {
        "title": "Title",
        "page_type": "Type",
        "last_reviewed_display": "Last reviewed",
        "reviewed_by": "Reviewed by",
        "due": "Due",
        "status_label": "Status",
    }

    def get_queryset(self):
        # A list, not a queryset: each row's due date depends on its own interval
        # (engagement/review.py). Two queries, however many rows.
        return review_items(pages=editable_pages(self.request.user))

    def get_filename(self):
        return f"{self.export_filename}-{self.today.isoformat()}"

    @cached_property
    def today(self):
        from .review import today

        return today()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # "Mark as reviewed" comes back to the report as filtered, also when the
        # results were refreshed as a fragment.
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        context["report_url"] = self.index_url + (f"?{query.urlencode()}" if query else "")
        context["media"] += forms.Media(css={"all": ["engagement/admin/review-report.css"]})
        return context


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
def mark_reviewed_view(request, page_id):
    """Record that the user reviewed the page today. POST only (CSRF-protected by
    Django's middleware); refused with 403 unless the user may edit the page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ReviewedPage):
        raise Http404("Only method guides and principles have review dates.")
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
        return HttpResponseForbidden("You cannot edit this page, so you cannot mark it reviewed.")
    fallback = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if permissions.page_locked():
        messages.error(request, f"“{page.get_admin_display_title()}” is locked by someone else.")
        return redirect(_safe_next(request, fallback))
    mark_reviewed(page, request.user)
    messages.success(
        request,
        f"“{page.get_admin_display_title()}” marked as reviewed today.",
    )
    return redirect(_safe_next(request, fallback))
