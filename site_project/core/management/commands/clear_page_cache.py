"""Mark every cached page stale, and purge the front caches (CDN, proxy): after a
deploy (new templates or styles), or when in doubt. `prepare_site`, which `make serve`
runs on start, calls it."""

from django.core.management.base import BaseCommand

from site_project.core import invalidation


class Command(BaseCommand):
    help = "Make every cached page stale, on every instance, and purge the front caches."

    def handle(self, *args, **options):
        invalidation.invalidate(everything=True)  # outside a transaction: sent at once
        if options["verbosity"]:
            self.stdout.write("Page cache cleared.")
