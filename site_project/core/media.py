"""Uploaded images, served by Django when SERVE_MEDIA is on (a small or local setup;
normally the web server or object storage serves them).

Only image files are public. Documents live in MEDIA_ROOT too, but are only ever
served through Wagtail's document view (/documents/<id>/<name>), which checks their
collection's privacy: by their file path they do not exist."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PUBLIC_MEDIA_FOLDERS = ("images/", "original_images/")


def serve_public_media(request, path):
    # Normalised first, so "images/../documents/x.pdf" is judged as what it opens.
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(PUBLIC_MEDIA_FOLDERS):
        raise Http404("Not a public media file")
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        # A name too long for the file system, a folder in place of a file...: the
        # reader asked for something that is not there.
        raise Http404("No such media file") from error
