"""Browser tests: a real Chromium (Debian's package) driven by Playwright against a live
server that serves the demo content, loaded once for the whole browser session.

These tests run last (see tests/conftest.py), because the demo content they load is
committed to the test database rather than rolled back."""

import contextlib
import os
import shutil

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made
# from test code here are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium():
    path = chromium_path()
    if not path:
        message = (
            "Chromium is not installed: browser tests need Debian's package "
            "(sudo apt-get install chromium) or CHROMIUM_PATH pointing at a Chromium binary."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser_database(django_db_setup, django_db_blocker):
    """The test database. pytest-django only creates it when some collected test asks
    for the database; when the browser tests run on their own, create it here, so they
    never touch the development database."""
    connection = connections["default"]
    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
            yield
            return
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        yield
        connection.creation.destroy_test_db(original_name, verbosity=0)


@pytest.fixture(scope="session")
def demo_server(browser_database, django_db_blocker):
    """A threaded server over the test database, with the demo content loaded once."""
    with django_db_blocker.unblock():
        with override_settings(DEMO_IMAGE_SCALE=1):  # full size, as a reader sees them
            call_command("load_demo_content", verbosity=0)
        overrides = {}
        connection = connections["default"]
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            overrides["default"] = connection
            connection.inc_thread_sharing()
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=overrides)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()
        if overrides:
            connection.dec_thread_sharing()


@pytest.fixture
def page_at(chromium, demo_server):
    """Open a fresh browser page at a viewport and colour scheme; closed after the test."""
    contexts = []

    def open_page(viewport=DESKTOP, color_scheme="light"):
        context = chromium.new_context(
            viewport=viewport, color_scheme=color_scheme, base_url=demo_server
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        # Let requests in flight finish first: the live server shares the test's database
        # connection, and a write still running when the next test writes breaks both.
        for page in context.pages:
            with contextlib.suppress(Exception):
                page.wait_for_load_state("networkidle", timeout=10_000)
        context.close()
