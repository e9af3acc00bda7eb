"""WSGI entry point: gunicorn site_project.wsgi (production settings by default)."""

import os

from django.core.wsgi import get_wsgi_application

from site_project.core.pagecache import FastPath

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")

# Page-cache hits are answered before Django's request handling (see pagecache).
application = FastPath(get_wsgi_application())
