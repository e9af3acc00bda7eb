"""The explorer's bulk "Publish" and unfiled method guides (engagement/wagtail_hooks.py):
a batch with a guide lacking a purpose or a topic is refused whole, naming each such
guide; guides with both, and pages that are not guides, publish as usual; other bulk
actions are left alone."""

import pytest
from django.contrib.messages import get_messages

from engagement.models import MethodPage
from tests import builders

pytestmark = pytest.mark.django_db

BULK = "/admin/bulk/wagtailcore/page/{action}/"


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bulk", "b@example.org", "x"))
    return client


def bulk(client, action, *pages):
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{BULK.format(action=action)}?{query}")


def is_live(page):
    return type(page).objects.get(pk=page.pk).live


def test_a_batch_with_guides_lacking_a_purpose_or_a_topic_is_refused_naming_them(admin, sections):
    finder = sections["finder"]
    purpose_only = builders.method(
        finder, "Purpose only", live=False, purposes=[builders.purpose("Gather views")]
    )
    topic_only = builders.method(finder, "Topic only", live=False, topics=[builders.topic("Place")])
    filed = builders.method(
        finder,
        "Filed method",
        live=False,
        topics=[builders.topic("Place")],
        purposes=[builders.purpose("Gather views")],
    )
    response = bulk(admin, "publish", purpose_only, topic_only, filed)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{finder.pk}/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Not published: choose at least one purpose and one topic for “Purpose only”, "
        "“Topic only” first (on the “At a glance” tab), so the finder can find them."
    ]
    assert not any(is_live(page) for page in (purpose_only, topic_only, filed))


def test_filed_guides_and_other_pages_publish_in_a_batch(admin, sections):
    filed = builders.method(
        sections["finder"],
        "Filed method",
        live=False,
        topics=[builders.topic("Place")],
        purposes=[builders.purpose("Gather views")],
    )
    principle = builders.principle(sections["principles"], "A principle", live=False)
    bulk(admin, "publish", filed, principle)
    assert is_live(filed) and is_live(principle)


def test_an_unfiled_guide_can_still_be_unpublished_in_a_batch(admin, sections):
    unfiled = builders.method(sections["finder"], "Unfiled method")
    assert MethodPage.objects.get(pk=unfiled.pk).live
    bulk(admin, "unpublish", unfiled)
    assert not is_live(unfiled)
