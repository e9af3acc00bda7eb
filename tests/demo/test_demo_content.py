"""The demo content loader: complete, linked, idempotent and resettable.

The demo is loaded once for the package, by a first `make run` (`first_run`, see
conftest.py); each test runs in its own savepoint on top of it, so a test that reloads
or resets leaves nothing behind.
"""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision, Site

from blog.models import EssayPage
from engagement.models import Framework, MethodPage, PrinciplePage
from home.management.commands.load_demo_content import Command
from home.models import HomePage
from site_project.core.models import Person, SiteSettings
from site_project.taxonomy.models import EngagementLevel, MethodFamily, Purpose, Topic


def load(*args, stderr=None):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out, stderr=stderr or io.StringIO())
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "topics": Topic.objects.count(),
        "levels": EngagementLevel.objects.count(),
        "purposes": Purpose.objects.count(),
        "families": MethodFamily.objects.count(),
        "frameworks": Framework.objects.count(),
        "people": Person.objects.count(),
        "references": ReferenceIndex.objects.count(),
    }


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("first_run")]


def test_first_run_reports_what_it_made(first_run):
    assert first_run.startswith("Demo content ready: 10 essays, 17 methods")
    assert "created or updated" in first_run


def test_tree_is_built_and_published():
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.heading and home.live and home.featured_essays.count() == 3

    sections = {page.slug: page for page in home.get_children()}
    assert {"essays", "engagement", "about"} <= set(sections)
    assert sections["essays"].show_in_menus and sections["about"].show_in_menus
    hub_children = {page.slug: page for page in sections["engagement"].get_children()}
    assert hub_children["methods"].show_in_menus and hub_children["principles"].show_in_menus

    assert EssayPage.objects.live().count() >= 10
    assert MethodPage.objects.live().count() >= 14
    assert PrinciplePage.objects.live().count() >= 8
    # Real publishing: every demo page has a published revision.
    for page in Page.objects.live().filter(depth__gte=3):
        assert page.live_revision_id is not None, page


def test_essays_are_complete_and_linked():
    essays = EssayPage.objects.live()
    for essay in essays:
        assert essay.method_links.exists() or essay.principle_links.exists(), essay
        assert essay.topics.exists(), essay
        assert essay.authors.exists(), essay
        assert essay.date is not None and essay.hero_image is not None, essay
        assert len(essay.summary) <= 300
    assert {essay.date.year for essay in essays} >= {2020, 2025}
    assert essays.get(slug="on-levelling-up").date.year == 2020
    assert sum(len(essay.headings) >= 3 for essay in essays) >= 8


def test_methods_have_topics_levels_and_facts():
    for method in MethodPage.objects.live():
        assert method.topics.exists(), method
        assert method.purposes.exists(), method
        assert method.min_level.rank <= method.max_level.rank, method
        assert method.body, method
        assert len(method.summary) <= 280
    assembly = MethodPage.objects.get(slug="citizens-assembly")
    assert (assembly.cost_min, assembly.cost_max, assembly.cost_source) == (
        150_000,
        750_000,
        "Involve",
    )
    assert (assembly.participants_min, assembly.participants_max) == (50, 250)
    assert assembly.body_blocks("case_study")
    assert assembly.related_method_links.exists() and assembly.principle_links.exists()


def test_principles_have_frameworks():
    for principle in PrinciplePage.objects.live():
        assert principle.framework is not None, principle
        assert principle.topics.exists(), principle
        assert {"indicators", "barriers_enablers", "questions"} <= {
            child.block_type for child in principle.body
        }


def test_taxonomy_settings_and_images():
    ranks = dict(EngagementLevel.objects.values_list("slug", "rank"))
    assert ranks == {
        "inform": 1,
        "consult": 2,
        "involve": 3,
        "collaborate": 4,
        "empower": 5,
        "community-led": 6,
    }
    assert not EngagementLevel.objects.get(slug="community-led").on_spectrum
    assert Purpose.objects.count() == 8
    assert Topic.objects.get(slug="prevention").parent.slug == "health-and-care"

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.site_name == "Engaging Communities"
    assert settings.footer_text and settings.default_share_image is not None
    for image in get_image_model().objects.all():
        assert image.description, image
    assert Person.objects.filter(name="Sam Ellery").exists()


def test_rich_text_links_show_as_backlinks():
    # The planning cell is only linked from inside an essay's paragraph, so it is found
    # through Wagtail's reference index, not an explicit "methods discussed" link.
    planning_cell = MethodPage.objects.get(slug="planning-cell")
    assert not planning_cell.essay_links.exists()
    assert [essay.slug for essay in planning_cell.discussing_essays()] == ["on-engagement-methods"]


def test_every_demo_essay_guide_and_principle_can_be_found_by_searching_its_title():
    # The loader leaves the search index alone while it saves, then rebuilds it once.
    for model in (EssayPage, MethodPage, PrinciplePage):
        pages = model.objects.live()
        assert pages.exists()
        for page in pages:
            assert page in pages.search(page.title), page.title


def test_second_run_changes_nothing():
    before = counts()
    report = load()
    assert report.startswith("Demo content ready: 10 essays")
    assert report.endswith("(nothing to do, everything was already there).\n")
    assert counts() == before


def test_reset_rebuilds_the_same_content_and_keeps_what_an_editor_built_on():
    # An editor's own sub-topic under a demo topic: the reset keeps that topic, says so,
    # and rebuilds the rest.
    care = Topic.objects.get(slug="health-and-care")
    Topic.objects.create(name="Social prescribing", slug="social-prescribing", parent=care)
    before = counts()
    errors = io.StringIO()
    report = load("--reset", stderr=errors)
    assert report.startswith("Removing the demo content…\n")
    assert "created or updated" in report
    assert errors.getvalue() == "Kept topic 'Health and care': other content uses it.\n"
    assert counts() == before
    assert EssayPage.objects.live().count() == 10
    assert Topic.objects.get(slug="social-prescribing").parent == care


def test_help_explains_the_reset_option():
    help_text = " ".join(
        Command().create_parser("manage.py", "load_demo_content").format_help().split()
    )
    assert (
        "--reset Delete the demo pages, snippets, taxonomy and images, then rebuild them."
        in help_text
    )
