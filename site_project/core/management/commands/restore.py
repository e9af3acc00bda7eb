"""Restore a backup made by `backup` into the configured database and MEDIA_ROOT
(`make restore BACKUP=path [FORCE=1]`).

Nothing is changed until the whole archive has been read and every file matches the
manifest's digest. A database that already holds content (any account, page below the
home page, revision, image or document), or uploads the backup would replace or delete,
are only overwritten with --force. The database is replaced in one transaction; MEDIA_ROOT
is then made to hold exactly the backup's files; `migrate` runs if the backup is older
than the code; and every cache, the page cache and front caches included, starts afresh."""

import shutil
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from site_project.core import backup
from site_project.core.caches import clear_site_caches
from site_project.core.content import describe, plural


class Command(BaseCommand):
    help = "Restore a backup archive into the configured database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database (and uploads) that already hold content.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, archive, force=False, database="default", **options):
        connection = connections[database]
        try:
            engine = backup.engine_of(connection)
            media_root = backup.local_media_root()
            staging = Path(backup.staging_folder(media_root))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        try:
            self._restore(connection, engine, media_root, Path(archive), staging, force)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _restore(self, connection, engine, media_root, archive, staging, force):
        out = self.stdout.write
        out(f"Checking {archive}…")
        manifest = backup.unpack(archive, staging)
        db, media = manifest["database"], manifest["media"]
        media_size = sum(entry["size"] for entry in media["files"])
        out(
            f"  Backup made {manifest['created_at']} (Django {manifest['versions']['django']}, "
            f"Wagtail {manifest['versions']['wagtail']}): "
            f"{backup.ENGINE_NAMES[db['engine']]} database, {backup.human_size(db['size'])}; "
            + (
                f"{plural(len(media['files']), 'media file')}, {backup.human_size(media_size)}"
                if media["included"]
                else "no media (object storage)"
            )
            + ". Every checksum matches."
        )

        if db["engine"] != engine:
            raise backup.BackupError(
                f"This is a backup of a {backup.ENGINE_NAMES[db['engine']]} database, and "
                f"the configured database is {backup.ENGINE_NAMES[engine]}: restoring across "
                "database engines is not supported. Restore it with a "
                f"{backup.ENGINE_NAMES[db['engine']]} database configured"
                + (" (DATABASE_URL unset)." if db["engine"] == "sqlite" else " (DATABASE_URL).")
            )
        older = backup.check_migrations(connection, manifest)

        restore_media = media["included"] and media_root is not None
        overwritten = self._content_at_risk(connection, media_root, manifest, restore_media)
        if overwritten and not force:
            raise CommandError(
                "Restore refused: "
                + "; ".join(overwritten)
                + ".\nRestoring would replace it. Back it up first (make backup), then run "
                "`make restore BACKUP=… FORCE=1` (or manage.py restore --force)."
            )
        if overwritten:
            out(f"--force: replacing what is there ({'; '.join(overwritten)}).")

        target = connection.settings_dict["NAME"]
        out(f"Restoring the database into {backup.ENGINE_NAMES[engine]} '{target}'…")
        if engine == "sqlite":
            backup.restore_sqlite(connection, staging / db["file"])
        else:
            backup.restore_postgresql(connection, staging / db["file"], staging)
            # Tables were dropped and made again under this connection: start a new one.
            connection.close()
        ContentType.objects.clear_cache()

        if restore_media:
            out(f"Restoring media into {media_root}…")
            written, unchanged, deleted = backup.restore_media(staging, media_root, manifest)
            out(
                f"  {written} written, {unchanged} already identical, "
                f"{deleted} not in the backup removed."
            )
        elif media["included"]:
            out(
                self.style.WARNING(
                    "Uploads are in object storage (S3_BUCKET): the archive's media files "
                    "were not restored. Restore the bucket from its own backups."
                )
            )
        else:
            out(
                self.style.WARNING(
                    "This backup holds no media (it was made with object storage): restore "
                    "the bucket from its own backups; MEDIA_ROOT was left alone."
                )
            )

        if older:
            out("The backup is older than this code: running migrate…")
            call_command("migrate", interactive=False, verbosity=0)

        clear_site_caches()
        call_command("clear_page_cache", verbosity=0)
        out("Caches cleared (restart the app servers to drop their in-memory caches).")
        held = describe(backup.database_summary(connection)) or "no content"
        self.stdout.write(self.style.SUCCESS(f"Restored {archive}: the site now holds {held}."))

    def _content_at_risk(self, connection, media_root, manifest, restore_media):
        found = []
        summary = backup.database_summary(connection)
        if summary:
            found.append(f"the database holds {describe(summary)}")
        if restore_media:
            write, delete = backup.media_changes(media_root, manifest)
            uploads = [
                rel
                for rel in write + delete
                if (media_root / rel).exists() and not rel.startswith("images/")
            ]
            if uploads:
                found.append(
                    f"{media_root} holds {plural(len(uploads), 'uploaded file')} "
                    "the backup would replace or delete"
                )
        return found
