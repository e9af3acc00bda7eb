"""Make sure an 'admin' superuser exists, without ever changing an existing one.

The password comes from ADMIN_PASSWORD; otherwise one is generated on the first run and
kept in var/admin_password (readable by its owner only) so later runs reuse it. It is
never printed: output ends up in server logs."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the 'admin' superuser if it does not exist yet."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Admin account '{USERNAME}' already exists.")
            return

        password = os.environ.get("ADMIN_PASSWORD", "").strip()
        if not password:
            password = self._stored_or_new_password()
        User.objects.create_superuser(USERNAME, email="admin@example.org", password=password)
        self.stdout.write(self.style.SUCCESS(f"Created admin account '{USERNAME}'."))

    def _stored_or_new_password(self):
        path = Path(settings.VAR_DIR) / "admin_password"
        if path.exists():
            return path.read_text().strip()
        password = secrets.token_urlsafe(12)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created private, rather than made private after it is written.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(password + "\n")
        self.stdout.write(
            self.style.WARNING(
                f"Generated a password for '{USERNAME}' and saved it in {path} "
                f"(read it with: cat {path}; set ADMIN_PASSWORD to choose your own)."
            )
        )
        return password
