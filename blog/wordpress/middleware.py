"""WordPress's short addresses (`/?p=123`, `/?page_id=7`, `/?cat=4`) ask for the home
page with a query string. The home page answers them, so Wagtail's redirect
middleware, which acts only on a 404, never would: this looks them up first."""

from django import http
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_PARAMETERS = {"p", "page_id", "cat"}


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and WORDPRESS_PARAMETERS & request.GET.keys():
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                if redirect.is_permanent:
                    return http.HttpResponsePermanentRedirect(redirect.link)
                return http.HttpResponseRedirect(redirect.link)
        return self.get_response(request)
