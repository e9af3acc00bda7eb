"""A team out of the box (issue 9): the Editors and Moderators groups that the data
migration site_project/core/migrations/0002_editorial_team.py sets up.

Everything here goes through the real admin views, as a person in each group would:
an editor writes drafts, uploads files, edits the taxonomy and submits for moderation
but cannot publish or touch site-wide settings; a moderator approves, publishes and
looks after settings, redirects and search promotions."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_modeladmin.helpers import AdminURLHelper

from blog.models import EssayPage
from engagement.models import Framework, MethodPage
from site_project.core.models import Person, SiteSettings
from site_project.taxonomy.models import EngagementLevel, MethodFamily, Purpose, Topic
from tests import builders

# --- What each group may do: change these only on purpose ------------------------------

EDITORS = {
    "model": {
        "wagtailadmin.access_admin",
        "taxonomy.add_topic",
        "taxonomy.change_topic",
        "taxonomy.add_engagementlevel",
        "taxonomy.change_engagementlevel",
        "taxonomy.add_purpose",
        "taxonomy.change_purpose",
        "taxonomy.add_methodfamily",
        "taxonomy.change_methodfamily",
        "core.add_person",
        "core.change_person",
        "engagement.add_framework",
        "engagement.change_framework",
    },
    # On the root of the page tree: write and edit any page, never publish.
    "page": {"add_page", "change_page"},
    # On the root collection (Wagtail treats deleting an image or document as changing it).
    "collection": {
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    },
}
MODERATORS = {
    "model": EDITORS["model"]
    | {
        "taxonomy.delete_topic",
        "taxonomy.delete_engagementlevel",
        "taxonomy.delete_purpose",
        "taxonomy.delete_methodfamily",
        "core.delete_person",
        "engagement.delete_framework",
        "core.change_sitesettings",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    },
    "page": {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
    "collection": EDITORS["collection"],
}

# Uploads go to memory, not to the test media folder.
IN_MEMORY_STORAGES = {
    **settings.STORAGES,
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}


def group_permissions(name):
    group = Group.objects.get(name=name)
    return {
        "model": {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        },
        "page": {
            (p.page.depth, p.permission.codename)
            for p in GroupPagePermission.objects.filter(group=group).select_related(
                "page", "permission"
            )
        },
        "collection": {
            (
                p.collection.depth,
                f"{p.permission.content_type.app_label}.{p.permission.codename}",
            )
            for p in GroupCollectionPermission.objects.filter(group=group).select_related(
                "collection", "permission__content_type"
            )
        },
    }


def expected(spec):
    return {
        "model": spec["model"],
        "page": {(1, codename) for codename in spec["page"]},
        "collection": {(1, name) for name in spec["collection"]},
    }


# --- Fixtures -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def in_memory_uploads(settings):
    settings.STORAGES = IN_MEMORY_STORAGES


def member(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    assert not (user.is_staff or user.is_superuser)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return member(django_user_model, "edna", "Editors")


@pytest.fixture
def moderator(db, django_user_model):
    return member(django_user_model, "mo", "Moderators")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


# --- Form data, as the admin's page editor posts it ------------------------------------


def essay_form(title, topics=(), summary="Why listening needs a feedback loop.", **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": "2025-03-01",
            "summary": summary,
            "body": streamfield(
                [
                    ("heading", {"text": "What we heard", "level": "h2"}),
                    ("paragraph", rich_text("<p>People want to see what changed.</p>")),
                ]
            ),
            "authors": inline_formset([]),
            "method_links": inline_formset([]),
            "principle_links": inline_formset([]),
        }
    )
    data["topics"] = [str(t.pk) for t in topics]
    data.update(extra)
    return data


def method_form(title, levels, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": "A small group weighs evidence and recommends.",
            "min_level": str(levels["consult"].pk),
            "max_level": str(levels["involve"].pk),
            "facilitation_skill": "specialist",
            "depth_rating": "high",
            "breadth_rating": "medium",
            "reach_rating": "low",
            "body": streamfield([]),
            "related_method_links": inline_formset([]),
            "principle_links": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def add_page(client, parent, model, data):
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    return client.post(url, data)


def edit_page(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def form_errors(response):
    if response.context and "form" in response.context:
        return response.context["form"].errors
    return response.status_code


def assert_refused(response):
    """Wagtail answers a forbidden admin page with 403, or a redirect to the dashboard
    with a "Sorry, you do not have permission" message."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home"), response.url
    else:
        assert response.status_code == 403, response.status_code


def settings_url():
    site = Page.objects.get(depth=2).get_site()
    return reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])


def approve(client, page):
    """The moderator's "Approve" on the page's current task (the admin's workflow action)."""
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": "Looks good."})


# --- The groups -----------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_have_exactly_the_intended_permissions():
    assert group_permissions("Editors") == expected(EDITORS)


@pytest.mark.django_db
def test_moderators_have_exactly_the_intended_permissions():
    assert group_permissions("Moderators") == expected(MODERATORS)


@pytest.mark.django_db
def test_the_whole_page_tree_goes_through_moderators_approval():
    root = Page.objects.get(depth=1)
    workflow = root.get_workflow()
    assert workflow is not None and workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert [type(task) for task in tasks] == [GroupApprovalTask]
    assert [g.name for g in tasks[0].groups.all()] == ["Moderators"]
    assert Collection.objects.get(depth=1).name == "Root"


@pytest.mark.django_db
def test_the_migration_is_idempotent():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("site_project.core.migrations.0002_editorial_team")
    before = {name: group_permissions(name) for name in ("Editors", "Moderators")}
    migration.set_team_permissions(apps, None)
    after = {name: group_permissions(name) for name in ("Editors", "Moderators")}
    assert after == before
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    assert GroupApprovalTask.objects.filter(name="Moderators approval").count() == 1


# --- An editor ------------------------------------------------------------------------


def test_editor_opens_the_admin_and_sees_the_taxonomy_menu(editor_client, sections):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Taxonomy" in html
    assert editor_client.get(AdminURLHelper(Topic).get_action_url("index")).status_code == 200
    assert editor_client.get(reverse("wagtailsnippets_core_person:list")).status_code == 200


def test_editor_writes_drafts_of_an_essay_and_a_method_guide(editor_client, editor, sections):
    levels = builders.levels()
    topic = builders.topic("Housing")

    response = add_page(
        editor_client, sections["blog"], EssayPage, essay_form("Listening properly", [topic])
    )
    assert response.status_code == 302, form_errors(response)
    essay = EssayPage.objects.get(slug="listening-properly")
    assert not essay.live and essay.owner == editor
    assert list(essay.get_latest_revision_as_object().topics.all()) == [topic]

    response = add_page(
        editor_client, sections["finder"], MethodPage, method_form("Citizens jury", levels)
    )
    assert response.status_code == 302, form_errors(response)
    method = MethodPage.objects.get(slug="citizens-jury")
    assert not method.live

    # The edit view opens, and a change is saved as a new draft revision.
    edit_url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    assert editor_client.get(edit_url).status_code == 200
    response = edit_page(editor_client, essay, essay_form("Listening, revised", [topic]))
    assert response.status_code == 302, form_errors(response)
    assert essay.revisions.count() == 2


def test_editor_cannot_publish(editor_client, editor, sections, site):
    # "Publish" on a new page leaves a draft ...
    response = add_page(
        editor_client,
        sections["blog"],
        EssayPage,
        essay_form("Not yet", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302, form_errors(response)
    assert not EssayPage.objects.get(slug="not-yet").live

    # ... and on a live page it leaves the live version alone.
    essay = site["essay"]
    response = edit_page(
        editor_client, essay, essay_form("Sneaked out", **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302, form_errors(response)
    essay.refresh_from_db()
    assert essay.title == "On prevention"
    assert "Sneaked out" not in Client().get(essay.url).content.decode()
    assert not essay.permissions_for_user(editor).can_publish()


def test_editor_submits_for_moderation_but_cannot_approve(editor_client, sections):
    response = add_page(
        editor_client,
        sections["blog"],
        EssayPage,
        essay_form("For review", **{"action-submit": "action-submit"}),
    )
    assert response.status_code == 302, form_errors(response)
    essay = EssayPage.objects.get(slug="for-review")
    assert essay.workflow_in_progress
    assert essay.current_workflow_task.name == "Moderators approval"

    approve(editor_client, essay)
    essay.refresh_from_db()
    assert not essay.live
    assert essay.workflow_in_progress


def test_editor_adds_taxonomy_terms_people_and_frameworks(editor_client, db):
    posts = [
        (
            AdminURLHelper(Topic).get_action_url("create"),
            {"name": "Climate", "slug": "climate", "description": "", "parent": ""},
        ),
        (
            AdminURLHelper(Purpose).get_action_url("create"),
            {"name": "Build trust", "slug": "build-trust", "description": "", "sort_order": "1"},
        ),
        (
            AdminURLHelper(MethodFamily).get_action_url("create"),
            {"name": "Mini-publics", "slug": "mini-publics", "description": ""},
        ),
        (
            AdminURLHelper(EngagementLevel).get_action_url("create"),
            {
                "name": "Co-produce",
                "slug": "co-produce",
                "rank": "7",
                "on_spectrum": "",
                "expectation": "Shared ownership.",
            },
        ),
        (
            reverse("wagtailsnippets_core_person:add"),
            {"name": "Sam Okafor", "role": "Organiser", "bio": ""},
        ),
        (
            reverse("wagtailsnippets_engagement_framework:add"),
            {
                "name": "Gunning principles",
                "publisher": "",
                "year": "",
                "url": "",
                "description": "",
                "sort_order": "0",
            },
        ),
    ]
    for url, data in posts:
        assert editor_client.get(url).status_code == 200, url
        response = editor_client.post(url, data)
        assert response.status_code == 302, (url, form_errors(response))
    assert Topic.objects.filter(slug="climate").exists()
    assert Purpose.objects.filter(slug="build-trust").exists()
    assert MethodFamily.objects.filter(slug="mini-publics").exists()
    assert EngagementLevel.objects.filter(slug="co-produce").exists()
    assert Person.objects.filter(name="Sam Okafor").exists()
    assert Framework.objects.filter(name="Gunning principles").exists()

    # Editing is allowed; deleting is the moderators' (it is live at once, unreviewed).
    topic = Topic.objects.get(slug="climate")
    helper = AdminURLHelper(Topic)
    response = editor_client.post(
        helper.get_action_url("edit", topic.pk),
        {"name": "Climate and nature", "slug": "climate", "description": "", "parent": ""},
    )
    assert response.status_code == 302, form_errors(response)
    topic.refresh_from_db()
    assert topic.name == "Climate and nature"
    assert_refused(editor_client.post(helper.get_action_url("delete", topic.pk)))
    assert Topic.objects.filter(pk=topic.pk).exists()


def png_bytes():
    return get_test_image_file(size=(64, 48)).file.getvalue()


def test_editor_uploads_an_image_and_a_document(editor_client, db):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Workshop", "file": SimpleUploadedFile("workshop.png", png_bytes())},
    )
    assert response.status_code == 302, form_errors(response)
    assert Image.objects.filter(title="Workshop").exists()

    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Consultation report",
            "file": SimpleUploadedFile("report.txt", b"What we heard."),
        },
    )
    assert response.status_code == 302, form_errors(response)
    assert Document.objects.filter(title="Consultation report").exists()
    assert editor_client.get(reverse("wagtailimages:index")).status_code == 200
    assert editor_client.get(reverse("wagtaildocs:index")).status_code == 200


def test_editor_cannot_open_settings_redirects_or_search_promotions(editor_client, sections):
    for url in (
        settings_url(),
        reverse("wagtailredirects:index"),
        reverse("wagtailredirects:add"),
        reverse("wagtailsearchpromotions:index"),
        reverse("wagtailsearchpromotions:add"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_workflows:index"),
    ):
        assert_refused(editor_client.get(url))


# --- A moderator ----------------------------------------------------------------------


def test_moderator_approves_a_submitted_page_and_it_goes_live(
    editor_client, moderator_client, sections
):
    add_page(
        editor_client,
        sections["blog"],
        EssayPage,
        essay_form("Ready to go", **{"action-submit": "action-submit"}),
    )
    essay = EssayPage.objects.get(slug="ready-to-go")
    assert Client().get("/essays/ready-to-go/").status_code == 404

    response = approve(moderator_client, essay)
    assert response.status_code == 302
    essay.refresh_from_db()
    assert essay.live and not essay.workflow_in_progress
    assert Client().get(essay.url).status_code == 200


def test_moderator_publishes_directly(moderator_client, sections):
    response = add_page(
        moderator_client,
        sections["blog"],
        EssayPage,
        essay_form("Straight out", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302, form_errors(response)
    essay = EssayPage.objects.get(slug="straight-out")
    assert essay.live
    assert "Straight out" in Client().get(essay.url).content.decode()


def test_moderator_edits_site_settings(moderator_client, sections):
    url = settings_url()
    assert moderator_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "site_name": "Community Voices",
            "tagline": "",
            "footer_text": "",
            "social_links": streamfield([]),
            "default_share_image": "",
            "review_interval_months": "12",
        }
    )
    response = moderator_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert SiteSettings.objects.get().site_name == "Community Voices"


def test_moderator_manages_redirects_and_search_promotions(moderator_client, site):
    assert moderator_client.get(reverse("wagtailredirects:index")).status_code == 200
    response = moderator_client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/old-essay",
            "site": "",
            "is_permanent": "on",
            "redirect_page": str(site["essay"].pk),
            "redirect_link": "",
        },
    )
    assert response.status_code == 302, form_errors(response)
    assert Redirect.objects.filter(old_path="/old-essay").exists()

    assert moderator_client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    response = moderator_client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "jury",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": site["jury"].pk,
            "editors_picks-0-description": "Start here",
        },
    )
    assert response.status_code == 302, form_errors(response)
    assert Query.get("jury").editors_picks.filter(page=site["jury"]).exists()


# --- The whole round ------------------------------------------------------------------


def test_edit_submit_approve_publish_round_with_a_taxonomy_change(
    editor_client, moderator_client, site
):
    """An editor revises a live essay and renames one of its topics, submits; the
    public page keeps the old essay until a moderator approves, then shows the new."""
    essay, prevention = site["essay"], site["prevention"]
    reader = Client()
    assert "On prevention" in reader.get(essay.url).content.decode()

    # The topic rename is not moderated: taxonomy terms are live as soon as saved.
    helper = AdminURLHelper(Topic)
    response = editor_client.post(
        helper.get_action_url("edit", prevention.pk),
        {
            "name": "Preventive care",
            "slug": prevention.slug,
            "description": "Stopping problems before they start.",
            "parent": str(site["care"].pk),
        },
    )
    assert response.status_code == 302, form_errors(response)

    response = edit_page(
        editor_client,
        essay,
        essay_form(
            "On preventive care",
            topics=[prevention],
            summary="Revised after the spring workshops.",
            slug=essay.slug,
            **{"action-submit": "action-submit"},
        ),
    )
    assert response.status_code == 302, form_errors(response)
    essay.refresh_from_db()
    assert essay.workflow_in_progress
    html = reader.get(essay.url).content.decode()
    assert "On preventive care" not in html, "not live before approval"

    response = approve(moderator_client, essay)
    assert response.status_code == 302
    essay.refresh_from_db()
    assert essay.live and not essay.has_unpublished_changes
    assert essay.title == "On preventive care"

    html = reader.get(essay.url).content.decode()
    assert "On preventive care" in html
    assert "Revised after the spring workshops." in html
    assert "Preventive care" in html
    topic_page = reader.get(reverse("topic_detail", args=[prevention.slug])).content.decode()
    assert "Preventive care" in topic_page
    assert "On preventive care" in topic_page
