"""The tabs editors see on every page type (core/models.py `editor_tabs`): Content, the
page type's facts if it has any, its taxonomy and links if any, then Wagtail's Promote
and Settings, each holding the panels given for it.

Page types call `editor_tabs` while their classes are defined, so these tests call it
themselves."""

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from site_project.core.models import BasePage, editor_tabs

CONTENT = [FieldPanel("title")]
FACTS = [FieldPanel("summary")]
TAXONOMY = [FieldPanel("topics")]


def tabs_of(interface):
    return [(tab.heading, tab.children) for tab in interface.children]


def test_a_page_with_facts_and_taxonomy_has_five_tabs_in_order():
    assert tabs_of(editor_tabs(CONTENT, TAXONOMY, facts_panels=FACTS)) == [
        ("Content", CONTENT),
        ("At a glance", FACTS),
        ("Taxonomy & links", TAXONOMY),
        ("Promote", BasePage.promote_panels),
        ("Settings", Page.settings_panels),
    ]


def test_a_page_type_may_name_its_facts_and_taxonomy_tabs():
    interface = editor_tabs(
        CONTENT, TAXONOMY, facts_panels=FACTS, facts_heading="Facts", taxonomy_heading="Links"
    )
    assert [heading for heading, _ in tabs_of(interface)] == [
        "Content",
        "Facts",
        "Links",
        "Promote",
        "Settings",
    ]


def test_a_page_without_facts_or_taxonomy_has_no_empty_tabs():
    assert tabs_of(editor_tabs(CONTENT)) == [
        ("Content", CONTENT),
        ("Promote", BasePage.promote_panels),
        ("Settings", Page.settings_panels),
    ]
    assert [h for h, _ in tabs_of(editor_tabs(CONTENT, TAXONOMY))] == [
        "Content",
        "Taxonomy & links",
        "Promote",
        "Settings",
    ]
