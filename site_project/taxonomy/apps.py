from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "site_project.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomy"
