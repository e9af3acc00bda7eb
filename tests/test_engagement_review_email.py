"""The review reminder e-mail (engagement/management/commands/email_review_reminders.py),
pinned whole: who it goes to, its subject and every line of its body, and what
`--dry-run` prints instead, so a cron job's output can be read and trusted."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandParser

from engagement.management.commands.email_review_reminders import Command
from engagement.models import MethodPage
from engagement.review import add_months, mark_reviewed, today
from tests import builders

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/review-due/"


def ago(months):
    return add_months(today(), -months)


def long_date(day):
    """A date as the e-mail writes it: "5 March 2025" (no leading zero)."""
    return f"{day.day} {day:%B} {day.year}"


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WAGTAILADMIN_BASE_URL = "https://library.example.org"


@pytest.fixture
def reviewer(django_user_model):
    return django_user_model.objects.create_user(
        "edith", "edith@example.org", "pw", first_name="Edith", last_name="Reviewer"
    )


@pytest.fixture
def due(sections, reviewer):
    """Three guides due (never reviewed; reviewed by someone; reviewed by no one known),
    and two that are not (fresh, and due only in ten days)."""
    finder, principles = sections["finder"], sections["principles"]
    builders.method(finder, "Never method")
    old = builders.method(finder, "Old method", last_reviewed=ago(14))
    MethodPage.objects.filter(pk=old.pk).update(last_reviewed_by=reviewer)
    builders.principle(principles, "Stale principle", last_reviewed=ago(13))
    builders.method(finder, "Fresh method", last_reviewed=ago(2))
    builders.method(finder, "Soon method", last_reviewed=ago(12) + datetime.timedelta(days=10))
    return {"old": old}


def moderator(django_user_model, username, email, active=True):
    user = django_user_model.objects.create_user(username, email, "pw", is_active=active)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderators(django_user_model):
    """Two moderators who get the e-mail (created out of alphabetical order), and three
    people who do not: a moderator who left, one with no address, and an editor."""
    moderator(django_user_model, "zoe", "zoe@example.org")
    moderator(django_user_model, "amir", "amir@example.org")
    moderator(django_user_model, "gone", "gone@example.org", active=False)
    moderator(django_user_model, "noaddress", "")
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))


def expected_body(base="https://library.example.org"):
    return "\n".join(
        [
            "3 method guides and principles are due for review:",
            "",
            "- Never method (method guide): never reviewed",
            "  last reviewed never",
            "- Old method (method guide): overdue by 2 months",
            f"  last reviewed {long_date(ago(14))} by Edith Reviewer",
            "- Stale principle (principle): overdue by 1 month",
            f"  last reviewed {long_date(ago(13))}",
            "",
            f"The full list, with a “Mark as reviewed” button for each: {base}{REPORT}",
        ]
    )


def test_the_reminder_lists_each_due_guide_with_its_status_and_last_review(due, moderators):
    call_command("email_review_reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amir@example.org", "zoe@example.org"]
    assert message.subject == "3 guides due for review"
    assert message.body == expected_body()


def test_dry_run_prints_recipients_subject_and_body_and_sends_nothing(due, moderators):
    out = io.StringIO()
    call_command("email_review_reminders", "--dry-run", stdout=out)
    assert out.getvalue() == (
        "To: amir@example.org, zoe@example.org\n"
        "Subject: 3 guides due for review\n\n" + expected_body() + "\n"
    )
    assert not mail.outbox


def test_dry_run_says_when_no_moderator_has_an_address(due, django_user_model):
    moderator(django_user_model, "gone", "gone@example.org", active=False)
    moderator(django_user_model, "noaddress", "")
    out = io.StringIO()
    call_command("email_review_reminders", "--dry-run", stdout=out)
    assert out.getvalue().splitlines()[0] == "To: (no moderators with e-mail)"
    call_command("email_review_reminders")
    assert not mail.outbox


def test_dry_run_says_when_nothing_is_due(sections, moderators):
    builders.method(sections["finder"], "Fresh method", last_reviewed=ago(1))
    out = io.StringIO()
    call_command("email_review_reminders", "--dry-run", stdout=out)
    assert out.getvalue() == "Nothing is due for review; no e-mail would be sent.\n"
    call_command("email_review_reminders")
    assert not mail.outbox


def test_one_guide_due_is_counted_in_the_singular(sections, moderators):
    builders.method(sections["finder"], "Never method")
    call_command("email_review_reminders")
    message = mail.outbox[0]
    assert message.subject == "1 guide due for review"
    assert message.body.splitlines()[0] == "1 method guide or principle is due for review:"


def test_two_guides_due_are_counted_in_the_plural(due, moderators, reviewer):
    mark_reviewed(MethodPage.objects.get(pk=due["old"].pk), reviewer)
    call_command("email_review_reminders")
    message = mail.outbox[0]
    assert message.subject == "2 guides due for review"
    assert message.body.splitlines()[0] == "2 method guides and principles are due for review:"


@pytest.mark.parametrize(
    "base_url, link",
    [
        ("https://library.example.org/", "https://library.example.org" + REPORT),
        (None, REPORT),  # not configured: the path alone, still usable once signed in
    ],
    ids=["trailing-slash", "not-set"],
)
def test_the_link_to_the_report_is_built_from_the_admin_base_url(
    due, moderators, settings, base_url, link
):
    if base_url is None:
        del settings.WAGTAILADMIN_BASE_URL
    else:
        settings.WAGTAILADMIN_BASE_URL = base_url
    call_command("email_review_reminders")
    last_line = mail.outbox[0].body.splitlines()[-1]
    assert last_line == f"The full list, with a “Mark as reviewed” button for each: {link}"


def test_help_explains_the_dry_run_option():
    parser = Command().create_parser("manage.py", "email_review_reminders")
    assert isinstance(parser, CommandParser)
    help_text = " ".join(parser.format_help().split())
    assert "--dry-run Print the message instead of sending it." in help_text
