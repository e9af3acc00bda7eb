"""Issue 9's "done when", in a real browser: an editor who is not a superuser writes a
method guide in the admin, links to it from an essay's text (and nowhere else) and
submits both; a moderator approves both; a reader then finds the method under the
essay's "Methods discussed", and the essay under the method's "Essays that discuss this
method". Screenshots of the key steps go to var/screenshots/editor-journey/."""

import importlib
import re
import time
from pathlib import Path

import pytest
from django.apps import apps
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
METHOD_HEADING = "How a walk works"
METHOD_TEXT = "Walk a route residents choose, listen, and write down what they point at."
# An essay no other browser test relies on; its first paragraph starts with these words.
ESSAY_SLUG = "on-moving-fast-and-fixing-things"
LINKED_WORDS = "Commissioning and innovation"
WORKFLOW_ACTION = "Submit to Moderators approval"


def ensure_editorial_team():
    """The Editors and Moderators groups and the "Moderators approval" workflow come from a
    data migration, so the browser tests' database has them. Should something have
    emptied the tables since (a flushing test), set them up again the same way: the
    migration's function is idempotent."""
    if Group.objects.filter(name__in=["Editors", "Moderators"]).count() < 2:
        migration = importlib.import_module("site_project.core.migrations.0002_editorial_team")
        migration.set_team_permissions(apps, None)


def team_member(username, password, group_name):
    """A non-superuser in one of the groups the data migration sets up."""
    group = Group.objects.get(name=group_name)
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


def sign_out(page, username):
    page.get_by_role("button", name=username).click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


UNSAVED_EDITS = """() => document.querySelector("form[data-controller~='w-unsaved']")
    ?.getAttribute("data-w-unsaved-has-edits-value") === 'true'"""


class BackgroundRequests:
    """Watches the editor's background requests (autosave and what follows it, choosers).

    Wagtail 8 autosaves the editor about a second after each change, with fetch(). The
    first autosave of a new page creates it, and only when its answer is back does the
    form point at the edit view: "Submit" clicked before then posts to the create view
    again, which fails ("The slug '…' is already in use within the parent page") while
    the draft autosave made stays behind. An editor who pauses never sees this; the test
    pauses too. Before it submits, there are no edits autosave has still to save and no
    background request has run for a second."""

    def __init__(self, page):
        self.running = 0
        self.last_activity = time.monotonic()
        page.on("request", self.started)
        page.on("requestfinished", self.ended)
        page.on("requestfailed", self.ended)

    @staticmethod
    def watched(request):
        return request.resource_type in ("fetch", "xhr")

    def started(self, request):
        if self.watched(request):
            self.running += 1
            self.last_activity = time.monotonic()

    def ended(self, request):
        if self.watched(request):
            self.running -= 1
            self.last_activity = time.monotonic()

    def wait_until_quiet(self, page, quiet=1.0, timeout=30):
        deadline = time.monotonic() + timeout
        while (
            self.running
            or time.monotonic() - self.last_activity < quiet
            or page.evaluate(UNSAVED_EDITS)
        ):
            assert time.monotonic() < deadline, f"autosave had not finished after {timeout} s"
            page.wait_for_timeout(100)
        expect(page.locator("#w-autosave-indicator"), "autosave failed").not_to_have_attribute(
            "data-w-autosave-state-value", "paused"
        )


def submit_for_moderation(page, background):
    background.wait_until_quiet(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=WORKFLOW_ACTION).click()


# Each error with the path of its field, e.g. "body.1.value: This field is required."
FIELD_ERRORS = """errors => errors.map(error => {
    const path = [];
    for (let el = error.closest("[data-contentpath]"); el;
         el = el.parentElement?.closest("[data-contentpath]")) {
        path.unshift(el.dataset.contentpath);
    }
    return `${path.join(".")}: ${error.textContent.trim()}`;
})"""


def expect_message(page, text):
    """Wagtail's message after a save or submit; on validation errors, fail with them."""
    messages = page.locator(".messages")
    expect(messages.locator("li").first).to_be_visible()
    if "validation errors" in messages.inner_text():
        shot(page, "validation-errors")
        errors = page.locator(".error-message").evaluate_all(FIELD_ERRORS)
        pytest.fail(f"The form was refused: {errors}")
    expect(messages, f"no message naming {text!r}").to_contain_text(text)


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
        ensure_editorial_team()
        team_member(*EDITOR, "Editors")
        team_member(*MODERATOR, "Moderators")
        finder = MethodIndexPage.objects.get()
        essay = EssayPage.objects.live().get(slug=ESSAY_SLUG)
        assert not MethodPage.objects.filter(title=METHOD_TITLE).exists()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # --- The editor writes a method guide --------------------------------------------
    page = page_at(DESKTOP)
    background = BackgroundRequests(page)
    sign_in(page, *EDITOR)
    page.goto(f"/admin/pages/{finder.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    # The finder takes only method guides, so Wagtail may skip the page-type choice.
    if "/add/engagement/methodpage/" not in page.url:
        page.get_by_role("link", name="Method guide").click()
    expect(page.get_by_role("heading", name="New: Method guide")).to_be_visible()

    page.get_by_role("textbox", name=re.compile(r"^Title\*?$")).fill(METHOD_TITLE)
    page.get_by_label(re.compile(r"^Summary")).fill(METHOD_SUMMARY)

    body = page.locator("#panel-child-content-body-section")
    add_block(page, body, "Heading")
    heading_text = body.get_by_label(re.compile(r"^Text"))
    heading_text.fill(METHOD_HEADING)
    add_block(page, body, "Paragraph")
    paragraph = body.locator("[role='textbox'][contenteditable='true']")
    expect(paragraph, "the paragraph block's editor did not appear").to_have_count(1)
    paragraph.click()
    page.keyboard.type(METHOD_TEXT)
    expect(paragraph).to_have_text(METHOD_TEXT)
    expect(heading_text).to_have_value(METHOD_HEADING)
    shot(page, "01-method-content")

    # The finder's facets are together on their own tab, in the public panel's order.
    page.get_by_role("tab", name="At a glance").click()
    page.get_by_label("Lowest level").select_option(label="Consult")
    page.get_by_label("Highest level").select_option(label="Involve")
    page.get_by_label("Gather views", exact=True).check()
    page.get_by_label("Place", exact=True).check()
    shot(page, "02-method-taxonomy")

    submit_for_moderation(page, background)
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
    expect(page.locator(".modal")).to_have_count(0)
    expect(first_paragraph.locator("a", has_text=LINKED_WORDS)).to_be_visible()
    shot(page, "04-essay-linked")

    page.get_by_role("tab", name="Taxonomy & links").click()
    methods_panel = page.locator("#panel-child-taxonomy_links-methods_discussed-section")
    expect(methods_panel).to_be_visible()
    expect(methods_panel).not_to_contain_text(METHOD_TITLE)
    shot(page, "05-essay-taxonomy")

    submit_for_moderation(page, background)
    expect_message(page, essay.title)
    with django_db_blocker.unblock():
        essay.refresh_from_db()
        assert essay.workflow_in_progress, "the essay was not submitted for moderation"
        assert not essay.method_links.filter(method=method).exists()
    sign_out(page, EDITOR[0])

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
        expect(review.get_by_role("row").filter(has_text=title)).to_have_count(0)
    expect(review, "nothing should be left to review").to_have_count(0)
    with django_db_blocker.unblock():
        method.refresh_from_db()
        essay.refresh_from_db()
        assert method.live, "approving did not publish the method guide"
        assert not essay.has_unpublished_changes, "approving did not publish the essay"

    # --- A reader sees the two pages linked both ways --------------------------------
    reader = page_at(DESKTOP)
    reader.goto(essay.url)
    main = reader.locator("main")
    expect(main.get_by_role("link", name=LINKED_WORDS)).to_have_attribute(
        "href", re.compile(rf"/{method.slug}/$")
    )
    discussed = reader.locator("section[aria-labelledby='methods-discussed']")
    expect(discussed.get_by_role("heading", name="Methods discussed")).to_be_visible()
    listed = discussed.get_by_role("link", name=METHOD_TITLE)
    expect(listed, "the essay should list the method once").to_have_count(1)
    listed.scroll_into_view_if_needed()
    shot(reader, "07-public-essay")
    listed.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(METHOD_TITLE)
    essays = reader.locator("section[aria-labelledby='essays-heading']")
    expect(essays.get_by_role("heading", name="Essays that discuss this method")).to_be_visible()
    expect(essays.get_by_role("link", name=essay.title)).to_have_count(1)
    essays.scroll_into_view_if_needed()
    shot(reader, "08-public-method")
