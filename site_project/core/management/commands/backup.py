"""Back up the whole site into one archive: the database (a consistent copy, taken
while the site keeps serving and editing) and every file in MEDIA_ROOT, with a manifest
of sizes and SHA-256 digests. `make backup` runs it; `restore` reads the archive.

The archive is written to BACKUP_DIR (var/backups/) under a temporary name and renamed
when complete, readable by its owner only: it holds every account's password hash."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_project.core import backup
from site_project.core.content import describe


class Command(BaseCommand):
    help = "Write the database and media into one archive in var/backups/ and print its path."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            help="Folder for the archive (default: BACKUP_DIR, var/backups/). Created "
            "readable by its owner only.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, output_dir=None, database="default", **options):
        output_dir = Path(output_dir or settings.BACKUP_DIR)
        try:
            path, manifest = backup.create_backup(output_dir, using=database, log=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        db = manifest["database"]
        media = manifest["media"]
        media_size = sum(entry["size"] for entry in media["files"])
        held = describe(manifest["content"].items()) or "no content yet"
        self.stdout.write(
            f"Database: {backup.ENGINE_NAMES[db['engine']]}, {backup.human_size(db['size'])} "
            f"({held})."
        )
        if media["included"]:
            self.stdout.write(
                f"Media: {len(media['files'])} files, {backup.human_size(media_size)}."
            )
        else:
            self.stdout.write(
                self.style.WARNING("Media: not included (object storage; back the bucket up).")
            )
        self.stdout.write(
            self.style.SUCCESS(f"Backup written ({backup.human_size(path.stat().st_size)}):")
        )
        self.stdout.write(str(path))
