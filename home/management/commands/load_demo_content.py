"""Load the demo site: essays, method guides, principles, taxonomy and images.

    python manage.py load_demo_content           # build whatever is missing
    python manage.py load_demo_content --reset   # remove the demo content and rebuild

The content lives in home/demo/; this command only runs the loader, which builds the
pages through Wagtail's page API and, when anything was created, rebuilds the reference
index (for backlinks) and the search index.
"""

from django.core.management.base import BaseCommand

from home.demo import DemoLoader, summary
from site_project.core import invalidation


class Command(BaseCommand):
    help = "Create the demo content (idempotent); --reset removes it first and rebuilds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo pages, snippets, taxonomy and images, then rebuild them.",
        )

    def handle(self, *args, reset=False, verbosity=1, **options):
        loader = DemoLoader(log=lambda message: self.stderr.write(message))
        if reset and verbosity:
            self.stdout.write("Removing the demo content…")
        # One "everything changed" for the page cache, not one per page loaded.
        with invalidation.bulk():
            created = loader.load(reset=reset)
        if not verbosity:
            return
        if created:
            detail = f"created or updated {created} objects; reference and search indexes rebuilt"
        else:
            detail = "nothing to do, everything was already there"
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {summary()} ({detail})."))
