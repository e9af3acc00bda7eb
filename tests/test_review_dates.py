"""Review dates that work (issue 9, point 7).

Due dates from the site default or a page's own interval; the "Review due" report
lists overdue guides oldest first and stops listing one once it is marked reviewed;
"Mark as reviewed" is a POST that records who and when in the page history, refused
to anyone who cannot edit the page; the dashboard panel counts what is due; readers
see "Last reviewed" and, when overdue, a gentle note; a reminder e-mail for cron."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry, Site

from engagement.models import MethodPage, PrinciplePage
from engagement.review import add_months, review_items, today
from site_project.core.models import SiteSettings
from tests import builders
from tests.shared import afresh, built_once

REPORT = "/admin/reports/review-due/"
pytestmark = pytest.mark.django_db


def ago(months=0, days=0):
    return add_months(today(), -months) - datetime.timedelta(days=days)


def mark_url(page):
    return reverse("engagement_mark_reviewed", args=[page.pk])


def in_group(django_user_model, group, username, **names):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", **names)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return in_group(django_user_model, "Editors", "edith", first_name="Edith", last_name="Reviewer")


@pytest.fixture
def moderator(django_user_model):
    return in_group(django_user_model, "Moderators", "mo")


@pytest.fixture
def outsider(django_user_model):
    """Can reach the admin, but edit no pages."""
    user = django_user_model.objects.create_user("olly", "olly@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _build_guides():
    """Guides reviewed at different times, a never-reviewed one and a draft."""
    sections = builders.site_sections()
    finder, principles = sections["finder"], sections["principles"]
    return {
        "fresh": builders.method(finder, "Fresh method", last_reviewed=ago(months=2)),
        "old": builders.method(finder, "Old method", last_reviewed=ago(months=14)),
        "older": builders.method(finder, "Older method", last_reviewed=ago(months=30)),
        "never": builders.method(finder, "Never method"),
        "soon": builders.method(finder, "Soon method", last_reviewed=ago(months=12, days=-10)),
        "draft": builders.method(finder, "Draft method", live=False, last_reviewed=ago(months=40)),
        "principle": builders.principle(
            principles, "Stale principle", last_reviewed=ago(months=13)
        ),
    }


guides_built_once = built_once("guides", _build_guides)


@pytest.fixture
def guides(guides_built_once, db):
    """The guides of `_build_guides`, built once for this module (tests/shared.py)."""
    return afresh(guides_built_once)


def report_titles(client):
    response = client.get(REPORT)
    assert response.status_code == 200
    return [item.title for item in response.context["object_list"]]


# --- Due dates ------------------------------------------------------------------------


def test_site_setting_defaults_to_twelve_months_and_changes_what_is_due(guides):
    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings_.review_interval_months == 12
    due = {item.title for item in review_items(include_due_soon=False)}
    assert due == {"Old method", "Older method", "Never method", "Stale principle"}

    settings_.review_interval_months = 24
    settings_.save()
    due = {item.title for item in review_items(include_due_soon=False)}
    assert due == {"Older method", "Never method"}

    page = MethodPage.objects.get(pk=guides["fresh"].pk)
    page.review_interval_months = 1
    page.save()
    assert "Fresh method" in {item.title for item in review_items(include_due_soon=False)}


# --- The report -----------------------------------------------------------------------


def test_report_lists_due_guides_oldest_first_and_mark_reviewed_removes_one(client, editor, guides):
    client.force_login(editor)
    titles = report_titles(client)
    # Never reviewed first, then by due date; drafts and up-to-date guides left out.
    assert titles == [
        "Never method",
        "Older method",
        "Old method",
        "Stale principle",
        "Soon method",
    ]
    response = client.get(REPORT)
    html = response.content.decode()
    assert "never" in html and "Overdue by 2 months" in html and "Due soon (in 10 days)" in html
    assert reverse("wagtailadmin_pages:edit", args=[guides["old"].pk]) in html
    assert mark_url(guides["old"]) in html
    assert "Drafts that have never been published are left out" in html

    # The done-when line: an overdue guide stops showing after "mark as reviewed".
    response = client.post(mark_url(guides["old"]), {"next": REPORT})
    assert response.status_code == 302 and response["Location"] == REPORT
    assert "Old method" not in report_titles(client)
    assert "Older method" in report_titles(client)


def test_report_shows_who_last_reviewed_and_filters_by_type(client, editor, moderator, guides):
    client.force_login(moderator)
    client.post(mark_url(guides["old"]))
    page = MethodPage.objects.get(pk=guides["old"].pk)
    page.review_interval_months = 1
    page.last_reviewed = ago(months=3)
    page.save()  # still reviewed by the moderator, now overdue again

    client.force_login(editor)
    response = client.get(REPORT)
    assert ">mo<" in response.content.decode().replace("\n", "").replace(" ", "")
    assert report_titles(client)[-1] == "Soon method"

    principles = client.get(REPORT, {"kind": "principlepage"}).context["object_list"]
    assert [item.title for item in principles] == ["Stale principle"]
    soon = client.get(REPORT, {"status": "soon"}).context["object_list"]
    assert [item.title for item in soon] == ["Soon method"]
    fragment = client.get(REPORT + "results/", {"kind": "methodpage"})
    assert fragment.status_code == 200 and "Stale principle" not in fragment.content.decode()


def test_report_filters_to_guides_due_or_overdue(client, editor, guides):
    client.force_login(editor)
    due = client.get(REPORT, {"status": "due"}).context["object_list"]
    assert [item.title for item in due] == [
        "Never method",
        "Older method",
        "Old method",
        "Stale principle",
    ]


def test_mark_reviewed_from_a_filtered_report_comes_back_to_it(client, editor, guides):
    client.force_login(editor)
    for url in (REPORT, REPORT + "results/"):
        html = client.get(url, {"kind": "methodpage", "_w_filter_fragment": "1"}).content.decode()
        nexts = set(re.findall(r'<input type="hidden" name="next" value="([^"]*)"', html))
        assert nexts == {REPORT + "?kind=methodpage"}, url
    html = client.get(REPORT).content.decode()
    assert set(re.findall(r'name="next" value="([^"]*)"', html)) == {REPORT}


def test_report_csv_is_named_for_the_day(client, editor, guides):
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response["Content-Disposition"] == (
        f'attachment; filename="review-due-{today().isoformat()}.csv"'
    )


def test_report_exports_csv(client, editor, guides):
    MethodPage.objects.filter(pk=guides["older"].pk).update(last_reviewed_by=editor)
    client.force_login(editor)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    soon = today() + datetime.timedelta(days=10)
    assert text.splitlines() == [
        "Title,Type,Last reviewed,Reviewed by,Due,Status",
        f"Never method,Method guide,never,,{today()},Never reviewed",
        f"Older method,Method guide,{ago(30)},Edith Reviewer,{ago(18)},Overdue by 18 months",
        f"Old method,Method guide,{ago(14)},,{ago(2)},Overdue by 2 months",
        f"Stale principle,Principle,{ago(13)},,{ago(1)},Overdue by 1 month",
        f"Soon method,Method guide,{ago(12, days=-10)},,{soon},Due soon (in 10 days)",
    ]
    assert client.get(REPORT, {"export": "xlsx"}).status_code == 200


def test_report_is_in_the_reports_menu_for_editors_only(client, editor, outsider, guides):
    client.force_login(editor)
    assert REPORT in client.get("/admin/").content.decode()
    client.force_login(outsider)
    assert client.get(REPORT).status_code in (302, 403)
    assert REPORT not in client.get("/admin/").content.decode()


# --- Mark as reviewed -----------------------------------------------------------------


def test_mark_reviewed_records_who_when_and_history(client, editor, guides):
    page = guides["old"]
    client.force_login(editor)
    response = client.post(mark_url(page), {"next": "https://evil.example/"}, follow=True)
    assert response.redirect_chain[0][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "marked as reviewed today" in response.content.decode()

    page = MethodPage.objects.get(pk=page.pk)
    assert page.last_reviewed == today() and page.last_reviewed_by == editor
    assert page.live and not page.has_unpublished_changes
    entry = PageLogEntry.objects.filter(page=page, action="engagement.mark_reviewed").get()
    assert entry.user == editor and entry.data == {"last_reviewed": today().isoformat()}
    assert entry.message == "Marked as reviewed"
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Marked as reviewed" in history.content.decode()
    # The latest revision agrees, so the edit form and a later publish keep the date.
    revision = page.latest_revision.as_object()
    assert revision.last_reviewed == today() and revision.last_reviewed_by_id == editor.pk


@pytest.mark.parametrize(
    "secure, next_url, followed",
    [
        (False, f"http://testserver{REPORT}?kind=methodpage", True),
        (False, f"{REPORT}?kind=methodpage", True),
        (False, "https://evil.example/admin/", False),
        (False, "//evil.example/admin/", False),
        # From an https page, a plain http address (even this site's) is not followed.
        (True, f"http://testserver{REPORT}", False),
        (True, f"https://testserver{REPORT}", True),
    ],
)
def test_mark_reviewed_goes_back_only_to_an_address_on_this_site(
    client, editor, guides, secure, next_url, followed
):
    client.force_login(editor)
    response = client.post(mark_url(guides["old"]), {"next": next_url}, secure=secure)
    edit = reverse("wagtailadmin_pages:edit", args=[guides["old"].pk])
    assert response.status_code == 302
    assert response["Location"] == (next_url if followed else edit)


def test_the_report_brings_its_own_stylesheet_for_every_medium(client, editor, guides):
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    assert (
        '<link href="/static/engagement/admin/review-report.css" media="all" rel="stylesheet">'
        in html
    )


def test_mark_reviewed_keeps_a_pending_draft_a_draft(client, moderator, guides):
    page = MethodPage.objects.get(pk=guides["old"].pk)
    page.summary = "A draft summary."
    page.save_revision(user=moderator)
    client.force_login(moderator)
    client.post(mark_url(page))

    page = MethodPage.objects.get(pk=page.pk)
    assert page.summary != "A draft summary." and page.has_unpublished_changes
    assert page.last_reviewed == today()
    draft = page.get_latest_revision_as_object()
    assert draft.summary == "A draft summary." and draft.last_reviewed == today()
    page.get_latest_revision().publish()  # publishing the draft later keeps the review
    page = MethodPage.objects.get(pk=page.pk)
    assert page.summary == "A draft summary." and page.last_reviewed == today()
    assert page.last_reviewed_by == moderator


def test_mark_reviewed_reaches_a_scheduled_revision_too(moderator, guides):
    """A change scheduled to go live later, with a newer draft on top: when the scheduled
    change goes live it keeps the review date. (The admin's button refuses such a page
    for now: Wagtail locks a page while a change is scheduled.)"""
    from django.utils import timezone

    from engagement.review import mark_reviewed

    page = MethodPage.objects.get(pk=guides["old"].pk)
    page.summary = "Scheduled summary."
    go_live = timezone.now() + datetime.timedelta(days=1)
    scheduled = page.save_revision(user=moderator, approved_go_live_at=go_live)
    page.summary = "A later draft."
    page.save_revision(user=moderator)
    mark_reviewed(MethodPage.objects.get(pk=page.pk), moderator)

    scheduled.refresh_from_db()
    scheduled.publish()  # as `publish_scheduled` does when the day comes
    page = MethodPage.objects.get(pk=page.pk)
    assert page.summary == "Scheduled summary." and page.last_reviewed == today()
    assert page.last_reviewed_by == moderator


def test_mark_reviewed_refuses_get_and_users_who_cannot_edit(client, outsider, editor, guides):
    page = guides["old"]
    client.force_login(editor)
    assert client.get(mark_url(page)).status_code == 405
    client.force_login(outsider)
    assert client.post(mark_url(page)).status_code == 403
    assert MethodPage.objects.get(pk=page.pk).last_reviewed == ago(months=14)
    assert not PageLogEntry.objects.filter(action="engagement.mark_reviewed").exists()
    client.force_login(editor)
    assert client.post(mark_url(guides["fresh"].get_parent())).status_code == 404


def test_mark_reviewed_refuses_a_page_locked_by_someone_else(client, editor, moderator, guides):
    page = MethodPage.objects.get(pk=guides["old"].pk)
    page.locked, page.locked_by = True, moderator
    page.save()
    client.force_login(editor)
    response = client.post(mark_url(page) + f"?next={REPORT}", follow=True)
    assert response.redirect_chain[0][0] == REPORT
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["“Old method” is locked by someone else."]
    assert MethodPage.objects.get(pk=page.pk).last_reviewed == ago(months=14)


def test_mark_reviewed_needs_the_csrf_token(editor, guides):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(mark_url(guides["old"])).status_code == 403


def test_edit_view_offers_mark_as_reviewed(client, editor, guides):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[guides["principle"].pk])).content
    assert mark_url(guides["principle"]).encode() in html
    assert b"Mark as reviewed" in html
    html = client.get(reverse("wagtailadmin_pages:edit", args=[guides["old"].get_parent().pk]))
    assert b"Mark as reviewed" not in html.content


def test_setting_the_date_by_hand_records_the_editor(client, editor, guides):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = guides["principle"]
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "statement": page.statement,
            "body": streamfield([]),
            "last_reviewed": today().isoformat(),
            "review_interval_months": "",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    draft = PrinciplePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.last_reviewed == today() and draft.last_reviewed_by == editor


def test_the_reviewer_stays_until_the_date_changes_and_goes_with_it(
    client, editor, moderator, guides
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    page = guides["principle"]
    PrinciplePage.objects.filter(pk=page.pk).update(last_reviewed_by=moderator)
    client.force_login(editor)

    def save(last_reviewed, statement):
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "statement": statement,
                "body": streamfield([]),
                "last_reviewed": last_reviewed,
                "review_interval_months": "",
            }
        )
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 302, response.context["form"].errors
        return PrinciplePage.objects.get(pk=page.pk).get_latest_revision_as_object()

    # Editing something else keeps who reviewed it: the date did not change.
    draft = save(ago(months=13).isoformat(), "A reworded statement.")
    assert (draft.last_reviewed, draft.last_reviewed_by) == (ago(months=13), moderator)
    # Clearing the date clears the reviewer too: nobody reviewed it on no date.
    draft = save("", "A reworded statement.")
    assert (draft.last_reviewed, draft.last_reviewed_by) == (None, None)


# --- Dashboard ------------------------------------------------------------------------


def test_dashboard_panel_counts_due_guides(client, editor, guides):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "4 guides due for review" in html  # never, older, old, principle; not "soon"
    client.post(mark_url(guides["old"]))
    assert "3 guides due for review" in client.get("/admin/").content.decode()


def test_dashboard_and_report_count_only_the_guides_the_user_may_edit(
    client, django_user_model, guides
):
    """Someone who edits only the principles sees only the principle that is due."""
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Principle editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=guides["principle"].get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("pat", "pat@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    assert "1 guide due for review" in client.get("/admin/").content.decode()
    assert report_titles(client) == ["Stale principle"]


# --- Public pages ---------------------------------------------------------------------


def test_public_page_shows_last_reviewed_and_a_note_only_when_overdue(client, guides):
    fresh = client.get(guides["fresh"].url).content.decode()
    assert f'Last reviewed <time datetime="{ago(months=2).isoformat()}"' in fresh
    assert "Due for review" not in fresh

    old = client.get(guides["old"].url).content.decode()
    assert 'class="review-note"' in old and "Due for review." in old
    assert "some details may have changed since this guide was last checked" in old.lower()

    principle = client.get(guides["principle"].url).content.decode()
    assert "Last reviewed" in principle and "since this principle was last checked" in principle

    never = client.get(guides["never"].url).content.decode()
    assert "Last reviewed" not in never and "Due for review" not in never
    assert "style=" not in old


def test_public_pages_go_by_the_sites_interval_unless_the_page_has_its_own(client, guides):
    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.review_interval_months = 24
    settings_.save()
    fresh = MethodPage.objects.get(pk=guides["fresh"].pk)
    fresh.review_interval_months = 1
    builders.publish(fresh)
    # Reviewed 14 months ago, due after 24: not due. Reviewed 2 months ago, due after 1.
    assert "Due for review" not in client.get(guides["old"].url).content.decode()
    assert "Due for review." in client.get(fresh.url).content.decode()


def test_marking_reviewed_refreshes_the_cached_public_page(
    client, editor, guides, settings, django_capture_on_commit_callbacks
):
    from django.test import Client

    from site_project.core import pagecache

    settings.PAGE_CACHE = True
    pagecache.invalidate_all()
    url = guides["old"].url
    reader = Client()
    assert reader.get(url)["X-Cache"] == "miss"
    cached = reader.get(url)
    assert cached["X-Cache"] == "hit" and "Due for review." in cached.content.decode()

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(mark_url(guides["old"]))
    fresh = reader.get(url)
    assert fresh["X-Cache"] == "miss"
    html = fresh.content.decode()
    assert "Due for review." not in html and today().isoformat() in html


# --- Reminder e-mail ------------------------------------------------------------------


def test_email_review_reminders(moderator, editor, guides, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("email_review_reminders", "--dry-run", stdout=out)
    assert "mo@example.org" in out.getvalue() and "Older method" in out.getvalue()
    assert not mail.outbox

    call_command("email_review_reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mo@example.org"]
    assert message.subject == "4 guides due for review"
    assert "Never method" in message.body and "Soon method" not in message.body
    assert "/admin/reports/review-due/" in message.body
