"""Sign-in lockouts in the admin (Settings → Sign-in lockouts): who or what is being
refused, from where, and a way to lift a lockout early by deleting its record.

The records are django-axes' failed-attempt counters (site_project/core/throttling.py);
they are written only by failed sign-ins, so they can be listed and deleted here but
never added or edited."""

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import path
from django.utils import timezone
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Delete (lift) only; superusers, or users given "Can delete access attempt"."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


def is_locked_out(attempt):
    still_counting = attempt.attempt_time > timezone.now() - settings.AXES_COOLOFF_TIME
    return still_counting and attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    name = "lockouts"
    icon = "lock"
    menu_label = "Sign-in lockouts"
    add_to_settings_menu = True
    copy_view_enabled = False
    ordering = ["-attempt_time"]
    list_filter = ["username", "ip_address"]
    search_fields = ["username", "ip_address"]
    list_display = [
        # First as a plain name: Wagtail puts the row's "Delete" action beside it.
        "username",
        Column("ip_address", label="Address"),
        Column("failures_since_start", label="Failed attempts"),
        DateColumn("attempt_time", label="Last attempt"),
        BooleanColumn("locked", label="Refused now", accessor=is_locked_out),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=self.menu_label, **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        # A failed-attempt record is used by nothing: no "usage" page to link to.
        return super().get_delete_view_kwargs(usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        # Listing and deleting only: a record is never added or edited by hand.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]
