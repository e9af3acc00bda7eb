from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .rich_text import TreePageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its "page" one.
@hooks.register("register_rich_text_features", order=1)
def page_links_in_one_query(features):
    features.register_link_type(TreePageLinkHandler)


@hooks.register("register_admin_viewset")
def register_lockouts():
    from .lockouts import LockoutViewSet

    return LockoutViewSet()


@hooks.register("insert_global_admin_js")
def editor_limits_js():
    """Live character counts for limited text fields, and error counts on editor tabs
    that include errors inside StreamField blocks (a static file: no inline script)."""
    return format_html('<script src="{}" defer></script>', static("core/admin/editor-limits.js"))
