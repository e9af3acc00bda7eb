import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from site_project.api import api_router
from site_project.core.media import serve_public_media
from site_project.core.routing import FILE_SUBPAGE_PATTERN, serve_file_subpage

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document views; private documents are marked uncacheable.
    path("documents/", include("site_project.core.documents")),
    # The read API: live, public pages, images and documents as JSON (site_project/api.py).
    path("api/v2/", api_router.urls),
    path("", include("blog.urls")),
    path("", include("home.urls")),
]

if (settings.DEBUG or settings.SERVE_MEDIA) and not settings.MEDIA_URL.startswith("http"):
    # Uploaded images (never documents: see core/media.py). In production a web server
    # or object storage serves them; SERVE_MEDIA lets Django do it for a small setup.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_public_media,
        )
    ]

# Wagtail's page tree serves everything else, so it comes last; first the routable
# pages' sub-URLs that are files (the finder's export.csv and export.json).
urlpatterns += [
    re_path(FILE_SUBPAGE_PATTERN, serve_file_subpage),
    path("", include(wagtail_urls)),
]
