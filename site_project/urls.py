import re

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("blog.urls")),
    path("", include("home.urls")),
]

if (settings.DEBUG or settings.SERVE_MEDIA) and not settings.MEDIA_URL.startswith("http"):
    # Uploaded images and documents. In production a web server or object storage
    # should serve MEDIA_ROOT; SERVE_MEDIA lets Django do it for a small or local setup.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
