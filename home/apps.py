from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and general pages"

    def ready(self):
        # Content changes mark the cached pages that show them stale.
        from . import signals  # noqa: F401
