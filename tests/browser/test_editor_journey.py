"""Issue 9's "done when", in a real browser: an editor who is not a superuser writes a
method guide in the admin, links to it from an essay's text (and nowhere else) and
submits both; a moderator approves both; a reader then finds the method under the
essay's "Methods discussed", and the essay under the method's "Essays that discuss this
method". Screenshots of the key steps go to var/screenshots/editor-journey/."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from blog.models import EssayPage
from engagement.models import MethodIndexPage, MethodPage

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "editor-journey"

EDITOR = ("journey-editor", "editor-pass-4821")
MODERATOR = ("journey-moderator", "moderator-pass-7305")
METHOD_TITLE = "Neighbourhood listening walk"
METHOD_SUMMARY = "Residents lead officers around their streets and say what they would change."
# An essay no other browser test relies on; its first paragraph starts with these words.
ESSAY_SLUG = "on-moving-fast-and-fixing-things"
LINKED_WORDS = "Commissioning and innovation"
WORKFLOW_ACTION = "Submit to Moderators approval"


def team_member(username, password, group_name):
    """A non-superuser in one of the groups the data migration sets up."""
    group = Group.objects.filter(name=group_name).first()
    assert group is not None, (
        f"The {group_name} group is missing from the browser tests' database: "
        "site_project/core/migrations/0002_editorial_team.py should have created it."
    )
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={"is_superuser": False, "is_staff": False, "email": f"{username}@example.org"},
    )
    user.set_password(password)
    user.save()
    user.groups.set([group])
    return user


def shot(page, name):
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=False)


def sign_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page, f"{username} could not sign in").to_have_url(re.compile(r"/admin/$"))


def sign_out(page):
    page.get_by_role("button", name=re.compile(EDITOR[0])).click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def submit_for_moderation(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=WORKFLOW_ACTION).click()


def expect_message(page, text):
    errors = page.locator(".error-message, .w-field__errors:not(:empty), .help-critical")
    if "validation errors" in (page.locator(".messages").text_content() or ""):
        shot(page, "zz-errors")
        (SCREENSHOTS / "zz-errors.html").write_text(page.content())
        pytest.fail(f"errors: {errors.all_inner_texts()}")
    expect(page.locator(".messages"), f"no message saying {text!r}").to_contain_text(text)


def add_block(page, section, label):
    """Open the block picker at the end of a StreamField and choose a block."""
    section.get_by_role("button", name="Insert a block").last.click()
    picker = page.locator(".w-combobox")
    expect(picker).to_be_visible()
    picker.get_by_role("option", name=re.compile(f"^{label}")).click()


def test_editor_writes_a_method_links_it_and_a_moderator_publishes(
    page_at, demo_server, django_db_blocker
):
    with django_db_blocker.unblock():
        team_member(*EDITOR, "Editors")
        team_member(*MODERATOR, "Moderators")
        finder = MethodIndexPage.objects.get()
        essay = EssayPage.objects.live().get(slug=ESSAY_SLUG)
        assert not MethodPage.objects.filter(title=METHOD_TITLE).exists()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # --- The editor writes a method guide --------------------------------------------
    page = page_at(DESKTOP)
    sign_in(page, *EDITOR)
    page.goto(f"/admin/pages/{finder.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    # The finder takes only method guides, so Wagtail may skip the page-type choice.
    if "/add/engagement/methodpage/" not in page.url:
        page.get_by_role("link", name="Method guide").click()
    expect(page.get_by_role("heading", name="New: Method guide")).to_be_visible()

    page.get_by_label(re.compile(r"^Title")).first.fill(METHOD_TITLE)
    page.get_by_label(re.compile(r"^Summary")).fill(METHOD_SUMMARY)
    page.get_by_label("Lowest level").select_option(label="Consult")
    page.get_by_label("Highest level").select_option(label="Involve")

    body = page.locator("#panel-child-content-body-section")
    add_block(page, body, "Heading")
    heading_text = body.get_by_label(re.compile(r"^Text"))
    heading_text.fill("How a walk works")
    add_block(page, body, "Paragraph")
    paragraph = body.get_by_role("textbox").last
    paragraph.click()
    page.keyboard.type("Walk a route residents choose, listen, and write down what they point at.")
    shot(page, "01-method-content")

    page.get_by_role("tab", name="Taxonomy & links").click()
    page.get_by_label("Gather views", exact=True).check()
    page.get_by_label("Place", exact=True).check()
    shot(page, "02-method-taxonomy")

    submit_for_moderation(page)
    expect_message(page, METHOD_TITLE)
    shot(page, "03-method-submitted")
    with django_db_blocker.unblock():
        method = MethodPage.objects.get(title=METHOD_TITLE)
        assert not method.live
        assert method.workflow_in_progress, "the method guide was not submitted for moderation"

    # --- The editor links to it from an essay's text ---------------------------------
    page.goto(f"/admin/pages/{essay.pk}/edit/")
    body = page.locator("#panel-child-content-body-section")
    first_paragraph = body.locator("[role='textbox'][contenteditable='true']").first
    expect(first_paragraph).to_contain_text(LINKED_WORDS)
    first_paragraph.click()
    page.keyboard.press("Control+Home")
    for _ in LINKED_WORDS.split():
        page.keyboard.press("Control+Shift+ArrowRight")
    page.get_by_role("button", name=re.compile(r"^Link")).click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("textbox", name=re.compile("Search")).fill(METHOD_TITLE)
    chooser.get_by_role("link", name=METHOD_TITLE).click()
    expect(chooser).to_be_hidden()
    expect(first_paragraph.locator("a", has_text=LINKED_WORDS)).to_be_visible()
    shot(page, "04-essay-linked")

    page.get_by_role("tab", name="Taxonomy & links").click()
    methods_panel = page.locator("#panel-child-taxonomy_links-methods_discussed-section")
    expect(methods_panel).to_be_visible()
    expect(methods_panel).not_to_contain_text(METHOD_TITLE)
    shot(page, "05-essay-taxonomy")

    submit_for_moderation(page)
    expect_message(page, essay.title)
    with django_db_blocker.unblock():
        essay.refresh_from_db()
        assert essay.workflow_in_progress, "the essay was not submitted for moderation"
        assert not essay.method_links.filter(method=method).exists()
    sign_out(page)

    # --- A moderator approves both ---------------------------------------------------
    sign_in(page, *MODERATOR)
    review = page.get_by_role("region", name="Awaiting your review")
    expect(review).to_contain_text(METHOD_TITLE)
    expect(review).to_contain_text(essay.title)
    shot(page, "06-awaiting-review")
    for title in (METHOD_TITLE, essay.title):
        row = review.get_by_role("row").filter(has_text=title)
        row.get_by_role("button", name="Actions").click()
        row.get_by_role("button", name="Approve", exact=True).click()
        # The dashboard reloads without the page's row (and without a message).
        expect(page).to_have_url(re.compile(r"/admin/$"))
        expect(review.get_by_role("row").filter(has_text=title)).to_have_count(0)
    with django_db_blocker.unblock():
        method.refresh_from_db()
        essay.refresh_from_db()
        assert method.live, "approving did not publish the method guide"
        assert not essay.has_unpublished_changes, "approving did not publish the essay"

    # --- A reader sees the two pages linked both ways --------------------------------
    reader = page_at(DESKTOP)
    reader.goto(essay.url)
    discussed = reader.locator("section[aria-labelledby='methods-discussed']")
    expect(discussed).to_be_visible()
    discussed.get_by_role("link", name=METHOD_TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(METHOD_TITLE)
    essays = reader.locator("section[aria-labelledby='essays-heading']")
    expect(essays.get_by_role("heading", name="Essays that discuss this method")).to_be_visible()
    expect(essays.get_by_role("link", name=essay.title)).to_be_visible()
    shot(reader, "07-public-method")
