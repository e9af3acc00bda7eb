"""The block picker in the page editor, in a real browser: the previews of the blocks
whose example comes from the database or stands in for a network fetch load in the
picker's preview panel. Screenshots go to var/screenshots/block-picker/."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from blog.models import EssayPage

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "block-picker"

# Picker label -> text its preview shows with the demo content loaded.
PREVIEWS = {
    "Image": "Rising bars in teal and amber",
    "Embed": "YouTube video or audio",
    "Method card": "Worth a look when the decision involves hard trade-offs.",
    "Table": "Participatory budgeting",
}


def test_block_picker_previews_in_the_essay_editor(page_at, demo_server, django_db_blocker):
    with django_db_blocker.unblock():
        editor, _ = get_user_model().objects.get_or_create(
            username="picker-editor",
            defaults={"is_superuser": True, "is_staff": True, "email": "picker@example.org"},
        )
        client = Client()
        client.force_login(editor)
        essay = EssayPage.objects.live().order_by("path").first()
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
    page.goto(f"/admin/pages/{essay.pk}/edit/")
    page.locator("#panel-child-content-body-section .c-sf-add-button").first.click()
    picker = page.locator(".w-combobox")
    expect(picker).to_be_visible()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, text in PREVIEWS.items():
        row = picker.locator(".w-combobox__option-row").filter(
            has=page.get_by_text(label, exact=True)
        )
        row.locator(".w-combobox__option-preview").click()
        expect(page.locator(".w-combobox-preview__label")).to_have_text(label)
        frame = page.frame_locator(".w-combobox-preview__iframe")
        expect(frame.locator("main")).to_contain_text(text)
        slug = label.lower().replace(" ", "-")
        page.screenshot(path=SCREENSHOTS / f"{slug}.png")
