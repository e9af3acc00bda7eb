"""The "Taxonomy" admin menu: topics, engagement levels, purposes and method families.

Editors use these lists to see how much content uses each term, to find terms by
searching, and to keep the topic hierarchy to two tidy levels."""

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailTestUtils
from wagtail_modeladmin.helpers import AdminURLHelper

from site_project.taxonomy.models import (
    EngagementLevel,
    MethodFamily,
    Purpose,
    Topic,
    topic_groups,
)
from site_project.taxonomy.wagtail_hooks import TopicAdmin, count_column
from tests import builders

TOPIC_URLS = AdminURLHelper(Topic)
LEVEL_URLS = AdminURLHelper(EngagementLevel)

# The editor reads these whole: a test that matched only part of one would pass with a
# garbled message.
OWN_PARENT = "A topic cannot be its own parent."
LOOP = "That would make a loop: the parent is a sub-topic of this one."
TOO_DEEP = "Topics go two levels deep at most: choose a broad topic as the parent."
HAS_SUB_TOPICS = "This topic has sub-topics of its own, so it cannot become a sub-topic."


def list_rows(response):
    """The modeladmin result table as {name: {column: text}}."""
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for tr in soup.select("table.listing tbody tr"):
        cells = {}
        for td in tr.find_all("td"):
            for actions in td.find_all("ul"):
                actions.decompose()
            field = next(c[len("field-") :] for c in td["class"] if c.startswith("field-"))
            cells[field] = td.get_text(" ", strip=True)
        rows[cells["name"]] = cells
    return rows


class TaxonomyAdminTestCase(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = cls.create_superuser("editor")
        cls.sections = builders.site_sections()
        cls.health = builders.topic("Health")
        cls.mental_health = builders.topic("Mental health", parent=cls.health)
        cls.housing = builders.topic("Housing")

    def setUp(self):
        self.client.force_login(self.user)


class TestTopicList(TaxonomyAdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        s = cls.sections
        health, housing = cls.health, cls.housing
        builders.essay(s["blog"], "Health one", topics=[health, housing])
        builders.essay(s["blog"], "Health two", topics=[health])
        builders.essay(s["blog"], "Housing only", topics=[housing])
        builders.method(s["finder"], "Health method", topics=[health, housing])
        for title in ("Health principle A", "Health principle B"):
            p = builders.principle(s["principles"], title)
            p.topics.set([health])
            builders.publish(p)

    def test_list_shows_essay_method_and_principle_counts_per_topic(self):
        response = self.client.get(TOPIC_URLS.get_action_url("index"))
        self.assertEqual(response.status_code, 200)
        rows = list_rows(response)
        # Essays, methods and principles are joined at once: each must be counted
        # distinctly, not multiplied by the other two.
        self.assertEqual(
            (
                rows["Health"]["essay_count"],
                rows["Health"]["method_count"],
                rows["Health"]["principle_count"],
            ),
            ("2", "1", "2"),
        )
        self.assertEqual(
            (
                rows["Housing"]["essay_count"],
                rows["Housing"]["method_count"],
                rows["Housing"]["principle_count"],
            ),
            ("2", "1", "0"),
        )
        self.assertEqual(
            (
                rows["Mental health"]["essay_count"],
                rows["Mental health"]["method_count"],
                rows["Mental health"]["principle_count"],
            ),
            ("0", "0", "0"),
        )

    def test_list_loads_the_parents_with_the_topics(self):
        url = TOPIC_URLS.get_action_url("index")
        self.client.get(url)
        with CaptureQueriesContext(connection) as one_sub_topic:
            self.client.get(url)
        for name in ("Repairs", "Rents", "Homelessness"):
            builders.topic(name, parent=self.housing)
        with CaptureQueriesContext(connection) as four_sub_topics:
            rows = list_rows(self.client.get(url))
        self.assertEqual(len(four_sub_topics), len(one_sub_topic))
        self.assertEqual(rows["Rents"]["parent"], "Housing")

    def test_list_shows_the_parent_of_sub_topics(self):
        rows = list_rows(self.client.get(TOPIC_URLS.get_action_url("index")))
        self.assertEqual(rows["Mental health"]["parent"], "Health")

    def test_search_filters_the_list(self):
        response = self.client.get(TOPIC_URLS.get_action_url("index"), {"q": "hous"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(list_rows(response)), {"Housing"})

    def test_search_also_matches_descriptions(self):
        Topic.objects.filter(pk=self.housing.pk).update(description="Homes and tenancies")
        response = self.client.get(TOPIC_URLS.get_action_url("index"), {"q": "tenanc"})
        self.assertEqual(set(list_rows(response)), {"Housing"})

    def test_filter_by_parent_lists_its_sub_topics(self):
        response = self.client.get(
            TOPIC_URLS.get_action_url("index"), {"parent__id__exact": self.health.pk}
        )
        self.assertEqual(set(list_rows(response)), {"Mental health"})


class TestCountColumn(TestCase):
    def test_a_count_column_shows_the_annotated_count_under_its_label_and_sorts_by_it(self):
        # Called here, not taken from an admin: their columns are built at import.
        column = count_column("essays_n", "Essays")
        self.assertEqual(
            (column.short_description, column.admin_order_field), ("Essays", "essays_n")
        )
        topic = Topic(name="Health", slug="health")
        topic.essays_n = 3
        self.assertEqual(column(TopicAdmin(), topic), 3)


class TestTopicCreateAndEdit(TaxonomyAdminTestCase):
    def post_create(self, **fields):
        data = {"name": "", "slug": "", "description": "", "parent": "", **fields}
        return self.client.post(TOPIC_URLS.get_action_url("create"), data)

    def post_edit(self, topic, **fields):
        data = {
            "name": topic.name,
            "slug": topic.slug,
            "description": topic.description,
            "parent": topic.parent_id or "",
            **fields,
        }
        return self.client.post(TOPIC_URLS.get_action_url("edit", topic.pk), data)

    def assert_parent_error(self, response, message):
        self.assertEqual(response.status_code, 200, "the form is shown again")
        errors = response.context["form"].errors
        self.assertEqual(errors.get("parent"), [message])

    def test_create_form_renders(self):
        response = self.client.get(TOPIC_URLS.get_action_url("create"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="parent"')

    def test_create_a_broad_topic(self):
        response = self.post_create(name="Transport", slug="transport", description="Buses.")
        self.assertRedirects(
            response, TOPIC_URLS.get_action_url("index"), fetch_redirect_response=False
        )
        topic = Topic.objects.get(slug="transport")
        self.assertIsNone(topic.parent)
        self.assertEqual(topic.description, "Buses.")

    def test_create_a_sub_topic(self):
        response = self.post_create(name="Buses", slug="buses", parent=self.health.pk)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Topic.objects.get(slug="buses").parent, self.health)

    def test_edit_form_renders_and_saves(self):
        url = TOPIC_URLS.get_action_url("edit", self.housing.pk)
        self.assertContains(self.client.get(url), "Housing")
        response = self.post_edit(self.housing, name="Housing and homes")
        self.assertEqual(response.status_code, 302)
        self.housing.refresh_from_db()
        self.assertEqual(self.housing.name, "Housing and homes")

    def test_a_topic_cannot_be_its_own_parent(self):
        response = self.post_edit(self.housing, parent=self.housing.pk)
        self.assert_parent_error(response, OWN_PARENT)
        self.housing.refresh_from_db()
        self.assertIsNone(self.housing.parent_id)

    def test_no_third_level(self):
        response = self.post_create(
            name="Talking therapies", slug="talking-therapies", parent=self.mental_health.pk
        )
        self.assert_parent_error(response, TOO_DEEP)
        self.assertFalse(Topic.objects.filter(slug="talking-therapies").exists())

    def test_no_third_level_when_moving_an_existing_topic(self):
        response = self.post_edit(self.housing, parent=self.mental_health.pk)
        self.assert_parent_error(response, TOO_DEEP)

    def test_a_topic_with_sub_topics_cannot_become_a_sub_topic(self):
        response = self.post_edit(self.health, parent=self.housing.pk)
        self.assert_parent_error(response, HAS_SUB_TOPICS)
        self.health.refresh_from_db()
        self.assertIsNone(self.health.parent_id)

    def test_a_cycle_is_rejected(self):
        response = self.post_edit(self.health, parent=self.mental_health.pk)
        self.assert_parent_error(response, LOOP)
        self.health.refresh_from_db()
        self.assertIsNone(self.health.parent_id)


class TestTopicGroups(TestCase):
    def test_broad_topics_in_the_order_given_each_with_a_list_of_its_sub_topics(self):
        health = builders.topic("Health")
        mental_health = builders.topic("Mental health", parent=health)
        housing = builders.topic("Housing")
        self.assertEqual(
            topic_groups(Topic.objects.order_by("-name")),
            [(housing, []), (health, [mental_health])],
        )


class TestTopicFullClean(TestCase):
    """The same rules hold outside the admin, e.g. for imports and the shell."""

    @classmethod
    def setUpTestData(cls):
        cls.health = builders.topic("Health")
        cls.mental_health = builders.topic("Mental health", parent=cls.health)
        cls.housing = builders.topic("Housing")

    def assert_invalid_parent(self, topic, message):
        with self.assertRaises(ValidationError) as caught:
            topic.full_clean()
        self.assertEqual(caught.exception.message_dict.get("parent"), [message])

    def test_own_parent(self):
        self.housing.parent = self.housing
        self.assert_invalid_parent(self.housing, OWN_PARENT)

    def test_third_level(self):
        topic = Topic(name="Talking therapies", slug="talking-therapies", parent=self.mental_health)
        self.assert_invalid_parent(topic, TOO_DEEP)

    def test_topic_with_children_cannot_become_a_sub_topic(self):
        self.health.parent = self.housing
        self.assert_invalid_parent(self.health, HAS_SUB_TOPICS)

    def test_cycle(self):
        self.health.parent = self.mental_health
        self.assert_invalid_parent(self.health, LOOP)

    def test_a_sub_topic_is_named_with_its_parent_in_choosers_and_lists(self):
        self.assertEqual(str(self.mental_health), "Mental health (Health)")
        self.assertEqual(str(self.housing), "Housing")

    def test_a_topic_gathers_its_own_pages_and_its_sub_topics(self):
        self.assertEqual(self.health.family_ids(), [self.health.pk, self.mental_health.pk])
        self.assertEqual(self.housing.family_ids(), [self.housing.pk])

    def test_valid_moves_pass(self):
        Topic(name="Buses", slug="buses", parent=self.housing).full_clean()
        self.housing.parent = self.health  # a childless broad topic may become a sub-topic
        self.housing.full_clean()
        self.mental_health.parent = None  # a sub-topic may become broad
        self.mental_health.full_clean()


class TestEngagementLevelList(TaxonomyAdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        finder = cls.sections["finder"]
        builders.method(finder, "Citizens jury", low="consult", high="collaborate")
        builders.method(finder, "World cafe", low="involve", high="involve")

    def test_a_method_counts_for_every_level_its_range_spans(self):
        response = self.client.get(LEVEL_URLS.get_action_url("index"))
        self.assertEqual(response.status_code, 200)
        counts = {name: row["method_count"] for name, row in list_rows(response).items()}
        self.assertEqual(
            counts,
            {
                "Inform": "0",
                "Consult": "1",
                "Involve": "2",
                "Collaborate": "1",
                "Empower": "0",
                "Community-led": "0",
            },
        )

    def test_levels_are_listed_in_spectrum_order(self):
        rows = list_rows(self.client.get(LEVEL_URLS.get_action_url("index")))
        self.assertEqual(
            list(rows), ["Inform", "Consult", "Involve", "Collaborate", "Empower", "Community-led"]
        )

    def test_search_filters_levels(self):
        response = self.client.get(LEVEL_URLS.get_action_url("index"), {"q": "collab"})
        self.assertEqual(set(list_rows(response)), {"Collaborate"})

    def test_edit_a_level(self):
        level = EngagementLevel.objects.get(slug="involve")
        url = LEVEL_URLS.get_action_url("edit", level.pk)
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(
            url,
            {
                "name": "Involve",
                "slug": "involve",
                "rank": "3",
                "on_spectrum": "on",
                "expectation": "We will work with you throughout.",
            },
        )
        self.assertEqual(response.status_code, 302)
        level.refresh_from_db()
        self.assertEqual(level.expectation, "We will work with you throughout.")


class TestPurposeAndFamilyLists(TaxonomyAdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.deliberate = builders.purpose("Deliberate")
        builders.purpose("Inform a decision")
        cls.mini_publics = MethodFamily.objects.create(name="Mini-publics", slug="mini-publics")
        MethodFamily.objects.create(name="Surveys", slug="surveys")
        for title in ("Citizens jury", "Citizens assembly"):
            builders.method(
                cls.sections["finder"], title, family=cls.mini_publics, purposes=[cls.deliberate]
            )

    def test_purpose_list_counts_methods(self):
        rows = list_rows(self.client.get(AdminURLHelper(Purpose).get_action_url("index")))
        self.assertEqual(rows["Deliberate"]["method_count"], "2")
        self.assertEqual(rows["Inform a decision"]["method_count"], "0")

    def test_family_list_counts_methods(self):
        rows = list_rows(self.client.get(AdminURLHelper(MethodFamily).get_action_url("index")))
        self.assertEqual(rows["Mini-publics"]["method_count"], "2")
        self.assertEqual(rows["Surveys"]["method_count"], "0")

    def test_create_a_purpose_and_a_family(self):
        response = self.client.post(
            AdminURLHelper(Purpose).get_action_url("create"),
            {"name": "Build trust", "slug": "build-trust", "description": "", "sort_order": "5"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Purpose.objects.filter(slug="build-trust").exists())
        response = self.client.post(
            AdminURLHelper(MethodFamily).get_action_url("create"),
            {"name": "Online", "slug": "online", "description": ""},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(MethodFamily.objects.filter(slug="online").exists())


class TestTaxonomyMenu(TaxonomyAdminTestCase):
    def test_dashboard_menu_has_the_taxonomy_group(self):
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Taxonomy", html)
        for model in (Topic, EngagementLevel, Purpose, MethodFamily):
            self.assertIn(AdminURLHelper(model).get_action_url("index"), html)
