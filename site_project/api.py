"""Wagtail's read API (v2) at /api/v2/: pages, images and documents, read-only, as JSON.

Only what any reader may see, whoever asks:

* pages: live ones outside every private section. Wagtail's own endpoint lets a
  request through to a section whose password it has entered (or whose group it is in);
  here the session makes no difference, so an answer never depends on who asked;
* documents and images: none from a private collection (Wagtail's document endpoint,
  too, would list them to a reader who has entered the collection's password).

Every answer names the site's licence (site settings) in a `Link: <…>; rel="license"`
header, and listings also in `meta.licence`. The API is JSON only: the browsable HTML
renderer is left out (`rest_framework` is not in INSTALLED_APPS), since its pages would
need more than the site's Content-Security-Policy allows. Answers are not kept in the
page cache (PAGE_CACHE_EXCLUDED_PATHS), nor by a proxy or CDN (`no-cache`): there
would be too many variants to purge.
"""

from django.db.models import Q
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from site_project.core.models import SiteSettings
from site_project.core.visibility import public_q


def licence_for(request):
    return SiteSettings.for_request(request).licence


def restricted_collection_ids():
    """Collections behind a password or login, with every collection below them."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    if not private:
        return []
    return list(Collection.objects.filter(private).values_list("pk", flat=True))


class LicensedMixin:
    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["meta"]["licence"] = licence_for(self.request)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        licence = licence_for(request)
        if isinstance(response, Response) and licence and licence["url"]:
            response["Link"] = f'<{licence["url"]}>; rel="license"'
        user = getattr(request._request, "user", None)
        if not (user and user.is_authenticated) and not response.has_header("Cache-Control"):
            # Not kept by a proxy or CDN either: asked again each time, so a page that is
            # unpublished or made private leaves the API at once. (Editors' answers are
            # marked `private, no-store` by the page cache middleware.)
            response["Cache-Control"] = "no-cache"
        return response


class PublicPagesAPIViewSet(LicensedMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail's: live pages of the requested site, less the private sections this
        # request has not been let into; then less every private section.
        return super().get_base_queryset().filter(public_q())


class PublicImagesAPIViewSet(LicensedMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collection_ids())


class PublicDocumentsAPIViewSet(LicensedMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collection_ids())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
