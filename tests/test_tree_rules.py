"""Where each page type may live in the tree.

Editors rely on these rules: the "Add child page" menu only offers page types that
belong under the chosen page, and singleton section pages (the essays index, the
library hub, the method finder, the principles index, "Should we engage?") can only be
created once."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage, EssayPage
from engagement.models import (
    DecisionAidPage,
    EngagementIndexPage,
    MethodIndexPage,
    MethodPage,
    PrincipleIndexPage,
    PrinciplePage,
)
from home.models import HomePage, StandardPage
from tests import builders

ALL_PAGE_TYPES = {
    DecisionAidPage,
    HomePage,
    StandardPage,
    BlogIndexPage,
    EssayPage,
    EngagementIndexPage,
    MethodIndexPage,
    MethodPage,
    PrincipleIndexPage,
    PrinciplePage,
}


class TestParentAndSubpageRules(WagtailPageTestCase):
    """Model-level rules: no database needed beyond what the test case sets up."""

    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for page_type in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(page_type, HomePage)

    def test_home_page_offers_the_two_sections_and_general_pages(self):
        # HomePage sets no subpage_types, so Wagtail's abstract-ish base Page also
        # "fits"; it is not creatable, so editors are offered exactly these three.
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {BlogIndexPage, EngagementIndexPage, StandardPage},
        )

    def test_section_indexes_only_under_home(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(EngagementIndexPage, {HomePage})
        for parent in ALL_PAGE_TYPES - {HomePage}:
            self.assertCanNotCreateAt(parent, BlogIndexPage)
            self.assertCanNotCreateAt(parent, EngagementIndexPage)
        self.assertCanNotCreateAt(Page, BlogIndexPage)
        self.assertCanNotCreateAt(Page, EngagementIndexPage)

    def test_essays_only_under_the_essays_index(self):
        self.assertAllowedParentPageTypes(EssayPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {EssayPage})
        self.assertCanCreateAt(BlogIndexPage, EssayPage)
        self.assertCanNotCreateAt(MethodIndexPage, EssayPage)
        self.assertCanNotCreateAt(HomePage, EssayPage)
        self.assertCanNotCreateAt(PrincipleIndexPage, EssayPage)

    def test_library_indexes_only_under_the_hub(self):
        self.assertAllowedSubpageTypes(
            EngagementIndexPage, {MethodIndexPage, PrincipleIndexPage, DecisionAidPage}
        )
        self.assertAllowedParentPageTypes(MethodIndexPage, {EngagementIndexPage})
        self.assertAllowedParentPageTypes(PrincipleIndexPage, {EngagementIndexPage})
        self.assertAllowedParentPageTypes(DecisionAidPage, {EngagementIndexPage})
        self.assertCanNotCreateAt(HomePage, DecisionAidPage)
        self.assertCanNotCreateAt(MethodIndexPage, DecisionAidPage)
        self.assertCanNotCreateAt(HomePage, MethodIndexPage)
        self.assertCanNotCreateAt(HomePage, PrincipleIndexPage)
        self.assertCanNotCreateAt(BlogIndexPage, MethodIndexPage)

    def test_methods_only_under_the_method_finder(self):
        self.assertAllowedParentPageTypes(MethodPage, {MethodIndexPage})
        self.assertAllowedSubpageTypes(MethodIndexPage, {MethodPage})
        self.assertCanCreateAt(MethodIndexPage, MethodPage)
        # The mistake an editor is most likely to make: a method under the essays.
        self.assertCanNotCreateAt(BlogIndexPage, MethodPage)
        self.assertCanNotCreateAt(PrincipleIndexPage, MethodPage)
        self.assertCanNotCreateAt(EngagementIndexPage, MethodPage)

    def test_principles_only_under_the_principles_index(self):
        self.assertAllowedParentPageTypes(PrinciplePage, {PrincipleIndexPage})
        self.assertAllowedSubpageTypes(PrincipleIndexPage, {PrinciplePage})
        self.assertCanNotCreateAt(MethodIndexPage, PrinciplePage)
        self.assertCanNotCreateAt(BlogIndexPage, PrinciplePage)

    def test_standard_pages_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(BlogIndexPage, StandardPage)
        self.assertCanNotCreateAt(MethodIndexPage, StandardPage)

    def test_leaf_pages_have_no_children(self):
        for leaf in (EssayPage, MethodPage, PrinciplePage, DecisionAidPage):
            self.assertAllowedSubpageTypes(leaf, set(), msg=leaf.__name__)


class TestSingletonSections(WagtailPageTestCase):
    """max_count = 1: once a section page exists, editors cannot add a second one."""

    def test_each_section_can_be_created_while_none_exists(self):
        home = builders.home()
        self.assertTrue(BlogIndexPage.can_create_at(home))
        self.assertTrue(EngagementIndexPage.can_create_at(home))
        hub = builders.add(home, EngagementIndexPage(title="Engagement", slug="engagement"))
        self.assertTrue(MethodIndexPage.can_create_at(hub))
        self.assertTrue(PrincipleIndexPage.can_create_at(hub))
        self.assertTrue(DecisionAidPage.can_create_at(hub))

    def test_no_second_section_page_once_one_exists(self):
        sections = builders.site_sections()
        home = builders.home()
        hub = sections["hub"]
        self.assertFalse(HomePage.can_create_at(builders.root_page()))
        self.assertFalse(BlogIndexPage.can_create_at(home))
        self.assertFalse(EngagementIndexPage.can_create_at(home))
        self.assertFalse(MethodIndexPage.can_create_at(hub))
        self.assertFalse(PrincipleIndexPage.can_create_at(hub))
        builders.decision_aid(hub, live=False)
        self.assertFalse(DecisionAidPage.can_create_at(hub))
        # Ordinary pages stay unlimited.
        self.assertTrue(StandardPage.can_create_at(home))
        self.assertTrue(EssayPage.can_create_at(sections["blog"]))
        self.assertTrue(MethodPage.can_create_at(sections["finder"]))

    def test_a_draft_section_page_also_counts(self):
        home = builders.home()
        builders.add(home, BlogIndexPage(title="Essays", slug="essays"), live=False)
        self.assertFalse(BlogIndexPage.can_create_at(home))


class TestAdminEnforcesTheRules(WagtailPageTestCase):
    """The admin itself refuses page types in the wrong place, not just the menus."""

    @classmethod
    def setUpTestData(cls):
        cls.sections = builders.site_sections()
        cls.user = cls.create_superuser("tree-editor")

    def setUp(self):
        self.client.force_login(self.user)

    def add_url(self, model, parent):
        return reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )

    def test_add_child_menu_under_home_offers_only_general_pages_once_sections_exist(self):
        response = self.client.get(
            reverse("wagtailadmin_pages:add_subpage", args=[builders.home().pk])
        )
        # Only one type is left, so Wagtail goes straight to its form.
        self.assertRedirects(
            response, self.add_url(StandardPage, builders.home()), fetch_redirect_response=False
        )

    def test_add_child_under_the_hub_is_refused_once_its_three_pages_exist(self):
        hub = self.sections["hub"]
        add_subpage = reverse("wagtailadmin_pages:add_subpage", args=[hub.pk])
        # Both indexes exist: "Should we engage?" is all that is left, so its form opens.
        self.assertRedirects(
            self.client.get(add_subpage),
            self.add_url(DecisionAidPage, hub),
            fetch_redirect_response=False,
        )
        builders.decision_aid(hub, live=False)
        # Nothing may be added, so the editor is sent back to the dashboard.
        self.assertRedirects(
            self.client.get(add_subpage),
            reverse("wagtailadmin_home"),
            fetch_redirect_response=False,
        )

    def test_method_cannot_be_posted_under_the_essays_index(self):
        before = MethodPage.objects.count()
        response = self.client.post(
            self.add_url(MethodPage, self.sections["blog"]),
            {"title": "Citizens' jury", "slug": "citizens-jury", "action-publish": "1"},
        )
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(MethodPage.objects.count(), before)

    def test_second_essays_index_cannot_be_posted(self):
        response = self.client.post(
            self.add_url(BlogIndexPage, builders.home()),
            {"title": "More essays", "slug": "more-essays", "action-publish": "1"},
        )
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(BlogIndexPage.objects.count(), 1)
