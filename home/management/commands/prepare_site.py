"""Everything `make run` needs before serving, in one process (one Django start-up):
migrate, load the demo content, give the site its public address, make sure the admin
account exists, make the files holding secrets private, collect static, and start
with an empty page cache (templates or styles may have changed).

Each step skips what is already done, so a second run takes a few seconds."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection


def private_files():
    """Files only the site's own user may read: the SQLite database (with its WAL and
    shared-memory files, which hold recent writes) and the generated secrets."""
    paths = [Path(settings.VAR_DIR) / "secret_key", Path(settings.VAR_DIR) / "admin_password"]
    if connection.vendor == "sqlite":
        database = Path(connection.settings_dict["NAME"])
        paths += [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    return [path for path in paths if path.exists()]


class Command(BaseCommand):
    help = "Migrate, load demo content, ensure the admin account, collect static files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-static", action="store_true", help="Skip collectstatic (e.g. for make serve)."
        )

    def handle(self, *args, no_static=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo_content", stdout=self.stdout, stderr=self.stderr)
        call_command("configure_site", stdout=self.stdout, stderr=self.stderr)
        call_command("ensure_admin", stdout=self.stdout, stderr=self.stderr)
        for path in private_files():
            path.chmod(0o600)
        if not no_static:
            call_command("collectstatic", interactive=False, verbosity=0)
        call_command("clear_page_cache", verbosity=0)
