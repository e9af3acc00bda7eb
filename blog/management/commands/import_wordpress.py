"""python manage.py import_wordpress EXPORT.xml [--pages] [--uploads DIR] [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError

from blog.wordpress import importer, parse


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become essays, categories topics, authors "
        "people; old addresses redirect to the new pages. Re-running updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The WordPress export, a .xml file (WXR 1.0–1.2).")
        parser.add_argument("--pages", action="store_true", help="Import pages as standard pages.")
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="A copy of wp-content/uploads: attachments found there become images.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done and write nothing."
        )

    def handle(self, *args, **options):
        if options["uploads"]:
            from pathlib import Path

            if not Path(options["uploads"]).is_dir():
                raise CommandError(f"The uploads folder {options['uploads']} does not exist.")
        try:
            export = parse.read(options["file"])
            report = importer.run(
                export,
                pages=options["pages"],
                uploads=options["uploads"],
                dry_run=options["dry_run"],
            )
        except parse.WXRError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.as_text())
