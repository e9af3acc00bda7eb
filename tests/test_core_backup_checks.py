"""What `restore` checks in an archive before it changes anything: that it is a backup
made by this site, in this format's version, with a complete manifest, and holding
exactly the files the manifest lists with their sizes and checksums; and that its
database was not made by newer code. Each refusal names what is wrong.

The archives here are made by hand (no database is needed to check one), starting from
a valid one and spoiling one thing at a time."""

import copy
import hashlib
import io
import json
import os
import sqlite3
import stat
import tarfile
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from site_project.core import backup

DATABASE = b"SQLite format 3\x00 a stand-in database"
MINUTES = b"Minutes of the citizens' panel"


def entry(data):
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def valid_manifest():
    return {
        "format": backup.FORMAT,
        "version": backup.VERSION,
        "created_at": "2026-03-04T05:06:07Z",
        "versions": {"django": "5.2", "wagtail": "8.0", "python": "3.11.2"},
        "migrations": {"blog": ["0001_initial"]},
        "content": {},
        "database": {"engine": "sqlite", "file": "database.sqlite3", **entry(DATABASE)},
        "media": {"included": True, "files": [{"path": "documents/minutes.txt", **entry(MINUTES)}]},
    }


def valid_members():
    return {"database.sqlite3": DATABASE, "media/documents/minutes.txt": MINUTES}


def archive_of(tmp_path, members, manifest=None, raw_manifest=None):
    """An archive holding `members` ({name: bytes}) and the manifest (a dict, or the
    manifest file's bytes as they are)."""
    path = tmp_path / "site-20260304T050607Z.tar.gz"
    if raw_manifest is None and manifest is not None:
        raw_manifest = json.dumps(manifest).encode()
    with tarfile.open(path, "w:gz") as tar:
        items = dict(members)
        if raw_manifest is not None:
            items[backup.MANIFEST] = raw_manifest
        for name, data in items.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def refusal(tmp_path, members=None, manifest=None, raw_manifest=None):
    archive = archive_of(
        tmp_path,
        valid_members() if members is None else members,
        valid_manifest() if manifest is None and raw_manifest is None else manifest,
        raw_manifest,
    )
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(backup.BackupError) as error:
        backup.unpack(archive, staging)
    return archive, str(error.value)


def test_a_valid_archive_is_unpacked_and_its_manifest_returned(tmp_path):
    archive = archive_of(tmp_path, valid_members(), valid_manifest())
    staging = tmp_path / "staging"
    staging.mkdir()
    assert backup.unpack(archive, staging) == valid_manifest()
    assert (staging / "media" / "documents" / "minutes.txt").read_bytes() == MINUTES
    assert (staging / "database.sqlite3").read_bytes() == DATABASE


def test_unpacked_files_are_readable_by_the_site_alone(tmp_path):
    archive = archive_of(tmp_path, valid_members(), valid_manifest())
    staging = tmp_path / "staging"
    staging.mkdir()
    backup.unpack(archive, staging)
    for name in ("database.sqlite3", "media/documents/minutes.txt"):
        assert stat.S_IMODE((staging / name).stat().st_mode) == 0o600, name


def test_an_archive_repacked_with_folder_entries_still_unpacks(tmp_path):
    """`tar -czf` lists each folder before the files in it: those entries are skipped,
    and every file after them is still read."""
    archive = tmp_path / "repacked.tar.gz"
    items = {**valid_members(), backup.MANIFEST: json.dumps(valid_manifest()).encode()}
    with tarfile.open(archive, "w:gz") as tar:
        for folder in ("media", "media/documents"):
            folder_entry = tarfile.TarInfo(folder)
            folder_entry.type = tarfile.DIRTYPE
            tar.addfile(folder_entry)
        for name, data in items.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    staging = tmp_path / "staging"
    staging.mkdir()
    assert backup.unpack(archive, staging) == valid_manifest()
    assert (staging / "media" / "documents" / "minutes.txt").read_bytes() == MINUTES


def test_an_archive_without_a_manifest_is_not_a_backup_of_this_site(tmp_path):
    archive = archive_of(tmp_path, {"notes.txt": b"x"})
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(backup.BackupError) as error:
        backup.unpack(archive, staging)
    assert str(error.value) == (
        f"{archive} has no manifest.json: it is not a backup made by this site."
    )


def test_a_manifest_that_is_not_json_is_refused(tmp_path):
    archive, message = refusal(tmp_path, raw_manifest=b"{not json")
    assert message.startswith(f"The manifest in {archive} is not valid JSON (Expecting ")


@pytest.mark.parametrize("manifest", [["a", "list"], {**valid_manifest(), "format": "other"}])
def test_a_manifest_of_another_kind_is_not_a_backup_of_this_site(tmp_path, manifest):
    archive, message = refusal(tmp_path, manifest=manifest)
    assert message == f"{archive} is not a backup made by this site."


def test_another_format_version_is_refused_naming_both(tmp_path):
    archive, message = refusal(tmp_path, manifest={**valid_manifest(), "version": 99})
    assert message == (
        f"{archive} is a version 99 backup; this code reads version {backup.VERSION}."
    )


REQUIRED = [
    ((), "created_at"),
    ((), "versions"),
    ((), "migrations"),
    ((), "database"),
    ((), "media"),
    (("versions",), "django"),
    (("versions",), "wagtail"),
    (("database",), "engine"),
    (("database",), "file"),
    (("database",), "size"),
    (("database",), "sha256"),
    (("media",), "included"),
    (("media",), "files"),
    (("media", "files", 0), "path"),
    (("media", "files", 0), "size"),
    (("media", "files", 0), "sha256"),
]


@pytest.mark.parametrize(
    "where, key", REQUIRED, ids=[".".join(map(str, w + (k,))) for w, k in REQUIRED]
)
def test_a_manifest_missing_anything_restore_reads_is_refused_naming_it(tmp_path, where, key):
    manifest = valid_manifest()
    part = manifest
    for step in where:
        part = part[step]
    del part[key]
    archive, message = refusal(tmp_path, manifest=manifest)
    assert message == f"The manifest in {archive} is incomplete (no {key!r})."


def test_a_manifest_naming_an_unknown_database_is_refused(tmp_path):
    manifest = valid_manifest()
    manifest["database"]["engine"] = "mysql"
    archive, message = refusal(tmp_path, manifest=manifest)
    assert message == (
        f"The manifest in {archive} names an unknown database: 'mysql' in 'database.sqlite3'."
    )


@pytest.mark.parametrize("migrations", [["blog.0001_initial"], {"blog": "0001_initial"}])
def test_a_manifest_listing_its_migrations_wrongly_is_refused(tmp_path, migrations):
    archive, message = refusal(tmp_path, manifest={**valid_manifest(), "migrations": migrations})
    assert message == f"The manifest in {archive} lists its migrations wrongly."


def test_every_missing_extra_or_changed_file_is_listed(tmp_path):
    manifest = valid_manifest()
    manifest["media"]["files"].append({"path": "documents/agenda.txt", **entry(b"agenda")})
    members = {
        "database.sqlite3": DATABASE + b"!",  # changed
        "media/documents/minutes.txt": MINUTES,  # as listed
        "media/stray.txt": b"not listed",
    }
    archive, message = refusal(tmp_path, members=members, manifest=manifest)
    assert message == (
        f"{archive} is damaged; nothing was restored.\n"
        "  missing: media/documents/agenda.txt\n"
        "  not in the manifest: media/stray.txt\n"
        "  checksum mismatch: database.sqlite3"
    )


def test_a_file_of_the_listed_size_but_other_bytes_is_caught(tmp_path):
    members = {**valid_members(), "media/documents/minutes.txt": MINUTES.upper()}
    archive, message = refusal(tmp_path, members=members)
    assert message.endswith("\n  checksum mismatch: media/documents/minutes.txt")


@pytest.mark.parametrize(
    "missing, more", [(20, ""), (21, "\n  … and 1 more"), (25, "\n  … and 5 more")]
)
def test_a_long_list_of_problems_shows_the_first_twenty_and_counts_the_rest(
    tmp_path, missing, more
):
    manifest = valid_manifest()
    manifest["media"]["files"] = [
        {"path": f"documents/{n:02}.txt", **entry(b"x")} for n in range(missing)
    ]
    members = {"database.sqlite3": DATABASE}
    archive, message = refusal(tmp_path, members=members, manifest=manifest)
    shown = "".join(f"\n  missing: media/documents/{n:02}.txt" for n in range(20))
    assert message == f"{archive} is damaged; nothing was restored.{shown}{more}"


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "media/../../outside.txt", "media/./x", "media//x", "a\\b", ""]
)
def test_a_file_name_that_could_reach_outside_the_staging_folder_is_refused(tmp_path, name):
    archive, message = refusal(tmp_path, members={**valid_members(), name: b"x"})
    assert message == f"The archive holds an unsafe file name: {name!r}."
    assert not (tmp_path / "outside.txt").exists()


def test_a_link_in_the_archive_is_refused(tmp_path):
    archive = tmp_path / "linked.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        link = tarfile.TarInfo("media/documents/minutes.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tar.addfile(link)
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(backup.BackupError) as error:
        backup.unpack(archive, staging)
    assert str(error.value) == (
        "The archive holds 'media/documents/minutes.txt', which is not a file."
    )


def test_a_file_held_twice_is_refused(tmp_path):
    archive = tmp_path / "twice.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for data in (b"first", b"second"):
            info = tarfile.TarInfo("database.sqlite3")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(backup.BackupError) as error:
        backup.unpack(archive, staging)
    assert str(error.value) == "The archive holds 'database.sqlite3' twice."


# -- Made by newer code? ----------------------------------------------------------------


@pytest.fixture
def applied(db):
    """The migrations this checkout has, as a backup made by it would list them."""
    return backup.applied_migrations(connection)


@pytest.mark.parametrize(
    "unknown, shown",
    [
        (5, "blog.9000_a, blog.9001_a, blog.9002_a, blog.9003_a, blog.9004_a"),
        (6, "blog.9000_a, blog.9001_a, blog.9002_a, blog.9003_a, blog.9004_a, …"),
    ],
)
def test_a_backup_with_migrations_this_code_lacks_is_refused_naming_the_first_five(
    applied, unknown, shown
):
    manifest = {"migrations": copy.deepcopy(applied)}
    manifest["migrations"]["blog"] += [f"{9000 + n}_a" for n in range(unknown)]
    with pytest.raises(backup.BackupError) as error:
        backup.check_migrations(connection, manifest)
    assert str(error.value) == (
        "This backup was made by newer code: its database has migrations this checkout "
        f"does not ({shown}). Check out the code it was made with, then restore."
    )


def test_a_backup_as_new_as_the_code_needs_no_migrating_and_an_older_one_does(applied):
    assert backup.check_migrations(connection, {"migrations": applied}) is False
    older = copy.deepcopy(applied)
    older["blog"] = older["blog"][:-1]
    assert backup.check_migrations(connection, {"migrations": older}) is True


# -- Where a restore unpacks --------------------------------------------------------------


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    return settings.VAR_DIR


def test_a_restore_unpacks_beside_the_media_folder_making_its_parent(tmp_path, var_dir):
    """Beside it, on the same file system, so restored files are renamed into place."""
    staging = Path(backup.staging_folder(tmp_path / "srv" / "site" / "media"))
    assert staging.parent == tmp_path / "srv" / "site"
    assert staging.name.startswith(".restore-")
    assert stat.S_IMODE(staging.stat().st_mode) == 0o700


def test_an_existing_parent_of_the_media_folder_is_used_as_it_is(tmp_path, var_dir):
    (tmp_path / "srv").mkdir()
    assert Path(backup.staging_folder(tmp_path / "srv" / "media")).parent == tmp_path / "srv"


def test_without_a_media_folder_a_restore_unpacks_in_var(var_dir):
    staging = Path(backup.staging_folder(None))
    assert staging.parent == var_dir
    assert staging.name.startswith(".restore-")


def test_when_the_media_folders_parent_cannot_be_made_var_is_used(tmp_path, var_dir):
    (tmp_path / "a-file").write_text("not a folder")
    staging = Path(backup.staging_folder(tmp_path / "a-file" / "media"))
    assert staging.parent == var_dir


def test_when_neither_can_be_made_the_system_temporary_folder_is_used(
    tmp_path, settings, monkeypatch
):
    (tmp_path / "a-file").write_text("not a folder")
    settings.VAR_DIR = tmp_path / "a-file" / "var"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    staging = Path(backup.staging_folder(tmp_path / "a-file" / "media"))
    assert staging.parent == tmp_path / "tmp"
    assert staging.name.startswith("site-restore-")


# -- Sizes, and which uploads a backup or restore touches --------------------------------


@pytest.mark.parametrize(
    "size, shown",
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (1024**2 - 1, "1024.0 KB"),
        (1024**2, "1.0 MB"),
        (5 * 1024**3, "5.0 GB"),
        (3 * 1024**4, "3072.0 GB"),  # no unit past GB
    ],
)
def test_sizes_are_shown_in_the_largest_unit_below_1024(size, shown):
    assert backup.human_size(size) == shown


def write(root, files):
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def test_media_files_lists_regular_files_folder_by_folder_and_leaves_out_links(tmp_path):
    media = tmp_path / "media"
    write(media, {"b.txt": b"b", "a/z.txt": b"z", "a/y.txt": b"y", "c.txt": b"c"})
    (media / "a" / "link.txt").symlink_to(media / "b.txt")
    (media / "linked-folder").symlink_to(media / "a")
    os.mkfifo(media / "a" / "pipe")
    assert backup.media_files(media) == ["b.txt", "c.txt", "a/y.txt", "a/z.txt"]


def test_media_files_leaves_out_the_folders_it_is_told_to(tmp_path):
    media = tmp_path / "media"
    write(media, {"backups/site.tar.gz": b"x", "documents/a.txt": b"a"})
    assert backup.media_files(media, exclude=[media / "backups"]) == ["documents/a.txt"]


def manifest_listing(files):
    return {"media": {"files": [{"path": rel, **entry(data)} for rel, data in files.items()]}}


def test_a_restore_writes_only_the_uploads_that_differ_and_deletes_the_rest(tmp_path):
    media = tmp_path / "media"
    backed_up = {
        "a.txt": b"same",
        "b.txt": b"longer in the backup",
        "c.txt": b"abc",  # same size, other bytes
        "d.txt": b"same too",
        "e.txt": b"missing now",
    }
    write(media, {**backed_up, "b.txt": b"short", "c.txt": b"xyz", "e.txt": b""})
    (media / "e.txt").unlink()
    write(media, {"later.txt": b"uploaded after the backup"})
    assert backup.media_changes(media, manifest_listing(backed_up)) == (
        ["b.txt", "c.txt", "e.txt"],
        ["later.txt"],
    )


def test_a_restore_into_a_missing_media_folder_writes_everything(tmp_path):
    files = {"documents/a.txt": b"a", "original_images/deep/b.jpg": b"b"}
    staging = tmp_path / "staging"
    write(staging / backup.MEDIA_DIR, files)
    media = tmp_path / "srv" / "site" / "media"
    assert backup.restore_media(staging, media, manifest_listing(files)) == (2, 0, 0)
    assert {rel: (media / rel).read_bytes() for rel in files} == files


@pytest.mark.parametrize(
    "damage_at, reported",
    [
        # The index's top page, among its pointers to the pages below: the check runs
        # and lists what it found. (Byte 20580, once used here, lies in a page of the
        # table, where the check now and then could not run at all.)
        ("index", "*** in database main ***\nPage "),
        (4096 + 8, "database disk image is malformed"),  # a page header: the check cannot run
        (100, "database disk image is malformed"),  # the schema: nothing can be read
    ],
)
def test_a_damaged_sqlite_database_is_not_backed_up_as_if_it_were_sound(
    tmp_path, damage_at, reported
):
    damaged = tmp_path / "live.sqlite3"
    made = sqlite3.connect(damaged)
    made.execute("CREATE TABLE note (text TEXT)")
    made.execute("CREATE INDEX note_text ON note (text)")
    made.executemany("INSERT INTO note VALUES (?)", [(f"note {n} " * 5,) for n in range(3000)])
    made.commit()
    if damage_at == "index":
        (root,) = made.execute("SELECT rootpage FROM sqlite_master WHERE name = 'note_text'")
        damage_at = (root[0] - 1) * 4096 + 2048
    made.close()
    with open(damaged, "r+b") as f:  # a disk fault
        f.seek(damage_at)
        f.write(b"\xff" * 2000)
    source = sqlite3.connect(damaged)
    with pytest.raises(backup.BackupError) as error:
        backup.copy_sqlite(source, tmp_path / "copy.sqlite3")
    source.close()
    assert str(error.value).startswith(f"The copied SQLite database failed its check: {reported}")
