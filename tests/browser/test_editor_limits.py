"""The method editor in a real browser: an error inside a StreamField block is counted
on the tab that holds it; limited text fields show a live character count.
Screenshots go to var/screenshots/facets/."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from engagement.models import MethodPage

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "facets"


def signed_in_page(page_at, demo_server, django_db_blocker):
    with django_db_blocker.unblock():
        editor, _ = get_user_model().objects.get_or_create(
            username="facets-editor",
            defaults={"is_superuser": True, "is_staff": True, "email": "facets@example.org"},
        )
        client = Client()
        client.force_login(editor)
    page = page_at(DESKTOP)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": demo_server,
            }
        ]
    )
    return page


def test_streamfield_error_is_counted_on_its_tab(page_at, demo_server, django_db_blocker):
    page = signed_in_page(page_at, demo_server, django_db_blocker)
    with django_db_blocker.unblock():
        method = MethodPage.objects.live().order_by("path").first()
    page.goto(f"/admin/pages/{method.pk}/edit/")
    # Empty the first required text input inside the body's first block, then save.
    body = page.locator("#panel-child-content-body-section")
    first_input = body.locator("input[type=text][maxlength]").first
    first_input.fill("")
    page.locator("button[name='action-publish'], .footer__container button").first.evaluate(
        "b => b.form.requestSubmit(b.form.querySelector('[name=action-publish]'))"
    )
    page.wait_for_load_state("networkidle")
    expect(body.locator(".error-message").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "streamfield-error-tab-count.png")
    content_tab = page.locator("#tab-label-content .w-tabs__errors")
    expect(content_tab).to_be_visible()
    expect(content_tab.locator("[data-w-count-target=total]")).not_to_have_text("")


def test_limits_are_counted_and_a_long_title_is_kept(page_at, demo_server, django_db_blocker):
    page = signed_in_page(page_at, demo_server, django_db_blocker)
    with django_db_blocker.unblock():
        method = MethodPage.objects.live().order_by("path").first()
    page.goto(f"/admin/pages/{method.pk}/edit/")
    title = page.locator("input[name=title]")
    title.fill("x" * 300)
    assert len(title.input_value()) == 300, "the browser must not cut the title"
    expect(page.locator(f"#{title.get_attribute('aria-describedby').split()[-1]}")).to_have_text(
        "300 of 255 characters: 45 too many"
    )
    summary = page.locator("textarea[name=summary]")
    expect(summary).to_have_attribute("rows", "3")
    page.get_by_role("tab", name="At a glance").click()
    note = page.locator("input[name=participants_note]")
    note.fill("stratified random selection")
    expect(page.get_by_text("27 of 200 characters")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "method-editor-at-a-glance.png", full_page=True)


def test_public_page_says_not_yet_rated(page_at, demo_server, django_db_blocker):
    from engagement.models import MethodIndexPage
    from tests import builders

    with django_db_blocker.unblock():
        finder = MethodIndexPage.objects.first()
        method = MethodPage.objects.filter(slug="unrated-example").first() or builders.method(
            finder, "Unrated example", slug="unrated-example"
        )
        url = method.url
    page = page_at(DESKTOP)
    page.goto(url)
    glance = page.locator(".at-a-glance")
    expect(glance).to_contain_text("Not yet rated")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    glance.screenshot(path=SCREENSHOTS / "public-method-not-yet-rated.png")
