"""Chromium reports no Content-Security-Policy violation, and no Permissions-Policy
error, on any public page type at phone and desktop widths (an embedded video and the
home page spectrum included), in the admin as an editor uses it (the page explorer,
editing, the preview panel, block previews, the rich-text editor, the image chooser
and uploads), or for an editor on a public page with the userbar.

Violations are collected twice: from `securitypolicyviolation` events (an init script,
which runs in every frame before the page's own code and is not subject to the page's
policy) and from Chromium's console messages."""

import datetime
import re
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from blog.models import BlogIndexPage, EssayPage
from tests import builders

from .conftest import DESKTOP, PHONE
from .test_accessibility import load_all_images, page_types

pytestmark = pytest.mark.browser

EMBED_URL = "https://www.youtube.com/watch?v=csp-browser-test"
EDITOR = ("csp-editor", "csp-editor-password-1")
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI}`
        + ` (${event.sourceFile}:${event.lineNumber})`
    );
});
"""
REPORTED_IN_CONSOLE = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class Watch:
    """Everything one browser page reports about the policies, in every frame."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message):
        if any(words in message.text for words in REPORTED_IN_CONSOLE):
            self.console.append(f"{self.page.url}: {message.text}")

    def problems(self):
        found = list(self.console)
        for frame in self.page.frames:
            if frame.url.startswith(("http://127.0.0.1", "about:blank")):
                try:
                    found += frame.evaluate("window.__cspViolations || []")
                except Exception:  # a frame that went away meanwhile
                    continue
        return found


def fake_player(route):
    """The embedded player's frame, without going to the internet."""
    route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><p>Player</p>")


@pytest.fixture(scope="module")
def embed_essay_url(demo_server, django_db_blocker):
    """An essay with a YouTube video, for this module only (its oEmbed answer stored)."""
    with django_db_blocker.unblock():
        embed = Embed.objects.create(
            url=EMBED_URL,
            hash=get_embed_hash(EMBED_URL),
            type="video",
            html='<iframe title="A video" src="https://www.youtube.com/embed/csp-test"></iframe>',
            title="A video",
            width=640,
            height=360,
        )
        essay = builders.essay(
            BlogIndexPage.objects.get(),
            "An essay with a video",
            date=datetime.date(2001, 1, 1),
            body=[("embed", {"embed": EMBED_URL, "caption": "A video"})],
        )
        url = essay.url
    yield url
    with django_db_blocker.unblock():
        EssayPage.objects.get(pk=essay.pk).delete()
        embed.delete()


@pytest.fixture(scope="module")
def public_urls(demo_server, django_db_blocker, embed_essay_url):
    with django_db_blocker.unblock():
        urls = page_types()
    # Feeds and the sitemap are XML for machines: shown in Chromium, its own XML viewer
    # styles them inline, which the policy rightly blocks (tests/test_security_headers.py
    # checks their headers).
    return {**urls, "essay-with-video": embed_essay_url}


@pytest.fixture(scope="module")
def editor(demo_server, django_db_blocker):
    with django_db_blocker.unblock():
        user = get_user_model().objects.filter(username=EDITOR[0]).first()
        if user is None:
            get_user_model().objects.create_superuser(EDITOR[0], "csp@example.org", EDITOR[1])
    return EDITOR


def log_in(page, editor):
    page.goto("/admin/login/")
    page.fill("#id_username", editor[0])
    page.fill("#id_password", editor[1])
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def small_png():
    """A valid 8x8 PNG, to upload."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x1f\x5f\x5b" * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_public_page_type_breaks_the_policy(page_at, public_urls, viewport):
    page = page_at(viewport)
    page.route("https://www.youtube.com/**", fake_player)
    watch = Watch(page)
    for name, url in public_urls.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        assert response.headers.get("content-security-policy"), url
        assert not load_all_images(page), url
        if name == "essay-with-video":
            expect(page.frame_locator("iframe[title='A video']").locator("p")).to_have_text(
                "Player"
            )
        if name == "home":
            # The spectrum's bars are placed by CSS rules, not inline styles: one that
            # starts at Collaborate starts three fifths of the way along.
            track = page.locator(".spectrum__track[data-from='4']").first
            ratio = track.evaluate(
                "e => e.querySelector('.spectrum__bar').offsetLeft / e.offsetWidth"
            )
            assert ratio == pytest.approx(0.6, abs=0.01), url
    assert not watch.problems(), "\n".join(watch.problems())


def test_an_editor_on_public_pages_with_the_userbar(page_at, editor, public_urls):
    page = page_at(DESKTOP)
    log_in(page, editor)
    watch = Watch(page)
    for name in ("home", "essay", "spectrum", "method"):
        page.goto(public_urls[name])
        userbar = page.locator("wagtail-userbar")
        userbar.locator("button").first.click()
        expect(userbar.get_by_role("menuitem").first).to_be_visible()
    assert not watch.problems(), "\n".join(watch.problems())


def test_the_admin_works_within_its_policy(page_at, editor, django_db_blocker, tmp_path):
    with django_db_blocker.unblock():
        essay = EssayPage.objects.live().get(slug="on-engagement-methods")
    page = page_at(DESKTOP)
    watch = Watch(page)
    log_in(page, editor)

    page.goto("/admin/pages/")
    page.goto(f"/admin/pages/{essay.get_parent().pk}/")
    expect(page.get_by_role("link", name=essay.title).first).to_be_visible()

    # Editing, with the preview panel: the preview renders inside the admin's frame.
    page.goto(f"/admin/pages/{essay.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe.w-preview__iframe").first
    expect(preview.get_by_role("heading", level=1)).to_have_text(essay.title)

    # The rich-text editor.
    editor_box = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor_box.click()
    page.keyboard.press("End")
    page.keyboard.type(" A few more words.")
    expect(editor_box).to_contain_text("A few more words.")

    # The block picker, with a block's preview in its frame.
    page.locator("button[title='Insert a block']").first.click()
    heading = page.locator(".w-combobox__option-row", has_text="Heading").first
    heading.locator(".w-combobox__option-preview").click()
    block_preview = page.frame_locator("iframe[src*='/admin/block-preview/']")
    expect(block_preview.locator("main")).not_to_be_empty()
    page.keyboard.press("Escape")

    # The image chooser.
    page.locator("#id_hero_image-chooser .w-dropdown__toggle").click()
    page.get_by_role("button", name="Change image").first.click()
    expect(page.locator(".modal a[data-chooser-modal-choice]").first).to_be_visible()
    page.keyboard.press("Escape")

    # Uploading images (each shows a thumbnail of the chosen file first).
    upload = tmp_path / "csp-upload.png"
    upload.write_bytes(small_png())
    page.goto("/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(upload))
    expect(page.locator("#upload-list li").first).to_be_visible()

    # The taxonomy and the site settings.
    page.goto("/admin/taxonomy/engagementlevel/")
    page.goto("/admin/settings/core/sitesettings/")

    problems = watch.problems()
    with django_db_blocker.unblock():
        get_image_model().objects.filter(title="csp-upload").delete()
    assert not problems, "\n".join(problems)
