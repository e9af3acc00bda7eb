"""Everything `make run` needs before serving, in one process (one Django start-up):
migrate, load the demo content, make sure the admin account exists, collect static,
and start with an empty page cache (templates or styles may have changed).

Each step skips what is already done, so a second run takes a few seconds."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load demo content, ensure the admin account, collect static files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-static", action="store_true", help="Skip collectstatic (e.g. for make serve)."
        )

    def handle(self, *args, no_static=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo_content", stdout=self.stdout, stderr=self.stderr)
        call_command("ensure_admin", stdout=self.stdout, stderr=self.stderr)
        if not no_static:
            call_command("collectstatic", interactive=False, verbosity=0)
        call_command("clear_page_cache", verbosity=0)
