"""WSGI entry point: gunicorn site_project.wsgi (production settings by default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")

application = get_wsgi_application()
