"""Editing through the Wagtail admin, as an editor does it.

Every page type is created through the real "add page" view with a body that uses
every block its StreamField offers, plus its inline panels; existing pages can be
edited and previewed (including the "Listing card" preview mode); validation errors
land on the right field; and a link made in the admin shows up on the live site.
People (a snippet with revisions and preview) and the site settings are editable too."""

import datetime
import json

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.text import slugify
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, EssayPage
from engagement.models import (
    EngagementIndexPage,
    Framework,
    MethodIndexPage,
    MethodPage,
    PrincipleIndexPage,
    PrinciplePage,
)
from home.models import StandardPage
from site_project.blocks.streams import (
    EssayStreamBlock,
    MethodStreamBlock,
    PrincipleStreamBlock,
    StandardStreamBlock,
)
from site_project.core.models import Person, SiteSettings
from site_project.taxonomy.models import MethodFamily
from tests import builders

# Image renditions go to memory, not to var/media.
IN_MEMORY_STORAGES = {
    **settings.STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
EMBED_URL = "https://www.youtube.com/watch?v=engagement-test"
CTA_ERROR = "Choose a page or enter a link."
EMBED_HTML = '<iframe title="mk-embed-frame" src="https://www.youtube.com/embed/x"></iframe>'


# --- Form data for StreamField blocks ------------------------------------------------


def listblock(values):
    """ListBlock form data: '<prefix>-count' plus '<prefix>-N-value/-deleted/-order'."""
    data = {str(i): {"value": v, "deleted": "", "order": str(i)} for i, v in enumerate(values)}
    data["count"] = str(len(values))
    return data


def typed_table(caption, columns, rows):
    """TypedTableBlock form data. `columns` is [(block name, heading)], `rows` cell values."""
    data = {
        "caption": caption,
        "column-count": str(len(columns)),
        "row-count": str(len(rows)),
    }
    for i, (block_name, heading) in enumerate(columns):
        data.update(
            {
                f"column-{i}-type": block_name,
                f"column-{i}-order": str(i),
                f"column-{i}-heading": heading,
                f"column-{i}-deleted": "",
            }
        )
    for r, row in enumerate(rows):
        data.update({f"row-{r}-order": str(r), f"row-{r}-deleted": ""})
        for c, cell in enumerate(row):
            data[f"cell-{r}-{c}"] = cell
    return data


def block_form_values(image, method, cta_page):
    """Admin form values for every block in the library, each carrying a marker
    ('mk-<block name>') that must appear when the page is rendered."""
    return {
        "heading": {"text": "mk-heading", "level": "h2"},
        "paragraph": rich_text(
            "<p>mk-paragraph: engagement works when people see what changed.</p>"
        ),
        "image": {
            "image": {"image": str(image.pk), "alt_text": "People at a workshop"},
            "caption": "mk-image",
            "credit": "Photo: the council",
        },
        "quote": {
            "quote": "mk-quote: nothing about us without us.",
            "attribution": "Disability rights movement",
            "source": "A slogan",
            "source_url": "https://example.org/slogan",
        },
        "callout": {"kind": "tip", "title": "mk-callout", "text": rich_text("<p>Pay people.</p>")},
        "key_points": {
            "title": "Key points",
            "points": listblock(["mk-key_points", "Report back"]),
        },
        "embed": {"embed": EMBED_URL, "caption": "mk-embed"},
        "table": {
            "caption": "mk-table",
            "table": typed_table(
                "Costs",
                [("text", "Item"), ("number", "Cost"), ("rich_text", "Note")],
                [["Venue", "1200", rich_text("<p>Accessible venue</p>")]],
            ),
        },
        "faq": {"question": "mk-faq?", "answer": rich_text("<p>Usually yes.</p>")},
        "call_to_action": {
            "title": "mk-call_to_action",
            "text": "Filter methods by influence.",
            "page": str(cta_page.pk),
            "url": "",
            "button_text": "Open the finder",
        },
        "references": {
            "title": "References",
            "references": listblock(
                [
                    {
                        "citation": "mk-references: Involve (2005) People and Participation.",
                        "url": "https://involve.org.uk/",
                        "accessed": "2026-01-05",
                    }
                ]
            ),
        },
        "method_card": {"method": str(method.pk), "note": "mk-method_card"},
        "when_to_use": {
            "use_when": listblock(["mk-when_to_use"]),
            "avoid_when": listblock(["The decision is already made"]),
        },
        "steps": {
            "title": "How it works",
            "steps": listblock(
                [
                    {
                        "title": "mk-steps",
                        "what_happens": rich_text("<p>Agree an open question.</p>"),
                        "who": "Commissioner",
                        "duration": "4 weeks",
                    }
                ]
            ),
        },
        "strengths_limitations": {
            "strengths": listblock(["mk-strengths_limitations"]),
            "limitations": listblock(["Costly"]),
        },
        "case_study": {
            "title": "mk-case_study",
            "place": "Camden, London",
            "year": "2019",
            "commissioner": "London Borough of Camden",
            "question": "How do we tackle the climate crisis?",
            "people_involved": "50 residents",
            "level_achieved": "involve",
            "outcome": rich_text("<p>Shaped the action plan.</p>"),
            "source": "Camden Council",
            "source_url": "https://example.org/camden",
        },
        "cost_breakdown": {
            "caption": "mk-cost_breakdown",
            "lines": listblock(
                [{"item": "Recruitment", "low": "8000", "high": "20000", "note": ""}]
            ),
            "note": "Indicative UK figures.",
        },
        "indicators": {
            "title": "You'll know it's working when",
            "items": listblock(["mk-indicators"]),
        },
        "barriers_enablers": {
            "barriers": listblock(["mk-barriers_enablers"]),
            "enablers": listblock(["Committed leadership"]),
        },
        "questions": {"title": "Questions to ask", "items": listblock(["mk-questions"])},
        "practice_example": {
            "title": "mk-practice_example",
            "organisation": "A London borough",
            "text": rich_text("<p>Published 'you said, we did'.</p>"),
            "source_url": "",
        },
    }


def every_block(stream_block_class, values):
    """StreamField data with one of each block the stream offers, in declaration order.

    A KeyError here means a block was added to the library without admin form data
    in this test: add it to `block_form_values`."""
    return streamfield([(name, values[name]) for name in stream_block_class.base_blocks])


def markers(stream_block_class):
    return [f"mk-{name}" for name in stream_block_class.base_blocks]


# --- Shared fixtures ------------------------------------------------------------------


@override_settings(STORAGES=IN_MEMORY_STORAGES)
class AdminTestCase(WagtailPageTestCase):
    """A superuser, the site sections, and the things pages link to."""

    @classmethod
    def setUpTestData(cls):
        cls.user = cls.create_superuser("editor")
        cls.sections = builders.site_sections()
        cls.levels = builders.levels()
        cls.topic = builders.topic("Health")
        cls.purpose = builders.purpose("Deliberate on trade-offs")
        cls.family = MethodFamily.objects.create(name="Mini-publics", slug="mini-publics")
        cls.framework = Framework.objects.create(name="Gunning principles")
        cls.person = Person.objects.create(name="Asha Patel", role="Practitioner", bio="Writes.")
        cls.image = Image.objects.create(title="Workshop", file=get_test_image_file(size=(64, 48)))
        Embed.objects.create(
            url=EMBED_URL,
            hash=get_embed_hash(EMBED_URL),
            type="video",
            html=EMBED_HTML,
            title="A video",
            width=640,
            height=360,
        )
        cls.method = builders.method(
            cls.sections["finder"], "World cafe", low="involve", high="involve"
        )
        cls.principle = builders.principle(cls.sections["principles"], "Feed back")

    def setUp(self):
        self.client.force_login(self.user)

    # Form data for each page type -----------------------------------------------------

    @classmethod
    def block_values(cls):
        return block_form_values(cls.image, cls.method, cls.sections["blog"])

    @classmethod
    def standard_data(cls, title="About us"):
        return nested_form_data(
            {
                "title": title,
                "slug": slugify(title),
                "summary": "Who we are.",
                "body": every_block(StandardStreamBlock, cls.block_values()),
            }
        )

    @classmethod
    def essay_data(cls, title="Listening properly", **overrides):
        data = nested_form_data(
            {
                "title": title,
                "slug": slugify(title),
                "date": "2025-03-01",
                "summary": "Why listening needs a feedback loop.",
                "body": every_block(EssayStreamBlock, cls.block_values()),
                "authors": inline_formset([{"person": str(cls.person.pk)}]),
                "method_links": inline_formset(
                    [{"method": str(cls.method.pk), "note": "Used in the case study"}]
                ),
                "principle_links": inline_formset(
                    [{"principle": str(cls.principle.pk), "note": ""}]
                ),
            }
        )
        data["topics"] = [str(cls.topic.pk)]
        data.update(overrides)
        return data

    @classmethod
    def method_data(cls, title="Citizens jury", low="consult", high="collaborate", **overrides):
        data = nested_form_data(
            {
                "title": title,
                "slug": slugify(title),
                "summary": "A small group weighs evidence and recommends.",
                "also_known_as": "Citizens' panel",
                "min_level": str(cls.levels[low].pk),
                "max_level": str(cls.levels[high].pk),
                "participants_min": "12",
                "participants_max": "30",
                "participants_note": "stratified random selection",
                "lead_time": "3 months",
                "contact_time": "4 days",
                "follow_up": "1 month",
                "min_weeks": "12",
                "cost_min": "60000",
                "cost_max": "200000",
                "cost_covers": "Recruitment and facilitation",
                "cost_source": "Involve",
                "cost_year": "2024",
                "facilitation_skill": "specialist",
                "depth_rating": "high",
                "breadth_rating": "medium",
                "reach_rating": "low",
                "last_reviewed": "2025-01-10",
                "family": str(cls.family.pk),
                "body": every_block(MethodStreamBlock, cls.block_values()),
                "related_method_links": inline_formset(
                    [{"method": str(cls.method.pk), "note": "Run a cafe first"}]
                ),
                "principle_links": inline_formset(
                    [{"principle": str(cls.principle.pk), "effect": "supports", "note": ""}]
                ),
            }
        )
        data["purposes"] = [str(cls.purpose.pk)]
        data["topics"] = [str(cls.topic.pk)]
        data.update(overrides)
        return data

    @classmethod
    def principle_data(cls, title="Be clear what can change"):
        data = nested_form_data(
            {
                "title": title,
                "slug": slugify(title),
                "statement": "Say up front what is open to influence.",
                "framework": str(cls.framework.pk),
                "body": every_block(PrincipleStreamBlock, cls.block_values()),
            }
        )
        data["topics"] = [str(cls.topic.pk)]
        return data

    @staticmethod
    def index_data(title):
        return nested_form_data(
            {"title": title, "slug": slugify(title), "intro": rich_text("<p>Welcome.</p>")}
        )

    # Helpers ---------------------------------------------------------------------------

    def assert_renders_every_block(self, page, stream_block_class):
        self.assertEqual(
            [child.block_type for child in page.body],
            list(stream_block_class.base_blocks),
            "every block type submitted in the admin is saved, in order",
        )
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for marker in markers(stream_block_class):
            self.assertIn(marker, html)
        self.assertIn("mk-embed-frame", html)
        self.assertIn("<picture", html)
        return html


def admin_create(client, parent, model, data, publish=True):
    """Create a page through the admin outside a test method (e.g. in setUpTestData)."""
    data = {**data, **({"action-publish": "action-publish"} if publish else {})}
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    response = client.post(url, data)
    if response.status_code != 302:
        errors = response.context["form"].errors if response.context else response.status_code
        raise AssertionError(f"Could not create {model.__name__}: {errors}")
    return model.objects.get(slug=data["slug"])


# --- Creating every page type ---------------------------------------------------------


class TestCreateContentPages(AdminTestCase):
    def test_standard_page_with_every_block(self):
        home = builders.home()
        self.assertCanCreate(home, StandardPage, self.standard_data("About us"))
        page = StandardPage.objects.get(slug="about-us")
        self.assertTrue(page.live)
        self.assert_renders_every_block(page, StandardStreamBlock)

    def test_standard_page_under_a_standard_page(self):
        about = builders.add(builders.home(), StandardPage(title="About", slug="about"))
        self.assertCanCreate(about, StandardPage, self.standard_data("Accessibility"))
        page = StandardPage.objects.get(slug="accessibility")
        self.assertEqual(page.get_parent().specific, about)

    def test_essay_with_every_block_authors_links_and_topics(self):
        self.assertCanCreate(self.sections["blog"], EssayPage, self.essay_data())
        essay = EssayPage.objects.get(slug="listening-properly")
        self.assertTrue(essay.live)
        self.assertEqual([a.person for a in essay.authors.all()], [self.person])
        self.assertEqual([link.method for link in essay.method_links.all()], [self.method])
        self.assertEqual([link.principle for link in essay.principle_links.all()], [self.principle])
        self.assertEqual(list(essay.topics.all()), [self.topic])
        self.assertGreater(essay.reading_minutes, 0)
        html = self.assert_renders_every_block(essay, EssayStreamBlock)
        self.assertIn("Asha Patel", html)
        self.assertIn("Methods discussed", html)

    def test_method_with_every_block_and_links(self):
        self.assertCanCreate(self.sections["finder"], MethodPage, self.method_data())
        method = MethodPage.objects.get(slug="citizens-jury")
        self.assertEqual((method.min_level.slug, method.max_level.slug), ("consult", "collaborate"))
        self.assertEqual(method.family, self.family)
        self.assertEqual(list(method.purposes.all()), [self.purpose])
        self.assertEqual(list(method.topics.all()), [self.topic])
        self.assertEqual([link.method for link in method.related_method_links.all()], [self.method])
        self.assertEqual(
            [(link.principle, link.effect) for link in method.principle_links.all()],
            [(self.principle, "supports")],
        )
        self.assertEqual(method.strengths, ["mk-strengths_limitations"])
        html = self.assert_renders_every_block(method, MethodStreamBlock)
        self.assertIn("Combine with", html)

    def test_principle_with_every_block(self):
        self.assertCanCreate(self.sections["principles"], PrinciplePage, self.principle_data())
        principle = PrinciplePage.objects.get(slug="be-clear-what-can-change")
        self.assertEqual(principle.framework, self.framework)
        self.assertEqual(list(principle.topics.all()), [self.topic])
        self.assert_renders_every_block(principle, PrincipleStreamBlock)


class TestCreateSectionPages(WagtailPageTestCase):
    """The section pages, on a fresh site that has only the home page."""

    def setUp(self):
        self.client.force_login(self.create_superuser("editor"))

    def test_sections_can_be_built_through_the_admin(self):
        home = builders.home()
        self.assertCanCreate(home, BlogIndexPage, AdminTestCase.index_data("Essays"))
        self.assertCanCreate(home, EngagementIndexPage, AdminTestCase.index_data("Engagement"))
        hub = EngagementIndexPage.objects.get()
        self.assertCanCreate(hub, MethodIndexPage, AdminTestCase.index_data("Methods"))
        self.assertCanCreate(hub, PrincipleIndexPage, AdminTestCase.index_data("Principles"))
        for model in (BlogIndexPage, EngagementIndexPage, MethodIndexPage, PrincipleIndexPage):
            page = model.objects.get()
            self.assertTrue(page.live, model.__name__)
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, model.__name__)
            self.assertContains(response, "Welcome.")


# --- Editing and previewing existing pages --------------------------------------------


class TestEditAndPreview(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        client = Client()
        client.force_login(cls.user)
        s = cls.sections
        cls.pages = {
            "standard": admin_create(client, builders.home(), StandardPage, cls.standard_data()),
            "essay": admin_create(client, s["blog"], EssayPage, cls.essay_data()),
            "method": admin_create(client, s["finder"], MethodPage, cls.method_data()),
            "principle": admin_create(client, s["principles"], PrinciplePage, cls.principle_data()),
        }
        cls.form_data = {
            "standard": cls.standard_data(),
            "essay": cls.essay_data(),
            "method": cls.method_data(),
            "principle": cls.principle_data(),
            "blog": cls.index_data("Essays"),
            "hub": cls.index_data("Engagement"),
            "finder": cls.index_data("Methods"),
            "principles": cls.index_data("Principles"),
        }

    def page(self, key):
        page = self.pages[key] if key in self.pages else self.sections[key]
        return page.specific_class.objects.get(pk=page.pk)

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def preview(self, key, mode=""):
        page = self.page(key)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        response = self.client.post(f"{url}?mode={mode}", self.form_data[key])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            json.loads(response.content), {"is_valid": True, "is_available": True}, key
        )
        response = self.client.get(url, {"mode": mode})
        self.assertEqual(response.status_code, 200, key)
        return response.content.decode()

    def test_edit_view_renders_for_every_page_type(self):
        keys = [*self.pages, "blog", "hub", "finder", "principles"]
        for key in keys:
            with self.subTest(key):
                page = self.page(key)
                response = self.client.get(self.edit_url(page))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'id="page-edit-form"')

    def test_saving_changed_content_creates_a_draft_revision(self):
        for key in self.pages:
            with self.subTest(key):
                page = self.page(key)
                before = page.revisions.count()
                data = {**self.form_data[key], "title": f"Changed {key}"}
                response = self.client.post(self.edit_url(page), data)
                self.assertRedirects(response, self.edit_url(page), fetch_redirect_response=False)
                page.refresh_from_db()
                self.assertEqual(page.revisions.count(), before + 1)
                self.assertEqual(page.get_latest_revision_as_object().title, f"Changed {key}")
                self.assertTrue(page.has_unpublished_changes)
                self.assertNotEqual(page.title, f"Changed {key}", "the live title is unchanged")

    def test_home_page_featured_essays_chosen_in_the_admin_appear_on_the_home_page(self):
        home = builders.home()
        url = self.edit_url(home)
        self.assertEqual(self.client.get(url).status_code, 200)
        data = nested_form_data(
            {
                "title": "Home",
                "slug": "home",
                "heading": "Engaging Communities",
                "intro": rich_text("<p>Essays and a practical library.</p>"),
                "finder_prompt": "Find a method.",
                "featured_essays": inline_formset([{"essay": str(self.pages["essay"].pk)}], max=3),
                "action-publish": "1",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        html = self.client.get("/").content.decode()
        self.assertIn("Featured essays", html)
        featured = html.split('id="featured-heading"', 1)[1].split("</section>", 1)[0]
        self.assertIn(self.pages["essay"].title, featured)

    def test_publishing_an_edit_updates_the_live_page(self):
        page = self.page("essay")
        data = {**self.form_data["essay"], "title": "Listening, revised", "action-publish": "1"}
        response = self.client.post(self.edit_url(page), data)
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get(page.url), "Listening, revised")

    def test_full_page_preview_for_every_page_type(self):
        for key in self.form_data:
            with self.subTest(key):
                html = self.preview(key)
                if key in self.pages:
                    self.assertIn("mk-heading", html)
                    self.assertIn("mk-paragraph", html)

    def test_listing_card_preview_for_essays_and_methods(self):
        essay_card = self.preview("essay", mode="card")
        self.assertIn("card card--essay", essay_card)
        # Framed by the site's own layout, titled after the page being edited.
        site_name = SiteSettings.for_site(Site.objects.get(is_default_site=True)).site_name
        self.assertIn(f"<title>{self.page('essay').title} · {site_name}</title>", essay_card)
        self.assertIn(f"<span>{site_name}</span>", essay_card)
        self.assertIn("Why listening needs a feedback loop.", essay_card)
        self.assertNotIn("mk-paragraph", essay_card, "the card shows no body")

        method_card = self.preview("method", mode="card")
        self.assertIn("card card--method", method_card)
        self.assertIn("A small group weighs evidence and recommends.", method_card)

        principle_card = self.preview("principle", mode="card")
        self.assertIn("card card--principle", principle_card)

    def test_preview_offers_the_card_mode_to_editors(self):
        for key in ("essay", "method", "principle"):
            with self.subTest(key):
                self.assertIn(("card", "Listing card"), self.page(key).preview_modes)
        self.assertEqual(self.page("standard").preview_modes, [("", "Default")])

    def test_preview_shows_unsaved_changes_without_saving_them(self):
        page = self.page("method")
        data = {**self.form_data["method"], "title": "Unsaved title"}
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        self.client.post(url, data)
        self.assertContains(self.client.get(url), "Unsaved title")
        page.refresh_from_db()
        self.assertEqual(page.revisions.count(), 1)


# --- Previewing pages that were never saved --------------------------------------------


def without_relations(data):
    """The same form with every inline list emptied and every tag-like choice cleared."""
    emptied = {}
    for key, value in data.items():
        if key.endswith("-TOTAL_FORMS"):
            emptied[key] = "0"
        elif "-" in key and key.split("-", 2)[1].isdigit() and "-count" not in key:
            prefix = key.split("-", 1)[0]
            if f"{prefix}-TOTAL_FORMS" not in data:
                emptied[key] = value  # StreamField blocks stay
        elif isinstance(value, list):
            continue
        else:
            emptied[key] = value
    return emptied


class TestPreviewOfNewPages(AdminTestCase):
    """An editor previews (and Wagtail's checks panel renders) a page that has never been
    saved: no primary key, maybe no slug, maybe no related rows. It must never fail."""

    def cases(self):
        s = self.sections
        return [
            ("standard", builders.home(), StandardPage, self.standard_data()),
            ("essay", s["blog"], EssayPage, self.essay_data()),
            ("method", s["finder"], MethodPage, self.method_data()),
            ("principle", s["principles"], PrinciplePage, self.principle_data()),
        ]

    def preview_new(self, parent, model, data, mode=""):
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        response = self.client.post(f"{url}?mode={mode}", data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.content), {"is_valid": True, "is_available": True})
        response = self.client.get(url, {"mode": mode})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_a_new_page_of_every_type_previews_with_and_without_a_slug(self):
        for key, parent, model, data in self.cases():
            for slug in ("", "a-new-page"):
                for mode, _ in model(title="x").preview_modes:
                    with self.subTest(key, slug=slug, mode=mode):
                        html = self.preview_new(parent, model, {**data, "slug": slug}, mode)
                        self.assertIn(data["title"], html)

    def test_a_new_page_with_no_related_rows_previews(self):
        for key, parent, model, data in self.cases():
            with self.subTest(key):
                html = self.preview_new(parent, model, without_relations({**data, "slug": ""}))
                self.assertIn(data["title"], html)

    def test_a_new_essay_preview_links_the_essays_either_side_of_its_date(self):
        # A page never saved comes after every essay of its own date.
        blog = self.sections["blog"]
        builders.essay(blog, "Same day, already there", date=datetime.date(2025, 3, 1))
        builders.essay(blog, "The day after", date=datetime.date(2025, 3, 2))
        html = self.preview_new(blog, EssayPage, {**self.essay_data("New one"), "slug": ""})
        links = html.split('class="prev-next"', 1)[1].split("</nav>", 1)[0]
        older, newer = links.split("Newer essay")
        self.assertIn("Same day, already there", older)
        self.assertIn("The day after", newer)

    def test_a_new_essay_preview_lists_the_methods_it_links_to(self):
        data = {**self.essay_data("Linked only in the text"), "slug": ""}
        data.update(nested_form_data({"method_links": inline_formset([])}))
        html = self.preview_new(self.sections["blog"], EssayPage, data)
        discussed = html.split('id="methods-discussed"', 1)[1].split("</section>", 1)[0]
        self.assertIn(self.method.title, discussed)


# --- Validation -----------------------------------------------------------------------


class TestValidation(AdminTestCase):
    def post_add(self, parent, model, data):
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        return self.client.post(url, {**data, "action-publish": "1"})

    def test_method_highest_level_below_lowest_is_rejected_on_max_level(self):
        response = self.post_add(
            self.sections["finder"],
            MethodPage,
            self.method_data("Backwards method", low="collaborate", high="consult"),
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertIn("max_level", errors)
        self.assertIn("cannot be below the lowest level", errors["max_level"][0])
        self.assertFalse(MethodPage.objects.filter(slug="backwards-method").exists())

    def test_method_single_level_range_is_accepted(self):
        self.assertCanCreate(
            self.sections["finder"],
            MethodPage,
            self.method_data("Drop-in", low="involve", high="involve"),
        )

    def test_method_inverted_people_and_cost_ranges_are_rejected(self):
        data = self.method_data(
            "Odd ranges",
            participants_min="50",
            participants_max="10",
            cost_min="9000",
            cost_max="100",
        )
        response = self.post_add(self.sections["finder"], MethodPage, data)
        errors = response.context["form"].errors
        self.assertIn("participants_max", errors)
        self.assertIn("cost_max", errors)
        self.assertFalse(MethodPage.objects.filter(slug="odd-ranges").exists())

    def test_essay_summary_over_300_characters_is_rejected(self):
        response = self.post_add(
            self.sections["blog"], EssayPage, self.essay_data("Wordy", summary="x" * 301)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("summary", response.context["form"].errors)
        self.assertFalse(EssayPage.objects.filter(slug="wordy").exists())

    def test_essay_summary_of_exactly_300_characters_is_accepted(self):
        self.assertCanCreate(
            self.sections["blog"], EssayPage, self.essay_data("Just fits", summary="x" * 300)
        )

    def test_call_to_action_without_page_or_link_is_rejected_on_its_page_field(self):
        data = self.essay_data("Nowhere to go")
        cta = {"title": "Next", "text": "", "page": "", "url": "", "button_text": "Go"}
        data.update(nested_form_data({"body": streamfield([("call_to_action", cta)])}))
        response = self.post_add(self.sections["blog"], EssayPage, data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors["body"].as_data()[0].as_json_data(),
            {"blockErrors": {0: {"blockErrors": {"page": {"messages": [CTA_ERROR]}}}}},
        )
        self.assertFalse(EssayPage.objects.filter(slug="nowhere-to-go").exists())

    def test_essay_needs_a_body(self):
        data = self.essay_data("Empty")
        data.update(nested_form_data({"body": streamfield([])}))
        response = self.post_add(self.sections["blog"], EssayPage, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("body", response.context["form"].errors)


# --- Links made in the admin appear on the site ---------------------------------------


class TestMethodsDiscussedEndToEnd(AdminTestCase):
    def test_essay_published_in_the_admin_appears_on_the_method_page(self):
        response = self.client.get(self.method.url)
        self.assertContains(response, "No essays discuss this method yet.")

        data = self.essay_data("Why cafes work")
        self.assertCanCreate(self.sections["blog"], EssayPage, data)

        response = self.client.get(self.method.url)
        self.assertContains(response, "Why cafes work")
        self.assertNotContains(response, "No essays discuss this method yet.")

    def test_draft_essay_does_not_appear_on_the_method_page(self):
        self.assertCanCreate(
            self.sections["blog"], EssayPage, self.essay_data("Still in draft"), publish=False
        )
        self.assertNotContains(self.client.get(self.method.url), "Still in draft")


# --- People (snippet) and site settings -----------------------------------------------


@override_settings(STORAGES=IN_MEMORY_STORAGES)
class TestPeopleAndSettings(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = cls.create_superuser("editor")

    def setUp(self):
        self.client.force_login(self.user)

    person_data = {
        "name": "Sam Okafor",
        "role": "Community organiser",
        "bio": "Sam has run citizens' assemblies in three cities.",
    }

    def test_person_can_be_added_through_the_snippets_admin_with_a_revision(self):
        response = self.client.get(reverse("wagtailsnippets_core_person:add"))
        self.assertEqual(response.status_code, 200)
        response = self.client.post(reverse("wagtailsnippets_core_person:add"), self.person_data)
        self.assertRedirects(
            response,
            reverse("wagtailsnippets_core_person:list"),
            fetch_redirect_response=False,
        )
        person = Person.objects.get(name="Sam Okafor")
        self.assertEqual(person.revisions.count(), 1)
        self.assertEqual(person.latest_revision, person.revisions.get())

    def test_editing_a_person_adds_a_revision(self):
        person = Person.objects.create(name="Sam Okafor")
        url = reverse("wagtailsnippets_core_person:edit", args=[person.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(url, {**self.person_data, "role": "Facilitator"})
        self.client.post(url, {**self.person_data, "role": "Trainer"})
        person.refresh_from_db()
        self.assertEqual(person.role, "Trainer")
        self.assertEqual(person.revisions.count(), 2)
        history = self.client.get(reverse("wagtailsnippets_core_person:history", args=[person.pk]))
        self.assertEqual(history.status_code, 200)

    def test_person_preview_shows_the_author_box(self):
        url = reverse("wagtailsnippets_core_person:preview_on_add")
        response = self.client.post(url, self.person_data)
        self.assertEqual(json.loads(response.content), {"is_valid": True, "is_available": True})
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'class="author-box"')
        self.assertContains(response, "Sam has run citizens")

    def test_site_settings_edit_view_renders_and_saves(self):
        site = Site.objects.get(is_default_site=True)
        url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Engaging Communities")
        data = nested_form_data(
            {
                "site_name": "Community Voices",
                "tagline": "Essays on engagement",
                "footer_text": "CC BY 4.0",
                "social_links": streamfield(
                    [("link", {"label": "Bluesky", "url": "https://bsky.app/profile/x"})]
                ),
                "default_share_image": "",
                "review_interval_months": "6",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        saved = SiteSettings.for_site(site)
        self.assertEqual(saved.site_name, "Community Voices")
        self.assertEqual(saved.review_interval_months, 6)
        self.assertEqual(saved.social_links[0].value["label"], "Bluesky")
        self.assertContains(self.client.get("/"), "Community Voices")


def test_no_page_type_is_left_without_admin_coverage():
    """If a page type is added, it must be added to these admin tests too."""
    from wagtail.models import get_page_models

    covered = {
        "HomePage",
        "StandardPage",
        "BlogIndexPage",
        "EssayPage",
        "EngagementIndexPage",
        "MethodIndexPage",
        "MethodPage",
        "PrincipleIndexPage",
        "PrinciplePage",
        # Created, previewed and edited through the admin in test_decision_aid.py.
        "DecisionAidPage",
    }
    ours = {m.__name__ for m in get_page_models() if m is not Page and m.is_creatable}
    assert ours <= covered, ours - covered
