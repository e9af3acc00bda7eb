"""Settings → Import from WordPress (superusers only)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .wordpress.views import can_import, import_view


@hooks.register("register_admin_urls")
def wordpress_import_urls():
    return [path("wordpress-import/", import_view, name="blog_wordpress_import")]


class WordPressImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_settings_menu_item")
def wordpress_import_menu_item():
    return WordPressImportMenuItem(
        "Import from WordPress",
        reverse("blog_wordpress_import"),
        name="wordpress-import",
        icon_name="download",
        order=900,
    )
