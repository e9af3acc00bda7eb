"""Private documents stay private: a document in a restricted collection is only ever
served through Wagtail's document view after its check, never by its file's path, and
no cache is allowed to keep it. Odd media paths are a clean 404."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.documents.views import serve
from wagtail.models import Collection, CollectionViewRestriction

from site_project.core.documents import serve_document
from tests import builders

pytestmark = pytest.mark.django_db

SECRET = b"minutes of the closed session"


@pytest.fixture
def serving_media(settings):
    """The URLs as `make serve` has them: Django serving uploads (SERVE_MEDIA)."""
    import site_project.urls

    settings.SERVE_MEDIA = True
    clear_url_caches()
    importlib.reload(site_project.urls)
    yield
    settings.SERVE_MEDIA = False
    clear_url_caches()
    importlib.reload(site_project.urls)


def restricted_document(restriction_type="password"):
    collection = Collection.get_first_root_node().add_child(name=f"Closed ({restriction_type})")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password="open-sesame-42"
    )
    return get_document_model().objects.create(
        title="Closed session", file=ContentFile(SECRET, name="closed.txt"), collection=collection
    )


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def every_address_of(document):
    name = document.file.name  # documents/closed.txt, or a name storage made unique
    return [
        document.url,
        f"/media/{name}",
        f"/media//{name}",
        f"/media/images/../{name}",
        f"/media/original_images/../../media/{name}",
        f"/media/images/%2e%2e/{name}",
        f"/media/./{name}",
    ]


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_restricted_document_cannot_be_fetched_by_any_address(
    client, serving_media, restriction_type
):
    document = restricted_document(restriction_type)
    for address in every_address_of(document):
        response = client.get(address)
        assert SECRET not in body(response), address
        assert response.status_code in (200, 302, 404), address


def test_a_document_is_linked_through_the_document_view(serving_media):
    document = restricted_document()
    assert document.url == f"/documents/{document.id}/{document.filename}"
    assert not document.url.startswith("/media/")


def test_the_password_opens_the_document_and_no_shared_cache_may_keep_it(client):
    document = restricted_document()
    form = client.get(document.url)
    assert SECRET not in body(form)
    assert "private" in form["Cache-Control"]
    restriction = CollectionViewRestriction.objects.get()
    client.post(
        f"/documents/authenticate_with_password/{restriction.id}/",
        {"password": "open-sesame-42", "return_url": document.url},
    )
    response = client.get(document.url)
    assert body(response) == SECRET
    assert response["Cache-Control"] == "private, no-store"


def test_a_public_document_is_served_and_may_be_cached(client):
    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"open figures", name="report.txt")
    )
    response = client.get(document.url)
    assert body(response) == b"open figures"
    assert "no-store" not in response.get("Cache-Control", "")


def test_image_files_are_still_served(client, serving_media):
    image = builders.image("Market square")
    rendition = image.get_rendition("width-200")
    for url in (rendition.url, image.file.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response)[:2] == b"\xff\xd8"  # a JPEG


def test_an_image_address_is_judged_as_the_file_it_opens(client, serving_media):
    """A doubled slash still opens the image (as the web server would); a folder name
    with anything before it is not an image folder."""
    name = builders.image("Market square").file.name  # original_images/market-square.jpg
    assert client.get(f"/media//{name}").status_code == 200
    assert client.get(f"/media/./{name}").status_code == 200
    assert client.get(f"/media/X{name}").status_code == 404
    assert client.get(f"/media/X/../{name}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/" + "a" * 3000 + ".jpg",
        "/media/images/" + "a/" * 2000 + "x.jpg",
        "/media/images/%00.jpg",
        "/media/images/",
        "/media/",
        "/media/original_images/nothing-here.png",
    ],
)
def test_odd_media_paths_are_a_clean_not_found(client, serving_media, path):
    assert client.get(path).status_code == 404


def test_checking_a_documents_collection_for_restrictions_costs_two_queries(rf):
    """Wagtail's document view does its own reads; the site's check that the document is
    private adds two: the document with its collection, and the collection's
    restrictions."""
    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"open figures", name="report.txt")
    )
    arguments = (document.id, document.filename)
    with CaptureQueriesContext(connection) as wagtails:
        serve.serve(rf.get(document.url), *arguments)
    with CaptureQueriesContext(connection) as ours:
        serve_document(rf.get(document.url), *arguments)
    assert len(ours) == len(wagtails) + 2
