"""Review dates in the Wagtail admin: the "Review due" report (Reports menu), a
dashboard panel, "Mark as reviewed" in a page's header menu, and its history entry."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from .admin_views import (
    ReviewDueReportView,
    can_see_reviews,
    editable_pages,
    mark_reviewed_view,
)
from .review import MARK_REVIEWED_ACTION, ReviewedPage, due_count


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("reports/review-due/", ReviewDueReportView.as_view(), name="engagement_review_due"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="engagement_review_due_results",
        ),
        path(
            "reports/review-due/<int:page_id>/mark-reviewed/",
            mark_reviewed_view,
            name="engagement_mark_reviewed",
        ),
    ]


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reviews(request.user)


@hooks.register("register_reports_menu_item")
def review_due_menu_item():
    return ReviewDueMenuItem(
        "Review due",
        reverse("engagement_review_due"),
        name="review-due",
        icon_name="calendar-check",
        order=1150,
    )


class ReviewDuePanel(Component):
    """The number of guides due for review, linking to the report; nothing when none are."""

    name = "review_due"
    template_name = "engagement/admin/review_panel.html"
    order = 250

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"due_count": due_count(pages=editable_pages(request.user))}


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if can_see_reviews(request.user):
        panels.append(ReviewDuePanel())


@hooks.register("register_page_header_buttons")
def mark_reviewed_header_button(page, user, view_name, next_url=None):
    """In the ⋯ menu of a method guide's or principle's header (edit view included).
    Wagtail's `w-action` controller posts it with the CSRF token and the current
    address as `next`; it sits outside the edit form, so unsaved edits still get the
    browser's "leave this page?" warning rather than being sent along."""
    page = page.specific_deferred
    if not isinstance(page, ReviewedPage) or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        "Mark as reviewed",
        icon_name="check",
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": reverse("engagement_mark_reviewed", args=[page.pk]),
        },
        priority=66,
    )


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(MARK_REVIEWED_ACTION, "Mark as reviewed", "Marked as reviewed")


@hooks.register("before_bulk_action")
def refuse_to_bulk_publish_unfiled_guides(request, action_type, objects, action_class_instance):
    """The explorer's bulk "Publish" skips the edit form's check that a method guide has
    a purpose and a topic (engagement/forms.py): refuse the batch and name the guides."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .models import MethodPage

    if action_type != "publish":
        return None
    unfiled = []
    for page in objects:
        if page.specific_class is not MethodPage:
            continue
        draft = page.get_latest_revision_as_object()
        if not (draft.purposes.all() and draft.topics.all()):
            unfiled.append(draft.title)
    if not unfiled:
        return None
    messages.error(
        request,
        "Not published: choose at least one purpose and one topic for "
        + ", ".join(f"“{title}”" for title in unfiled)
        + " first (on the “At a glance” tab), so the finder can find them.",
    )
    return redirect("wagtailadmin_explore", objects[0].get_parent().id)
