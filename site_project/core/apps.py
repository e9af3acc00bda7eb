from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "site_project.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from .images import keep_parsed_filters

        keep_parsed_filters()
