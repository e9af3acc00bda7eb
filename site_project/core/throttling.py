"""Password guessing, refused: the admin sign-in and the password forms of private pages
and documents allow a handful of wrong attempts, then pause.

django-axes counts failed sign-ins (settings: AXES_*). Wagtail's password forms for
private pages and documents do not sign anyone in, so axes never hears of them: the
middleware below reports their wrong passwords to axes as failed attempts for a
pseudo-username naming the restriction ("page password #3"), so they follow the same
rules, share the same counts per address, and show in the same admin list."""

import ipaddress
import math

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render

# Wagtail's URL names for the two password forms, and the label each attempt is
# counted under.
PASSWORD_FORMS = {
    "wagtailcore_authenticate_with_password": ("page password", "page_view_restriction_id"),
    "wagtaildocs_authenticate_with_password": ("document password", "restriction_id"),
}


def client_ip(request):
    """The reader's address: REMOTE_ADDR, or the right-most address in CLIENT_IP_HEADER
    (the one the trusted proxy added) when that is configured and well formed."""
    header = settings.CLIENT_IP_HEADER
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        candidate = request.META.get(meta_key, "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or None


def lockout_response(request, original_response=None, credentials=None):
    """The "too many attempts" page, for the admin sign-in and the password forms."""
    minutes = math.ceil(get_cool_off(request).total_seconds() / 60)
    username = (credentials or {}).get("username", "")
    is_password_form = any(username.startswith(label) for label, _ in PASSWORD_FORMS.values())
    response = render(
        request,
        "core/locked_out.html",
        {"minutes": minutes, "is_password_form": is_password_form},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


class PasswordFormThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        credentials = getattr(request, "password_form_credentials", None)
        # Wagtail answers a right password with a redirect and a wrong one with the form
        # again (200). AxesMiddleware turns the attempt that reaches the limit into the
        # lockout page.
        if credentials and response.status_code == 200:
            AxesProxyHandler.user_login_failed(
                sender=type(self), credentials=credentials, request=request
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in PASSWORD_FORMS:
            return None
        label, restriction_kwarg = PASSWORD_FORMS[match.url_name]
        credentials = {"username": f"{label} #{view_kwargs.get(restriction_kwarg)}"}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        request.password_form_credentials = credentials
        return None
