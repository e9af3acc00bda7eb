from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "site_project.core"
    label = "core"
    verbose_name = "Site"
