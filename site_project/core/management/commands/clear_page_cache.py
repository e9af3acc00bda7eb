"""Mark every cached page stale: after a deploy (new templates or styles), or when in
doubt. `prepare_site`, which `make serve` runs on start, calls it."""

from django.core.management.base import BaseCommand

from site_project.core import pagecache


class Command(BaseCommand):
    help = "Make every page in the page cache stale, on every instance sharing the cache."

    def handle(self, *args, **options):
        pagecache.invalidate_all()
        if options["verbosity"]:
            self.stdout.write("Page cache cleared.")
