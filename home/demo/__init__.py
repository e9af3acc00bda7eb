"""Demo content for `manage.py load_demo_content`.

The data lives in small modules (taxonomy, images, methods, principles, essays and the
general pages); `loader.DemoLoader` builds it through Wagtail's page API.
"""

from .loader import DemoLoader, summary

__all__ = ["DemoLoader", "summary"]
