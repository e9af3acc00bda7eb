"""Settings for the test suite: the dev database engine choice (DATABASE_URL or
SQLite), fast hashing, no debug."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-that-is-long-enough-for-django-checks-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
