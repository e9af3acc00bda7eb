from django.apps import AppConfig


class BlocksConfig(AppConfig):
    """Installed only so the block templates next to the library are found."""

    name = "site_project.blocks"
    label = "blocks"
    verbose_name = "StreamField block library"
