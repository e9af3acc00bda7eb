"""Review dates worked out on their own and on guides built for one test each: due
dates from the site default or a page's own interval, whole months overdue, guides due
the same day, the report's queries as rows grow, the dashboard panel and the reminder
e-mail when nothing is due, and the guide forms' reviewer fields. The tests that share
guides built once are in tests/test_review_dates.py."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement.models import MethodPage, PrinciplePage
from engagement.review import ReviewStatus, add_months, review_items
from tests import builders
from tests.test_review_dates import REPORT, ago, in_group


@pytest.mark.django_db  # an unsaved page still looks up its content type
def test_due_from_site_default_and_page_override():
    on = datetime.date(2026, 3, 31)
    page = MethodPage(last_reviewed=datetime.date(2025, 3, 31))
    status = ReviewStatus.of(page, site_interval=12, on=on)
    assert status.due == datetime.date(2026, 3, 31) and status.is_due and status.is_overdue
    assert status.label == "Due now"

    assert not ReviewStatus.of(page, site_interval=24, on=on).is_due
    page.review_interval_months = 6  # the page's own interval wins over the site's
    status = ReviewStatus.of(page, site_interval=24, on=on)
    assert status.due == datetime.date(2025, 9, 30)
    assert status.label == "Overdue by 6 months"

    page.review_interval_months = None
    page.last_reviewed = datetime.date(2025, 4, 20)
    status = ReviewStatus.of(page, site_interval=12, on=on)
    assert not status.is_due and status.is_due_soon and status.label == "Due soon (in 20 days)"

    never = ReviewStatus.of(PrinciplePage(), site_interval=12, on=on)
    assert never.is_due and not never.is_overdue and never.label == "Never reviewed"


@pytest.mark.parametrize(
    "on, label",
    [
        ("2025-12-01", "Up to date"),  # 31 days before it is due
        ("2025-12-02", "Due soon (in 30 days)"),
        ("2025-12-31", "Due soon (in 1 day)"),
        ("2026-01-01", "Due now"),
        ("2026-01-31", "Due now"),  # the day before a whole month has passed
        ("2026-02-01", "Overdue by 1 month"),
        ("2026-03-01", "Overdue by 2 months"),
    ],
)
def test_status_label_counts_days_until_due_and_whole_months_overdue(on, label):
    page = MethodPage(last_reviewed=datetime.date(2025, 1, 1))
    status = ReviewStatus.of(page, site_interval=12, on=datetime.date.fromisoformat(on))
    assert status.label == label


@pytest.mark.parametrize(
    "on, label",
    [
        ("2026-02-27", "Due now"),
        ("2026-02-28", "Overdue by 1 month"),  # February has no 31st: its last day counts
        ("2026-03-30", "Overdue by 1 month"),
        ("2026-03-31", "Overdue by 2 months"),
    ],
)
def test_months_overdue_from_the_end_of_a_month(on, label):
    page = MethodPage(last_reviewed=datetime.date(2025, 1, 31))
    status = ReviewStatus.of(page, site_interval=12, on=datetime.date.fromisoformat(on))
    assert status.label == label


def test_month_arithmetic_keeps_to_the_month():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 3, 15), -14) == datetime.date(2024, 1, 15)


def test_guides_due_the_same_day_are_listed_by_title(sections):
    finder = sections["finder"]
    for title in ("Zebra method", "Apple method", "Mango method"):
        builders.method(finder, title, last_reviewed=ago(months=13))
    builders.method(finder, "Yak method")  # never reviewed: first
    builders.method(finder, "Bee method")
    titles = [item.title for item in review_items()]
    assert titles == ["Bee method", "Yak method", "Apple method", "Mango method", "Zebra method"]


def test_report_queries_do_not_grow_with_rows(client, django_user_model, sections):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    reviewers = [
        django_user_model.objects.create_user(f"rev{n}", f"rev{n}@example.org", "pw")
        for n in range(3)
    ]
    client.force_login(admin)

    def report_queries(total):
        while MethodPage.objects.count() < total:
            n = MethodPage.objects.count()
            page = builders.method(sections["finder"], f"Due {n}", last_reviewed=ago(months=13 + n))
            MethodPage.objects.filter(pk=page.pk).update(last_reviewed_by=reviewers[n % 3])
        client.get(REPORT)  # warm per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(REPORT)
        assert len(response.context["object_list"]) == total
        return len(queries)

    with_two, with_twenty = report_queries(2), report_queries(20)
    assert with_two == with_twenty, (with_two, with_twenty)
    assert with_twenty <= 15


def test_dashboard_panel_hidden_when_nothing_is_due(client, django_user_model, sections):
    builders.method(sections["finder"], "Fresh", last_reviewed=ago(months=1))
    client.force_login(in_group(django_user_model, "Editors", "edith"))
    assert "due for review" not in client.get("/admin/").content.decode()


def test_email_review_reminders_silent_when_nothing_due(django_user_model, sections, settings):
    in_group(django_user_model, "Moderators", "mo")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    builders.method(sections["finder"], "Fresh", last_reviewed=ago(months=1))
    call_command("email_review_reminders")
    assert not mail.outbox


@pytest.mark.parametrize("model", ["MethodPage", "PrinciplePage"])
def test_both_guide_forms_record_the_reviewer_and_state_their_limits(model):
    """Each page type's admin form keeps both behaviours: a hand-set review date records
    who set it (ReviewedPageForm), and every limit is stated (SitePageForm)."""
    from django.apps import apps

    from engagement.review import ReviewedPageForm
    from site_project.core.forms import SitePageForm

    form_class = apps.get_model("engagement", model).get_edit_handler().get_form_class()
    assert issubclass(form_class, ReviewedPageForm)
    assert issubclass(form_class, SitePageForm)
