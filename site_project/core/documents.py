"""Wagtail's document URLs, with one addition: a document behind a password or a login
(a private collection) is never kept by a browser's shared cache, a proxy or a CDN.

Without a Cache-Control header a CDN may keep a PDF by its extension and hand the copy
one permitted reader fetched to everyone after them."""

from django.urls import path, re_path
from wagtail.documents import get_document_model
from wagtail.documents.views import serve


def serve_document(request, document_id, document_filename):
    response = serve.serve(request, document_id, document_filename)
    document = get_document_model().objects.select_related("collection").get(id=document_id)
    if document.collection.get_view_restrictions().exists():
        response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
