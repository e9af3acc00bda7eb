"""Issue 9, points 3 and 4: nothing published unjudged, and every limit said.

Ratings and facilitation skill start empty and read "Not yet rated"; a method guide
needs a purpose and a topic to be published or submitted (drafts may lack them), with
the errors on the "At a glance" tab; every limited text field states its limit and a
title over it is an error, not a cut; fields, blocks and list items have human labels."""

import re

import pytest
from django import forms
from django.urls import reverse

from blog.models import EssayPage
from engagement.models import MethodPage, PrinciplePage
from tests import builders
from tests.test_admin_editing import AdminTestCase


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def tab_html(html, heading_slug):
    """The HTML of one editor tab's panel."""
    start = html.index(f'id="tab-{heading_slug}"')
    following = html.find('id="tab-', start + 10)
    return html[start : following if following != -1 else len(html)]


class TestUnratedMethods(AdminTestCase):
    def test_a_new_method_starts_with_no_ratings_or_skill(self):
        response = self.client.get(add_url(MethodPage, self.sections["finder"]))
        form = response.context["form"]
        for name in ("facilitation_skill", "depth_rating", "breadth_rating", "reach_rating"):
            self.assertEqual(form[name].value(), "", name)
            self.assertFalse(form.fields[name].required, name)

    def test_the_public_page_says_not_yet_rated(self):
        # cls.method was built without ratings.
        html = self.client.get(self.method.url).content.decode()
        facts = html[html.index('class="facts"') : html.index("</dl>")]
        self.assertIn("<dt>Facilitation</dt><dd>Not yet rated</dd>", facts)
        self.assertIn("<dt>Depth · breadth · reach</dt><dd>Not yet rated</dd>", facts)
        self.assertNotIn("Medium", facts)
        self.assertNotIn("Experienced", facts)

    def test_a_partly_rated_page_says_which_rating_is_missing(self):
        method = builders.method(
            self.sections["finder"], "Half rated", depth_rating="high", facilitation_skill="basic"
        )
        html = self.client.get(method.url).content.decode()
        self.assertIn("<dd>Basic: a confident organiser</dd>", html)
        self.assertIn("<dd>High · not yet rated · not yet rated</dd>", html)

    def test_compare_shows_not_yet_rated_and_no_default(self):
        rated = builders.method(
            self.sections["finder"],
            "Rated one",
            slug="rated-one",
            facilitation_skill="specialist",
            depth_rating="high",
            breadth_rating="medium",
            reach_rating="low",
        )
        url = f"{self.sections['finder'].url}compare/?m={rated.slug}&m={self.method.slug}"
        html = self.client.get(url).content.decode()
        rows = dict(re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', html))
        self.assertEqual(re.findall(r"<td>([^<]*)</td>", rows["Depth"]), ["High", "Not yet rated"])
        self.assertEqual(
            re.findall(r"<td>([^<]*)</td>", rows["Facilitation skill"]),
            ["Specialist, independent team", "Not yet rated"],
        )


class TestFacetsNeededToPublish(AdminTestCase):
    def data_without_facets(self, title):
        data = self.method_data(title)
        data.pop("purposes")
        data.pop("topics")
        return data

    def test_publishing_without_purposes_or_topics_fails_on_the_at_a_glance_tab(self):
        data = {**self.data_without_facets("Unfiled"), "action-publish": "action-publish"}
        response = self.client.post(add_url(MethodPage, self.sections["finder"]), data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertEqual(
            errors["purposes"],
            ["Choose at least one purpose before publishing, so the finder can find it."],
        )
        self.assertEqual(
            errors["topics"],
            ["Choose at least one topic before publishing, so the finder can find it."],
        )
        self.assertFalse(MethodPage.objects.filter(slug="unfiled").exists())
        glance = tab_html(response.content.decode(), "at_a_glance")
        self.assertIn("Choose at least one purpose before publishing", glance)
        self.assertIn("Choose at least one topic before publishing", glance)

    def test_submitting_for_moderation_without_them_fails(self):
        data = {**self.data_without_facets("Unfiled"), "action-submit": "action-submit"}
        response = self.client.post(add_url(MethodPage, self.sections["finder"]), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("purposes", response.context["form"].errors)
        self.assertFalse(MethodPage.objects.filter(slug="unfiled").exists())

    def test_an_unknown_purpose_gets_its_own_error_only(self):
        data = {
            **self.data_without_facets("Misfiled"),
            "purposes": ["999999"],
            "action-publish": "action-publish",
        }
        response = self.client.post(add_url(MethodPage, self.sections["finder"]), data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertEqual(len(errors["purposes"]), 1)
        self.assertNotIn("before publishing", errors["purposes"][0])
        self.assertIn("before publishing", errors["topics"][0])

    def test_a_draft_may_lack_them(self):
        response = self.client.post(
            add_url(MethodPage, self.sections["finder"]), self.data_without_facets("Half done")
        )
        self.assertEqual(response.status_code, 302)
        page = MethodPage.objects.get(slug="half-done")
        self.assertFalse(page.live)

    def test_publishing_an_existing_draft_needs_them_too(self):
        draft = builders.method(self.sections["finder"], "Old draft", live=False)
        url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
        data = {**self.data_without_facets("Old draft"), "slug": draft.slug}
        response = self.client.post(url, {**data, "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("topics", response.context["form"].errors)
        draft.refresh_from_db()
        self.assertFalse(draft.live)
        data["purposes"] = [str(self.purpose.pk)]
        data["topics"] = [str(self.topic.pk)]
        response = self.client.post(url, {**data, "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 302)
        draft.refresh_from_db()
        self.assertTrue(draft.live)

    def test_a_draft_saved_while_in_moderation_needs_them(self):
        """A moderator approves the latest draft as it stands, so a draft saved while
        the guide is in moderation must keep its purposes and topics."""
        url = add_url(MethodPage, self.sections["finder"])
        data = self.method_data("Under review")
        response = self.client.post(url, {**data, "action-submit": "action-submit"})
        self.assertEqual(response.status_code, 302)
        page = MethodPage.objects.get(slug="under-review")
        self.assertTrue(page.workflow_in_progress)
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = self.client.post(edit, self.data_without_facets("Under review"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("purposes", response.context["form"].errors)


class TestLimitsAreSaid(AdminTestCase):
    def test_a_title_over_255_characters_is_an_error_not_a_cut(self):
        data = {**self.method_data("Long"), "title": "x" * 300}
        response = self.client.post(
            add_url(MethodPage, self.sections["finder"]), {**data, "action-publish": "1"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "at most 255 characters (it has 300)", response.context["form"].errors["title"][0]
        )
        self.assertFalse(MethodPage.objects.filter(slug="long").exists())
        # The browser keeps all 300 characters: no maxlength to cut them.
        title_input = re.search(r'<input[^>]*name="title"[^>]*>', response.content.decode())[0]
        self.assertNotIn("maxlength", title_input)
        self.assertIn('data-max-chars="255"', title_input)
        self.assertIn("x" * 300, title_input)

    def test_every_limited_text_field_states_its_limit_and_gets_a_counter(self):
        for model, parent in (
            (MethodPage, self.sections["finder"]),
            (EssayPage, self.sections["blog"]),
            (PrinciplePage, self.sections["principles"]),
        ):
            response = self.client.get(add_url(model, parent))
            form = response.context["form"]
            html = response.content.decode()
            limited = [
                (name, field)
                for name, field in form.fields.items()
                if isinstance(field, forms.CharField) and field.max_length
            ]
            self.assertTrue(limited)
            for name, field in limited:
                with self.subTest(model=model.__name__, field=name):
                    self.assertIn(f"{field.max_length} characters", str(field.help_text))
                    tag = re.search(rf'<(input|textarea)[^>]*name="{name}"[^>]*>', html)
                    self.assertIsNotNone(tag, name)
                    self.assertIn(f'data-max-chars="{field.max_length}"', tag[0])
                    self.assertNotIn("maxlength=", tag[0])
        self.assertIn("core/admin/editor-limits.js", html)

    def test_the_summary_is_a_three_line_box(self):
        html = self.client.get(add_url(MethodPage, self.sections["finder"])).content.decode()
        summary = re.search(r'<textarea[^>]*name="summary"[^>]*>', html)[0]
        self.assertIn('rows="3"', summary)
        self.assertIn('data-max-chars="280"', summary)


class TestHumanLabels(AdminTestCase):
    def test_the_method_editor_uses_human_labels(self):
        html = self.client.get(add_url(MethodPage, self.sections["finder"])).content.decode()
        for label in (
            "Fewest people",
            "Most people",
            "Source web address",
            "Strengths and limitations",
            "Question and answer",
            "Related method",
            "Combine with",
            "Add principle it supports or puts at risk",
            "Good for (purposes)",
            "&quot;label&quot;: &quot;Strength&quot;",
            "&quot;label&quot;: &quot;Limitation&quot;",
            "&quot;label&quot;: &quot;Step&quot;",
            "&quot;label&quot;: &quot;Point&quot;",
            "&quot;label&quot;: &quot;Use it when&quot;",
            "&quot;label&quot;: &quot;Cost line&quot;",
        ):
            self.assertIn(label, html)
        for bad in (
            "Participants min",
            "Participants max",
            "Source url",
            "Strengths limitations",
            "Faq",
            "Add Combine with",
            "Cost source",
        ):
            self.assertNotIn(bad, html)
        self.assertIn("Add related method", html)

    def test_the_finder_facets_share_one_tab_in_the_public_order(self):
        html = self.client.get(add_url(MethodPage, self.sections["finder"])).content.decode()
        glance = tab_html(html, "at_a_glance")
        order = [
            'name="family"',
            'name="min_level"',
            'name="participants_min"',
            'name="lead_time"',
            'name="cost_min"',
            'name="facilitation_skill"',
            'name="depth_rating"',
            'name="purposes"',
            'name="topics"',
        ]
        positions = [glance.index(marker) for marker in order]
        self.assertEqual(positions, sorted(positions))
        content = tab_html(html, "content")
        self.assertNotIn('name="purposes"', content)

    def test_principle_and_essay_editors_have_no_bare_names(self):
        for model, parent in (
            (PrinciplePage, self.sections["principles"]),
            (EssayPage, self.sections["blog"]),
        ):
            html = self.client.get(add_url(model, parent)).content.decode()
            for bad in ("Barriers enablers", "Source url", "Faq", "&quot;Url&quot;"):
                self.assertNotIn(bad, html, model.__name__)


@pytest.mark.django_db
def test_bulk_publish_refuses_a_guide_without_a_purpose_or_topic(
    client, sections, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("bulk", "b@example.org", "x"))
    unfiled = builders.method(sections["finder"], "Unfiled method", live=False)
    filed = builders.method(
        sections["finder"],
        "Filed method",
        live=False,
        topics=[builders.topic("Place")],
        purposes=[builders.purpose("Gather views")],
    )

    url = "/admin/bulk/wagtailcore/page/publish/"
    response = client.post(f"{url}?id={unfiled.pk}", follow=True)
    unfiled.refresh_from_db()
    assert not unfiled.live
    assert "choose at least one purpose and one topic" in response.content.decode()

    client.post(f"{url}?id={filed.pk}")
    filed.refresh_from_db()
    assert filed.live
