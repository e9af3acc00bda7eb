"""Local development: SQLite, DEBUG on, a fixed insecure key unless one is given."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-dev-only-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env_str("SITE_URL") or f"http://127.0.0.1:{env_str('PORT') or 8000}"

# Serve static files through whitenoise in development too, so what you see under
# runserver is what production serves.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Templates and code change under a developer's feet: serve every page fresh unless
# asked (PAGE_CACHE=true), so what you edit is what you see.
PAGE_CACHE = env_bool("PAGE_CACHE", False)
