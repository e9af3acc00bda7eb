"""Load the demo site: essays, method guides, principles, taxonomy and images.

    python manage.py load_demo_content           # build whatever is missing
    python manage.py load_demo_content --reset   # remove the demo content and rebuild

The content itself lives in home/demo/; this command only runs the loader.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from home.demo import DemoLoader, summary


class Command(BaseCommand):
    help = "Create the demo content (idempotent); --reset removes it first and rebuilds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo pages, snippets, taxonomy and images, then rebuild them.",
        )

    def handle(self, *args, reset=False, verbosity=1, **options):
        loader = DemoLoader(log=lambda message: self.stdout.write(self.style.WARNING(message)))
        if reset:
            self.stdout.write("Removing the demo content…")
        created = loader.load(reset=reset)
        if created:
            # Links inside rich text and StreamField only count as backlinks once the
            # reference index knows them; site search needs the new pages indexed.
            call_command("rebuild_references_index", verbosity=0)
            call_command("update_index", verbosity=0)
            detail = f"created or updated {created} objects"
        else:
            detail = "nothing to do, everything was already there"
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {summary()} ({detail})."))
