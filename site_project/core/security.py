"""The Content-Security-Policy header: django-csp, with two decisions made per response.

* Under the admin (`CSP_ADMIN_PATH`), the sources in `CONTENT_SECURITY_POLICY_ADMIN`
  are added to the public policy: Wagtail's admin needs a few that public pages never
  do (see the settings for why each one is there).
* `frame-ancestors` follows X-Frame-Options: a response may be framed by this site
  only when its view asked to be (Wagtail's block previews say `SAMEORIGIN`) or it is
  a page preview, both shown in frames in the editor; everything else says `'none'`.

No nonce is ever used on public pages: the page cache hands one response, headers and
all, to every reader, so a nonce would be shared by all of them.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings


def _merged(first, second):
    """Two django-csp directive dicts as one, with the sources of both."""
    merged = {key: list(value) for key, value in (first or {}).items()}
    for key, value in (second or {}).items():
        merged[key] = [*merged.get(key, []), *value]
    return merged


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        # A preview is rendered through the whole middleware chain again, for a dummy
        # request to the page's public URL (Page.make_preview_request): it gets the
        # public policy, and may be framed by the admin's preview panel.
        preview = getattr(request, "is_preview", False)
        if request.path_info.startswith(settings.CSP_ADMIN_PATH) and not preview:
            parts.update = _merged(parts.update, settings.CONTENT_SECURITY_POLICY_ADMIN)
        if preview or response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
