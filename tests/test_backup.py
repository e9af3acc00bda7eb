"""Backups that restore: `manage.py backup` and `restore` round-trip a whole site (pages,
drafts, revisions, images with renditions, documents, accounts, media bytes) on the
database the suite runs on (SQLite, or PostgreSQL in CI's second pass); damaged or
mismatched archives and databases with content are refused without changing anything;
and `make clean`'s guard refuses to delete content.

pg_dump and psql run in other processes, so these tests commit their data, outside
pytest-django's test transactions (the `committed` fixture), and put the test database
back as it was afterwards."""

import datetime
import hashlib
import io
import json
import os
import platform
import re
import sqlite3
import stat
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

import dj_database_url
import django
import pytest
import wagtail
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from blog.models import EssayPage
from engagement.models import Framework
from site_project.core import backup
from tests import builders

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folders(settings, tmp_path):
    """Media and backups in this test's own folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    return tmp_path


def development_database_name():
    """The database the settings name before pytest-django switches to the test one."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{django_settings.DEFAULT_SQLITE_PATH}"
    return str(dj_database_url.parse(url)["NAME"])


@pytest.fixture(scope="session")
def test_database(django_db_setup, django_db_blocker):
    """The test database. pytest-django creates it only when some collected test is
    marked for the database; these tests are not (they commit outside its transactions),
    so when they run on their own, create it here: never touch the development database."""
    connection = connections["default"]
    with django_db_blocker.unblock():
        if str(connection.settings_dict["NAME"]) != development_database_name():
            yield
            return
        original_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        yield
        connection.creation.destroy_test_db(original_name, verbosity=0)


@pytest.fixture
def committed(test_database, django_db_blocker, folders):
    """Database access with every change committed at once, as pg_dump needs.

    pytest-django's transactional tests would flush the database afterwards, leaving it
    without the pages the migrations create (which the browser tests, run later, need).
    Instead, the database is backed up first and that backup restored afterwards: it is
    left exactly as it was. Yields the path of that first backup."""
    connection = connections["default"]
    assert str(connection.settings_dict["NAME"]) != development_database_name()
    with django_db_blocker.unblock():
        baseline, _ = backup.create_backup(folders / "baseline", log=lambda line: None)
        try:
            yield baseline
        finally:
            connections.close_all()
            call_command("restore", str(baseline), force=True, stdout=io.StringIO())
            connections.close_all()


@pytest.fixture
def full_site(committed):
    """Essays, methods, a principle and topics, plus an image with a rendition, a
    document, a never-published draft, a published essay with newer unpublished changes,
    and two accounts; committed (in one transaction: each commit costs an fsync)."""
    with transaction.atomic():
        return _build_full_site(committed)


def _build_full_site(baseline):
    sections = builders.site_sections()
    care = builders.topic("Health and care")
    jury = builders.method(
        sections["finder"], "Citizens' jury", low="involve", high="collaborate", topics=[care]
    )
    survey = builders.method(sections["finder"], "Survey", low="consult", high="consult")
    framework = Framework.objects.create(name="Gunning principles")
    principle = builders.principle(
        sections["principles"], "Feed back what changed", framework=framework
    )
    essay = builders.essay(
        sections["blog"], "On prevention", methods=[jury], principles=[principle], topics=[care]
    )
    older = builders.essay(sections["blog"], "On surveys", methods=[survey], topics=[care])
    site = {**sections, "care": care, "essay": essay, "older": older, "baseline": baseline}
    picture = builders.image("Workshop photo")
    picture.get_rendition("fill-120x80")
    guide = get_document_model().objects.create(
        title="Facilitation guide",
        file=ContentFile(b"How to run a citizens' jury.\n" * 50, name="facilitation-guide.txt"),
    )
    draft = builders.essay(site["blog"], "Not yet published", live=False, topics=[care])
    essay.title = "On prevention, revised"
    essay.save_revision()  # a draft of a live page
    User = get_user_model()
    User.objects.create_superuser("admin", "admin@example.org", "a-long-admin-password")
    User.objects.create_user("editor", "editor@example.org", "an-editor-password")
    return {**site, "picture": picture, "guide": guide, "draft": draft}


def snapshot(media_root):
    """Every row of every table, and every media file's digest."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rows[model._meta.label] = list(model._base_manager.order_by("pk").values())
    files = {}
    if media_root.is_dir():
        for path in sorted(media_root.rglob("*")):
            if path.is_file():
                rel = path.relative_to(media_root).as_posix()
                files[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return rows, files


def take_backup():
    out = io.StringIO()
    call_command("backup", stdout=out)
    return Path(out.getvalue().strip().splitlines()[-1])


def restore(archive, **options):
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out, **options)
    return out.getvalue()


def rewrite(archive, destination, change):
    """Copy an archive, passing each member's (name, bytes) through `change`, which
    returns new bytes, or a new (name, bytes)."""
    with tarfile.open(archive) as source, tarfile.open(destination, "w:gz") as target:
        for member in source:
            name = member.name
            data = change(name, source.extractfile(member).read())
            if isinstance(data, tuple):
                name, data = data
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    return destination


@transaction.atomic
def vandalise(site):
    """Change and destroy content after the backup."""
    EssayPage.objects.get(pk=site["older"].pk).delete()
    draft = EssayPage.objects.get(pk=site["draft"].pk)
    draft.title = "Rewritten after the backup"
    draft.save_revision()
    get_image_model().objects.get(pk=site["picture"].pk).delete()
    guide = get_document_model().objects.get(pk=site["guide"].pk)
    Path(guide.file.path).write_bytes(b"overwritten")
    get_user_model().objects.create_user("intruder")
    get_user_model().objects.filter(username="admin").update(password="changed")
    stray = Path(guide.file.path).parent / "stray.txt"
    stray.write_bytes(b"uploaded after the backup")


def test_round_trip_restores_everything_identically(full_site, client):
    media_root = Path(backup.local_media_root())
    before = snapshot(media_root)
    assert any(name.startswith("images/") for name in before[1]), "a rendition exists"
    assert any(name.startswith("original_images/") for name in before[1])
    assert any(name.startswith("documents/") for name in before[1])

    archive = take_backup()

    assert archive.parent == media_root.parent / "backups"
    assert archive.name.startswith("site-") and archive.name.endswith("Z.tar.gz")
    assert archive.stat().st_mode & 0o777 == 0o600
    assert archive.parent.stat().st_mode & 0o777 == 0o700
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"]["engine"] == connection.vendor
    assert manifest["versions"]["wagtail"] and manifest["versions"]["django"]
    assert "0001_initial" in manifest["migrations"]["blog"]
    assert manifest["latest_migrations"]["wagtailcore"]
    assert {f["path"] for f in manifest["media"]["files"]} == set(before[1])
    # The content check's table names are the ones Django and Wagtail really use.
    assert manifest["content"] == {
        "user account": 2,
        "page": Page.objects.filter(depth__gt=2).count(),
        "page revision": Revision.objects.count(),
        "image": 1,
        "document": 1,
    }

    vandalise(full_site)
    assert snapshot(media_root) != before

    output = restore(archive, force=True)

    assert "Every checksum matches" in output
    after = snapshot(media_root)
    assert after[1] == before[1]
    assert after[0] == before[0]
    # The draft, and the live page's newer draft, are as they were.
    draft = Page.objects.get(pk=full_site["draft"].pk)
    assert not draft.live and draft.get_latest_revision().content["title"] == "Not yet published"
    essay = Page.objects.get(pk=full_site["essay"].pk).specific
    assert essay.has_unpublished_changes and essay.title == "On prevention"
    assert essay.get_latest_revision().content["title"] == "On prevention, revised"
    assert get_user_model().objects.get(username="admin").check_password("a-long-admin-password")
    # The restored site serves.
    assert client.get(essay.url).status_code == 200
    picture = get_image_model().objects.get(pk=full_site["picture"].pk)
    assert Path(picture.get_rendition("fill-120x80").file.path).is_file()


def test_restore_refuses_a_database_with_content_without_force(full_site):
    archive = take_backup()
    get_user_model().objects.create_user("after-the-backup")

    with pytest.raises(CommandError, match=r"(?s)Restore refused: the database holds .*FORCE=1"):
        restore(archive)

    assert get_user_model().objects.filter(username="after-the-backup").exists()


def test_restore_into_an_empty_database_needs_no_force(full_site):
    media_root = Path(backup.local_media_root())
    before = snapshot(media_root)
    archive = take_backup()
    # Back to a freshly migrated database.
    emptied = restore(full_site["baseline"], force=True)
    assert emptied.splitlines()[-1] == (
        f"Restored {full_site['baseline']}: the site now holds no content."
    )
    assert backup.database_summary(connection) == []
    assert not get_user_model().objects.exists()

    output = restore(archive)

    assert "--force" not in output
    assert snapshot(media_root) == before


def test_restore_refuses_to_delete_uploads_not_in_the_backup_without_force(full_site):
    """Renditions (images/) can be made again and do not count; uploads do."""
    media_root = Path(backup.local_media_root())
    archive = take_backup()
    restore(full_site["baseline"], force=True)  # an empty database and MEDIA_ROOT
    for rel in ("documents/new-minutes.txt", "original_images/new.jpg", "images/new.width-200.jpg"):
        (media_root / rel).parent.mkdir(parents=True, exist_ok=True)
        (media_root / rel).write_bytes(b"added after the backup")

    with pytest.raises(CommandError) as error:
        restore(archive)

    assert str(error.value) == (
        f"Restore refused: {media_root} holds 2 uploaded files the backup would replace or "
        "delete.\nRestoring would replace it. Back it up first (make backup), then run "
        "`make restore BACKUP=… FORCE=1` (or manage.py restore --force)."
    )
    assert (media_root / "documents" / "new-minutes.txt").exists()


def test_restore_starts_the_sites_caches_afresh_and_spares_other_keys_in_redis(committed):
    site_cache, page_cache = caches["default"], caches[django_settings.PAGE_CACHE_ALIAS]
    site_cache.set("from-before-the-restore", "stale")
    page_cache.set("from-before-the-restore", "stale page")
    shared = None
    if isinstance(site_cache, RedisCache):  # CI's PostgreSQL pass: a real Redis server
        shared = site_cache._cache.get_client(write=True)
        shared.set("another-app:session", "keep me")

    restore(committed, force=True)

    assert site_cache.get("from-before-the-restore") is None
    assert page_cache.get("from-before-the-restore") is None
    if shared is not None:
        assert shared.get("another-app:session") == b"keep me"
        shared.delete("another-app:session")


def test_damaged_archives_are_refused_without_touching_anything(full_site, tmp_path):
    media_root = Path(backup.local_media_root())
    archive = take_backup()
    get_user_model().objects.create_user("after-the-backup")
    before = snapshot(media_root)

    def flip_image(name, data):
        if name.startswith("media/original_images/"):
            return data[:-1] + bytes([data[-1] ^ 0xFF])
        return data

    tampered = rewrite(archive, tmp_path / "tampered.tar.gz", flip_image)
    with pytest.raises(CommandError, match=r"(?s)is damaged; nothing was.*checksum mismatch"):
        restore(tampered, force=True)

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="not a readable backup archive"):
        restore(truncated, force=True)

    def drop_document(name, data):
        return b"" if name.startswith("media/documents/") else data

    emptied = rewrite(archive, tmp_path / "emptied.tar.gz", drop_document)
    with pytest.raises(CommandError, match="checksum mismatch: media/documents/"):
        restore(emptied, force=True)

    with pytest.raises(CommandError, match="No backup archive"):
        restore(tmp_path / "missing.tar.gz", force=True)

    assert snapshot(media_root) == before
    assert not list(media_root.parent.glob(".restore-*")), "staging folders are removed"


def test_backups_from_another_engine_or_newer_code_or_incomplete_are_refused(full_site, tmp_path):
    archive = take_backup()
    get_user_model().objects.create_user("after-the-backup")

    def edit_manifest(edit):
        def change(name, data):
            if name != "manifest.json":
                return data
            manifest = json.loads(data)
            edit(manifest)
            return json.dumps(manifest).encode()

        return change

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    as_other = edit_manifest(
        lambda m: m["database"].update(engine=other, file=backup.DATABASE_MEMBERS[other])
    )

    def foreign_engine(name, data):
        if name == backup.DATABASE_MEMBERS[connection.vendor]:
            return backup.DATABASE_MEMBERS[other], data
        return as_other(name, data)

    foreign = rewrite(archive, tmp_path / "foreign.tar.gz", foreign_engine)
    with pytest.raises(CommandError) as error:
        restore(foreign, force=True)
    names = backup.ENGINE_NAMES
    assert str(error.value) == (
        f"This is a backup of a {names[other]} database, and the configured database is "
        f"{names[connection.vendor]}: restoring across database engines is not supported. "
        f"Restore it with a {names[other]} database configured"
        + (" (DATABASE_URL unset)." if other == "sqlite" else " (DATABASE_URL).")
    )

    newer = rewrite(
        archive,
        tmp_path / "newer.tar.gz",
        edit_manifest(lambda m: m["migrations"]["blog"].append("9999_from_the_future")),
    )
    with pytest.raises(CommandError, match=r"(?s)made by newer code.*blog.9999_from_the_future"):
        restore(newer, force=True)

    incomplete = rewrite(
        archive, tmp_path / "incomplete.tar.gz", edit_manifest(lambda m: m.pop("media"))
    )
    with pytest.raises(CommandError, match="is incomplete"):
        restore(incomplete, force=True)

    assert get_user_model().objects.filter(username="after-the-backup").exists()


# Skipped before its site is built, not after: building it for nothing cost every SQLite
# run seconds, and `make mutation` took the skipped test for the quickest of all.
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory SQLite test database: see test_sqlite_copy_while_writing",
)
def test_backup_while_another_connection_writes(full_site):
    """The backup succeeds, and is consistent, while the site is being edited."""
    stop = threading.Event()
    errors = []

    def edit():
        try:
            n = 0
            while not stop.is_set():
                n += 1
                page = EssayPage.objects.get(pk=full_site["essay"].pk)
                page.title = f"Edit {n}"
                page.save_revision().publish()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    writer = threading.Thread(target=edit)
    writer.start()
    try:
        archive = take_backup()
    finally:
        stop.set()
        writer.join()
    assert not errors
    staging = archive.parent / "check"
    staging.mkdir()
    backup.unpack(archive, staging)


def test_sqlite_copy_while_writing(tmp_path):
    """SQLite's online backup copies a WAL database consistently while another
    connection commits to it."""
    source_path = tmp_path / "live.sqlite3"
    setup = sqlite3.connect(source_path, isolation_level=None)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER)")
    setup.close()
    stop = threading.Event()
    written = []

    def write():
        writer = sqlite3.connect(source_path, isolation_level=None, timeout=20)
        n = 0
        while not stop.is_set():
            n += 1
            # Two statements in one transaction: a copy must hold both or neither.
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("INSERT INTO entry (a, b) VALUES (?, 0)", (n,))
            writer.execute("UPDATE entry SET b = a WHERE id = last_insert_rowid()")
            writer.execute("COMMIT")
            written.append(n)
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    counts = []
    try:
        reader = sqlite3.connect(source_path, timeout=20)
        for i in range(5):
            while len(written) < (i + 1) * 20:
                pass
            copy = tmp_path / f"copy-{i}.sqlite3"
            backup.copy_sqlite(reader, copy)
            check = sqlite3.connect(copy)
            assert check.execute("SELECT COUNT(*) FROM entry WHERE a != b").fetchone() == (0,)
            assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)
            counts.append(check.execute("SELECT COUNT(*) FROM entry").fetchone()[0])
            check.close()
        reader.close()
    finally:
        stop.set()
        thread.join()
    assert counts == sorted(counts) and counts[-1] > counts[0] > 0


# -- make clean's guard ---------------------------------------------------------------


def make_sqlite(path, users=0, pages_below_home=0):
    """A database shaped like a freshly migrated one (root and home pages), with content
    optionally added."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT)")
    db.execute("CREATE TABLE wagtailcore_page (id INTEGER PRIMARY KEY, depth INTEGER)")
    db.execute("CREATE TABLE wagtailcore_revision (id INTEGER PRIMARY KEY)")
    db.executemany("INSERT INTO wagtailcore_page (depth) VALUES (?)", [(1,), (2,)])
    db.executemany("INSERT INTO auth_user (username) VALUES (?)", [("u",)] * users)
    db.executemany("INSERT INTO wagtailcore_page (depth) VALUES (3)", [()] * pages_below_home)
    db.commit()
    db.close()


def guard(var, *args):
    """Run the guard as `make clean` does: python3, standard library only (-S: no
    site-packages, so it cannot lean on Django)."""
    return subprocess.run(
        [sys.executable, "-S", str(ROOT / "site_project/core/content.py"), "--clean-guard", var]
        + list(args),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_clean_guard_lets_an_empty_or_missing_database_go(tmp_path):
    assert guard(tmp_path / "nothing-here").returncode == 0
    var = tmp_path / "var"
    var.mkdir()
    (var / "db.sqlite3").touch()  # an empty file is an empty database
    assert guard(var).returncode == 0
    (var / "db.sqlite3").unlink()
    make_sqlite(var / "db.sqlite3")
    (var / "media" / "images").mkdir(parents=True)
    (var / "media" / "images" / "x.fill-10x10.jpg").write_bytes(b"a rendition")
    result = guard(var)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_clean_guard_refuses_content_unless_forced(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    make_sqlite(var / "db.sqlite3", users=1, pages_below_home=3)
    (var / "secret_key").write_text("x")

    result = guard(var)
    assert result.returncode == 1
    assert "holds 1 user account, 3 pages" in result.stderr
    assert "make backup" in result.stderr and "FORCE=1" in result.stderr
    assert "secret_key" in result.stderr

    forced = guard(var, "--force")
    assert forced.returncode == 0 and "FORCE=1" in forced.stdout


def test_clean_guard_refuses_uploads_without_a_database(tmp_path):
    var = tmp_path / "var"
    (var / "media" / "documents").mkdir(parents=True)
    (var / "media" / "documents" / "report.pdf").write_bytes(b"%PDF")
    result = guard(var)
    assert result.returncode == 1 and "1 uploaded file" in result.stderr


def test_clean_guard_refuses_an_unreadable_database(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    (var / "db.sqlite3").write_bytes(b"this is not a database, but it is something" * 100)
    result = guard(var)
    assert result.returncode == 1 and "could not be read" in result.stderr


# The backup command's own words, and restored media files --------------------------------


def test_backup_help_names_its_options():
    from site_project.core.management.commands.backup import Command

    help_text = " ".join(Command().create_parser("manage.py", "backup").format_help().split())
    assert (
        "--output-dir OUTPUT_DIR Folder for the archive (default: BACKUP_DIR, var/backups/). "
        "Created readable by its owner only." in help_text
    )
    assert "--database DATABASE Database alias." in help_text


def test_restore_help_names_its_archive_and_options():
    from site_project.core.management.commands.restore import Command

    help_text = " ".join(Command().create_parser("manage.py", "restore").format_help().split())
    assert "archive A .tar.gz written by `manage.py backup`." in help_text
    assert (
        "--force Replace a database (and uploads) that already hold content. "
        "--database DATABASE Database alias." in help_text
    )


def test_backup_reports_each_step_and_what_the_archive_holds(committed, folders):
    out = io.StringIO()
    call_command("backup", output_dir=str(folders / "out"), stdout=out)
    lines = out.getvalue().splitlines()
    engine = backup.ENGINE_NAMES[connection.vendor]
    [archive] = (folders / "out").glob("site-*.tar.gz")
    assert lines[:2] == [
        f"Copying the {engine} database…",
        f"No media folder at {folders / 'media'}: no uploads to copy.",
    ]
    assert lines[2].startswith(f"Database: {engine}, ")
    assert lines[3:] == [
        "Media: 0 files, 0 bytes.",
        f"Backup written ({backup.human_size(archive.stat().st_size)}):",
        str(archive),
    ]


def media_manifest(files):
    return {
        "media": {
            "files": [
                {"path": rel, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                for rel, data in files.items()
            ]
        }
    }


def staged(staging, files):
    for rel, data in files.items():
        path = staging / backup.MEDIA_DIR / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.mark.parametrize("permissions", [None, 0o640])
def test_restored_media_files_get_the_upload_permissions(tmp_path, settings, permissions):
    settings.FILE_UPLOAD_PERMISSIONS = permissions
    files = {"documents/minutes.txt": b"minutes", "original_images/a.jpg": b"jpeg"}
    staged(tmp_path / "staging", files)
    media_root = tmp_path / "media"
    assert backup.restore_media(tmp_path / "staging", media_root, media_manifest(files)) == (
        2,
        0,
        0,
    )
    for rel, data in files.items():
        assert (media_root / rel).read_bytes() == data
        assert stat.S_IMODE((media_root / rel).stat().st_mode) == (permissions or 0o644)


SHM = Path("/dev/shm")


@pytest.mark.skipif(
    not SHM.is_dir() or SHM.stat().st_dev == Path(__file__).stat().st_dev,
    reason="needs a second file system (/dev/shm) to stage on",
)
def test_media_staged_on_another_file_system_is_copied_into_place_without_leftovers(
    tmp_path, settings, monkeypatch
):
    """A file cannot be renamed across file systems: it is copied beside its target
    under a temporary name, then renamed over it, so a reader never sees half a file.
    (Beside it, not in the system's temporary folder, which is on yet another one.)"""
    settings.FILE_UPLOAD_PERMISSIONS = 0o640
    monkeypatch.setattr(tempfile, "tempdir", str(SHM))
    data = b"x" * (backup.CHUNK * 2 + 5)
    files = {"documents/big.bin": data}
    media_root = tmp_path / "media"
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "big.bin").write_bytes(b"old version")
    with tempfile.TemporaryDirectory(dir=SHM) as staging:
        staged(Path(staging), files)
        assert backup.restore_media(staging, media_root, media_manifest(files)) == (1, 0, 0)
    target = media_root / "documents" / "big.bin"
    assert target.read_bytes() == data
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(media_root / "documents") == ["big.bin"]


def test_a_file_that_cannot_be_placed_leaves_no_temporary_copy(tmp_path):
    source = tmp_path / "staging" / "photo.jpg"
    source.mkdir(parents=True)  # a folder where a file should be: neither moved nor read
    target_dir = tmp_path / "media" / "original_images"
    target_dir.mkdir(parents=True)
    (target_dir / "photo.jpg").write_bytes(b"current")
    with pytest.raises(IsADirectoryError):
        backup._place(source, target_dir / "photo.jpg")
    assert os.listdir(target_dir) == ["photo.jpg"]
    assert (target_dir / "photo.jpg").read_bytes() == b"current"


@pytest.fixture
def empty_database(tmp_path):
    """A second database alias, `empty`: a SQLite file never migrated."""
    connections.settings["empty"] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "empty.sqlite3"),
        "OPTIONS": {},
    }
    try:
        yield "empty"
    finally:
        connections["empty"].close()
        del connections["empty"]
        del connections.settings["empty"]


def test_backup_of_a_database_never_migrated_stops_with_a_clear_message(
    test_database, django_db_blocker, folders, empty_database
):
    with django_db_blocker.unblock(), pytest.raises(CommandError) as error:
        call_command("backup", database=empty_database, stdout=io.StringIO())
    assert str(error.value) == (
        "The database has never been migrated: there is nothing to back up yet."
    )


def test_restore_into_an_unsupported_database_stops_with_a_clear_message(
    test_database, django_db_blocker, folders, tmp_path
):
    connections.settings["other"] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.dummy",
    }
    try:
        with django_db_blocker.unblock(), pytest.raises(CommandError) as error:
            call_command(
                "restore", str(tmp_path / "x.tar.gz"), database="other", stdout=io.StringIO()
            )
    finally:
        del connections["other"]
        del connections.settings["other"]
    assert str(error.value) == "Backups support SQLite and PostgreSQL, not unknown databases."


# -- What an archive holds, and where its files go while it is written ----------------

UTC = datetime.UTC


@pytest.fixture
def database(test_database, django_db_blocker):
    """The migrated test database, as it is (a backup only reads it)."""
    with django_db_blocker.unblock():
        yield


def members(archive):
    with tarfile.open(archive) as tar:
        return {member.name: member for member in tar}


def read_member(archive, name):
    with tarfile.open(archive) as tar:
        return tar.extractfile(name).read()


def test_an_archive_keeps_the_database_and_manifest_private_and_uploads_readable(database, folders):
    (folders / "media" / "documents").mkdir(parents=True)
    (folders / "media" / "documents" / "minutes.txt").write_bytes(b"minutes")
    out = folders / "backups" / "weekly" / "site"  # none of these folders exists yet
    archive, manifest = backup.create_backup(out, log=lambda line: None)
    assert archive.parent == out
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    modes = {name: stat.S_IMODE(member.mode) for name, member in members(archive).items()}
    assert modes == {
        backup.DATABASE_MEMBERS[connection.vendor]: 0o600,
        f"{backup.MEDIA_DIR}/documents/minutes.txt": 0o644,
        backup.MANIFEST: 0o600,
    }
    # Written for people to read too (`tar -xOzf ARCHIVE manifest.json`).
    text = read_member(archive, backup.MANIFEST).decode()
    assert text == json.dumps(manifest, indent=2)


def test_archives_are_named_by_their_time_and_never_overwrite_each_other(database, folders):
    moment = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    names = [
        backup.create_backup(folders / "out", log=lambda line: None, now=moment)[0].name
        for _ in range(3)
    ]
    assert names == [
        "site-20260304T050607Z.tar.gz",
        "site-20260304T050607Z-2.tar.gz",
        "site-20260304T050607Z-3.tar.gz",
    ]
    assert sorted(os.listdir(folders / "out")) == sorted(names)


def test_the_manifest_records_when_and_with_which_software_the_backup_was_made(database, folders):
    moment = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    _, manifest = backup.create_backup(folders / "out", log=lambda line: None, now=moment)
    assert manifest["created_at"] == "2026-03-04T05:06:07Z"
    assert manifest["versions"] == {
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "python": platform.python_version(),
    }


def test_the_backup_time_is_utc_whatever_the_servers_time_zone(database, folders, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        before = datetime.datetime.now(UTC).replace(microsecond=0)
        _, manifest = backup.create_backup(folders / "out", log=lambda line: None)
        after = datetime.datetime.now(UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
    created = datetime.datetime.strptime(manifest["created_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert before <= created.replace(tzinfo=UTC) <= after


def test_work_files_stay_hidden_in_the_backup_folder_and_are_removed(database, folders):
    """The archive is written beside its final place (so it is moved there in one step,
    never half-written) under hidden names."""
    out = folders / "out"
    seen = []

    def look(line):
        seen.append([(name, (out / name).is_dir()) for name in sorted(os.listdir(out))])

    archive, _ = backup.create_backup(out, log=look)
    work = seen[0][0][0]
    assert work.startswith(".backup-")
    assert seen[0] == [(work, True)]
    assert seen[-1] == [(work, True), (f".{archive.name}.partial", False)]
    assert os.listdir(out) == [archive.name]


def test_uploads_in_object_storage_are_left_out_with_a_message(database, folders, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    logged = []
    archive, manifest = backup.create_backup(folders / "out", log=logged.append)
    assert manifest["media"] == {"included": False, "reason": "object storage", "files": []}
    assert logged[1] == (
        "Uploads are in object storage (S3_BUCKET), not in MEDIA_ROOT: this archive "
        "holds the database only. Give the bucket its own versioning or backups."
    )
    assert not any(name.startswith(backup.MEDIA_DIR) for name in members(archive))


def test_backups_kept_inside_the_media_folder_are_not_backed_up_again(database, folders, settings):
    media = folders / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "minutes.txt").write_bytes(b"minutes")
    settings.BACKUP_DIR = media / "backups"
    first, _ = backup.create_backup(settings.BACKUP_DIR, log=lambda line: None)
    second, manifest = backup.create_backup(settings.BACKUP_DIR, log=lambda line: None)
    assert [entry["path"] for entry in manifest["media"]["files"]] == ["documents/minutes.txt"]
    assert f"{backup.MEDIA_DIR}/backups/{first.name}" not in members(second)


def test_an_upload_deleted_while_the_backup_runs_is_left_out_and_the_rest_kept(
    database, folders, monkeypatch
):
    media = folders / "media" / "documents"
    media.mkdir(parents=True)
    for name in ("a.txt", "b.txt", "c.txt"):
        (media / name).write_bytes(name.encode())
    add_file = backup._add_file

    def delete_b_while_adding_a(tar, path, name, mode):
        if path.name == "a.txt":
            (media / "b.txt").unlink()  # as an editor deleting a document meanwhile
        return add_file(tar, path, name, mode)

    monkeypatch.setattr(backup, "_add_file", delete_b_while_adding_a)
    logged = []
    archive, manifest = backup.create_backup(folders / "out", log=logged.append)
    assert [entry["path"] for entry in manifest["media"]["files"]] == [
        "documents/a.txt",
        "documents/c.txt",
    ]
    assert "  documents/b.txt was deleted while the backup ran; left out." in logged
    assert read_member(archive, f"{backup.MEDIA_DIR}/documents/c.txt") == b"c.txt"


def test_the_backup_command_says_when_there_is_no_content_yet(database, folders):
    out = io.StringIO()
    call_command("backup", output_dir=str(folders / "out"), stdout=out)
    [archive] = (folders / "out").glob("site-*.tar.gz")
    database_line = out.getvalue().splitlines()[2]
    engine = backup.ENGINE_NAMES[connection.vendor]
    assert re.fullmatch(
        rf"Database: {engine}, [0-9.]+ (bytes|KB|MB|GB) \(no content yet\)\.", database_line
    )
    assert archive.exists()


def test_the_backup_command_warns_that_uploads_in_object_storage_are_not_included(
    database, folders, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    out = io.StringIO()
    call_command("backup", output_dir=str(folders / "out"), stdout=out)
    assert out.getvalue().splitlines()[3] == (
        "Media: not included (object storage; back the bucket up)."
    )


# -- What restore reports ---------------------------------------------------------------


@pytest.fixture
def small_site(committed, folders):
    """One account and one upload, committed; returns a backup of them."""
    get_user_model().objects.create_user("editor", "editor@example.org", "an-editor-password")
    (folders / "media" / "documents").mkdir(parents=True)
    (folders / "media" / "documents" / "minutes.txt").write_bytes(b"minutes")
    return take_backup()


def header(archive, manifest, media):
    engine = backup.ENGINE_NAMES[connection.vendor]
    size = backup.human_size(manifest["database"]["size"])
    versions = manifest["versions"]
    return [
        f"Checking {archive}…",
        f"  Backup made {manifest['created_at']} (Django {versions['django']}, Wagtail "
        f"{versions['wagtail']}): {engine} database, {size}; {media}. Every checksum matches.",
    ]


def manifest_of(archive):
    return json.loads(read_member(archive, backup.MANIFEST))


def test_restore_reports_each_step_and_what_the_site_now_holds(small_site, folders):
    archive = small_site
    manifest = manifest_of(archive)
    get_user_model().objects.create_user("later")
    (folders / "media" / "documents" / "minutes.txt").write_bytes(b"rewritten")
    engine = backup.ENGINE_NAMES[connection.vendor]
    target = connection.settings_dict["NAME"]
    lines = restore(archive, force=True).splitlines()
    assert lines == [
        *header(archive, manifest, "1 media file, 7 bytes"),
        "--force: replacing what is there (the database holds 2 user accounts; "
        f"{folders / 'media'} holds 1 uploaded file the backup would replace or delete).",
        f"Restoring the database into {engine} '{target}'…",
        f"Restoring media into {folders / 'media'}…",
        "  1 written, 0 already identical, 0 not in the backup removed.",
        "Caches cleared (restart the app servers to drop their in-memory caches).",
        f"Restored {archive}: the site now holds 1 user account.",
    ]
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["editor"]


def test_restore_refuses_naming_every_kind_of_content_it_would_replace(small_site, folders):
    get_user_model().objects.create_user("later")
    (folders / "media" / "documents" / "minutes.txt").write_bytes(b"rewritten")
    with pytest.raises(CommandError) as error:
        restore(small_site)
    assert str(error.value) == (
        "Restore refused: the database holds 2 user accounts; "
        f"{folders / 'media'} holds 1 uploaded file the backup would replace or delete."
        "\nRestoring would replace it. Back it up first (make backup), then run "
        "`make restore BACKUP=… FORCE=1` (or manage.py restore --force)."
    )


def test_a_backup_older_than_the_code_is_migrated_after_restoring(small_site, tmp_path, capsys):
    def one_migration_fewer(name, data):
        if name != backup.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["migrations"]["blog"].pop()
        return json.dumps(manifest).encode()

    older = rewrite(small_site, tmp_path / "older.tar.gz", one_migration_fewer)
    lines = restore(older, force=True).splitlines()
    migrate = lines.index("The backup is older than this code: running migrate…")
    assert lines[migrate + 1] == (
        "Caches cleared (restart the app servers to drop their in-memory caches)."
    )
    assert lines[-1] == f"Restored {older}: the site now holds 1 user account."
    # Migrate and the cache clearing run quietly: the operator reads only the report.
    assert capsys.readouterr().out == ""


def test_uploads_in_object_storage_are_left_for_the_bucket_to_restore(small_site, settings):
    media = small_site.parent.parent / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    (media / "documents" / "minutes.txt").write_bytes(b"changed")
    lines = restore(small_site, force=True).splitlines()
    assert (
        "Uploads are in object storage (S3_BUCKET): the archive's media files were not "
        "restored. Restore the bucket from its own backups."
    ) in lines
    assert not any(line.startswith("Restoring media") for line in lines)
    assert (media / "documents" / "minutes.txt").read_bytes() == b"changed"


def test_a_backup_made_with_object_storage_leaves_the_media_folder_alone(
    committed, folders, settings
):
    get_user_model().objects.create_user("editor")
    original = settings.STORAGES
    settings.STORAGES = {
        **original,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    archive, _ = backup.create_backup(folders / "backups", log=lambda line: None)
    settings.STORAGES = original
    (folders / "media").mkdir()
    (folders / "media" / "kept.txt").write_bytes(b"not in any backup")
    lines = restore(archive, force=True).splitlines()
    assert lines[1].endswith("; no media (object storage). Every checksum matches.")
    assert (
        "This backup holds no media (it was made with object storage): restore the bucket "
        "from its own backups; MEDIA_ROOT was left alone."
    ) in lines
    assert (folders / "media" / "kept.txt").read_bytes() == b"not in any backup"


def sqlite_dump(path, rows):
    """A SQLite file in the default (rollback journal) mode, as a backup holds one."""
    made = sqlite3.connect(path)
    made.execute("CREATE TABLE note (text TEXT)")
    made.executemany("INSERT INTO note VALUES (?)", [(row,) for row in rows])
    made.commit()
    made.close()
    return path


@pytest.mark.parametrize("mode", ["wal", "delete"])
def test_a_sqlite_restore_keeps_the_live_databases_journal_mode(
    test_database, django_db_blocker, empty_database, tmp_path, mode
):
    """The running site's database is in WAL mode (readers never wait for a writer);
    copying a backup over it must not quietly switch that off, nor switch it on."""
    dump = sqlite_dump(tmp_path / "dump.sqlite3", ["kept"])
    live = connections[empty_database]
    with django_db_blocker.unblock():
        live.ensure_connection()
        live.connection.execute(f"PRAGMA journal_mode={mode}")
        backup.restore_sqlite(live, dump)
        assert live.connection.execute("PRAGMA journal_mode").fetchone() == (mode,)
        assert live.connection.execute("SELECT text FROM note").fetchall() == [("kept",)]
    assert sqlite3.connect(dump).execute("PRAGMA journal_mode").fetchone() == ("delete",)


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_restore and psql: PostgreSQL only"
)


@postgresql_only
def test_a_postgresql_load_that_fails_leaves_the_database_as_it_was(committed):
    """The dump is loaded by psql in one transaction that stops at the first error: a
    schema outside the site's own (which the restore does not empty) makes the load
    fail, and the database keeps what it held, with the reason said."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA leftover")
    try:
        archive = take_backup()
        get_user_model().objects.create_user("after-the-backup")
        with pytest.raises(CommandError) as error:
            restore(archive, force=True)
        assert str(error.value).startswith(
            "Loading the database with psql failed (exit status 3):\n"
        )
        assert 'schema "leftover" already exists' in str(error.value)
        assert get_user_model().objects.filter(username="after-the-backup").exists()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA leftover CASCADE")


@postgresql_only
@pytest.mark.django_db
def test_a_dump_pg_restore_cannot_read_is_reported_and_nothing_loaded(tmp_path):
    junk = tmp_path / "database.dump"
    junk.write_bytes(b"PGDMP" + b"\x00" * 64)
    with pytest.raises(backup.BackupError) as error:
        backup.restore_postgresql(connection, junk, tmp_path)
    assert str(error.value).startswith("pg_restore failed (exit status 1):\npg_restore: error: ")


@postgresql_only
@pytest.mark.django_db
def test_a_failing_pg_dump_is_named_with_its_message(tmp_path, settings):
    fake = tmp_path / "pg_dump"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 99.0"; exit 0; fi\n'
        'echo "pg_dump: error: connection refused" >&2; exit 1\n'
    )
    fake.chmod(0o755)
    settings.PG_BIN = str(tmp_path)
    with pytest.raises(backup.BackupError) as error:
        backup.dump_postgresql(connection, tmp_path / "database.dump")
    assert str(error.value) == (
        "pg_dump failed (exit status 1):\npg_dump: error: connection refused"
    )


@postgresql_only
def test_a_postgresql_backup_names_the_server_version_and_the_pg_dump_that_made_it(committed):
    """An operator restoring on another machine needs a server at least this new, and a
    dump made by a newer pg_dump than their pg_restore cannot be read: the manifest says
    both."""
    with tarfile.open(take_backup()) as tar:
        database = json.load(tar.extractfile("manifest.json"))["database"]
    connection.ensure_connection()
    assert database["server_major"] == connection.pg_version // 10000
    assert re.fullmatch(r"pg_dump \(PostgreSQL\) \d+(\.\d+)+.*", database["dumped_with"])


@postgresql_only
def test_a_postgresql_restore_writes_the_database_as_sql_only_in_its_private_folder(
    committed, tmp_path, monkeypatch
):
    """pg_restore turns the dump into SQL that psql loads: that text is the whole
    database, so it is written in the restore's own folder (mode 0700, removed after),
    never where the command happened to be run."""
    archive = take_backup()
    elsewhere = tmp_path / "where-the-operator-stands"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    restore(archive, force=True)
    assert list(elsewhere.iterdir()) == []


@postgresql_only
def test_a_postgresql_restore_drops_views_and_sequences_the_backup_lacks(committed):
    """Views, materialized views and sequences of their own made after the backup go
    too, each by its own kind of DROP statement (a view is no table to PostgreSQL)."""
    archive = take_backup()
    made = ("extra_view", "extra_summary", "extra_counter")
    with connection.cursor() as cursor:
        cursor.execute("CREATE VIEW extra_view AS SELECT 1 AS n")
        cursor.execute("CREATE MATERIALIZED VIEW extra_summary AS SELECT 2 AS n")
        cursor.execute("CREATE SEQUENCE extra_counter")
    try:
        restore(archive, force=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT relname FROM pg_class WHERE relname = ANY(%s)", [list(made)])
            assert cursor.fetchall() == []
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP VIEW IF EXISTS extra_view")
            cursor.execute("DROP MATERIALIZED VIEW IF EXISTS extra_summary")
            cursor.execute("DROP SEQUENCE IF EXISTS extra_counter")


@postgresql_only
def test_a_postgresql_restore_drops_partitioned_and_foreign_tables_the_backup_lacks(committed):
    """Tables made after the backup (by a newer migration, or by hand) go, whatever
    their kind: each kind needs its own DROP statement."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("a foreign table needs an extension only a superuser may install")
    archive = take_backup()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE extra_partitioned (n int) PARTITION BY RANGE (n)")
        cursor.execute("CREATE EXTENSION file_fdw")
        cursor.execute("CREATE SERVER extra_files FOREIGN DATA WRAPPER file_fdw")
        cursor.execute(
            "CREATE FOREIGN TABLE extra_foreign (line text) SERVER extra_files "
            "OPTIONS (filename '/dev/null')"
        )
    try:
        restore(archive, force=True)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relname IN "
                "('extra_partitioned', 'extra_foreign')"
            )
            assert cursor.fetchall() == []
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP EXTENSION file_fdw CASCADE")
            cursor.execute("DROP TABLE IF EXISTS extra_partitioned")
