"""Backups of the whole site in one archive, and restoring them (`manage.py backup`,
`manage.py restore`, `make backup`, `make restore`).

An archive is a gzipped tar file, readable by the owner only, holding:

    database.sqlite3 | database.pgdump   a consistent copy of the database
    media/...                            every file in MEDIA_ROOT (uploads and renditions)
    manifest.json                        what the rest is, with sizes and SHA-256 digests

The database copy is taken without stopping the site. SQLite: the online backup API
copies the database in one step inside a read transaction, which in WAL mode never
blocks the site's readers or writers. PostgreSQL: `pg_dump --format=custom`, which reads
from one snapshot. Connection details go to pg_dump, pg_restore and psql through PG*
environment variables, never on a command line (where `ps` shows them).

Media files are copied after the database, so every file the copied database refers to
was there already (a file uploaded meanwhile is at worst an unused extra). Renditions in
images/ could be made again, but the copied database lists them, so they are kept: a
restored site then serves every image at once, without regenerating.

Restoring checks the whole archive first (every digest, nothing missing or extra)
before it changes anything, and replaces the database in one transaction."""

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zlib
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from . import content

FORMAT = "engaging-communities-site-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024
# Seconds to wait for `pg_config --bindir` or a client program's `--version`: a broken
# wrapper that hangs is passed over instead of hanging the backup.
TOOL_TIMEOUT = 30


class BackupError(Exception):
    """A problem to report in one sentence, without a traceback."""


# -- Shared helpers -------------------------------------------------------------------


def engine_of(connection):
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(
            f"Backups support SQLite and PostgreSQL, not {connection.vendor} databases."
        )
    return connection.vendor


def local_media_root():
    """MEDIA_ROOT as a Path when uploads are stored on this machine's disk; None when
    they are in object storage (S3_BUCKET), which needs its own backups."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    return None


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def human_size(size):
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover


def database_summary(connection):
    """content.content_summary() of a Django connection's database."""
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        return content.content_summary(cursor, tables)


def applied_migrations(connection):
    """{app label: sorted names of applied migrations}."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    applied = {}
    for app, name in recorder.applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _fsync_dir(path):
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- PostgreSQL client programs -------------------------------------------------------


def postgresql_env(settings_dict):
    """The environment pg_dump, pg_restore and psql connect with (as Django's own
    `dbshell` builds it, but with the database name too, and nothing on argv)."""
    options = settings_dict.get("OPTIONS", {})
    # Inherited PG* variables stay: the site's own connection (libpq) reads them too.
    env = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER") or options.get("user"),
        "PGPASSWORD": settings_dict.get("PASSWORD") or options.get("password"),
        "PGDATABASE": settings_dict.get("NAME") or options.get("dbname"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
    }
    env.update({k: str(v) for k, v in values.items() if v})
    env["PGAPPNAME"] = "site-backup"
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return env


def _tool_major(path):
    try:
        out = subprocess.run(
            [str(path), "--version"],
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", out)
    return int(match.group(1)) if match else None


def postgresql_tool(name, server_major):
    """The path of pg_dump, pg_restore or psql for this server: from PG_BIN if set,
    else the server version's own folder (/usr/lib/postgresql/N/bin on Debian), else
    `pg_config --bindir`, else PATH (Debian's wrapper picks a version itself).
    It must be at least as new as the server."""
    folders = []
    if settings.PG_BIN:
        folders.append(Path(settings.PG_BIN))
    folders.append(Path(f"/usr/lib/postgresql/{server_major}/bin"))
    if pg_config := shutil.which("pg_config"):
        try:
            bindir = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=TOOL_TIMEOUT
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass  # a broken pg_config: the other places are still tried
        else:
            if bindir:
                folders.append(Path(bindir))
    candidates = [folder / name for folder in folders]
    if on_path := shutil.which(name):
        candidates.append(Path(on_path))
    tried = []
    for candidate in candidates:
        if not (candidate.is_file() and os.access(candidate, os.X_OK)):
            continue
        major = _tool_major(candidate)
        if major is not None and major >= server_major:
            return str(candidate)
        tried.append(f"{candidate} (version {major})")
    raise BackupError(
        f"No {name} for PostgreSQL {server_major} or newer was found"
        + (f" (found {', '.join(tried)})" if tried else "")
        + f". Install the PostgreSQL {server_major} client programs "
        f"(Debian: postgresql-client-{server_major}) or set PG_BIN to their folder."
    )


def _run_pg(args, env, what):
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True)
    except OSError as error:
        raise BackupError(f"{what} could not be started: {error}") from error
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise BackupError(f"{what} failed (exit status {result.returncode}):\n{detail}")
    return result


def server_major(connection):
    connection.ensure_connection()
    return connection.pg_version // 10000


# -- Backup ---------------------------------------------------------------------------


def dump_sqlite(connection, destination):
    """Copy a live SQLite database into `destination` with the online backup API: one
    step, inside a read transaction, so the copy is consistent while others write."""
    connection.ensure_connection()
    copy_sqlite(connection.connection, destination)


def copy_sqlite(source, destination):
    """`source`: an open sqlite3 connection. The copy is a plain file (no WAL), checked."""
    target = sqlite3.connect(destination)
    try:
        source.backup(target)
        try:
            target.execute("PRAGMA journal_mode=DELETE")
            (result,) = target.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as error:  # damage bad enough that the check cannot run
            result = str(error)
        if result != "ok":
            raise BackupError(f"The copied SQLite database failed its check: {result}")
    finally:
        target.close()


def dump_postgresql(connection, destination):
    major = server_major(connection)
    pg_dump = postgresql_tool("pg_dump", major)
    _run_pg(
        [pg_dump, "--format=custom", "--no-password", f"--file={destination}"],
        postgresql_env(connection.settings_dict),
        "pg_dump",
    )
    return {"server_major": major, "dumped_with": _version_line(pg_dump)}


def _version_line(tool):
    try:
        return subprocess.run(
            [tool, "--version"], capture_output=True, text=True, timeout=TOOL_TIMEOUT
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


class _HashingReader:
    """A file object that digests what tarfile reads from it."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.digest = hashlib.sha256()
        self.count = 0

    def read(self, size=-1):
        data = self.fileobj.read(size)
        self.digest.update(data)
        self.count += len(data)
        return data


def _add_file(tar, path, name, mode):
    """Add the file at `path` to `tar` as `name`; return its size and digest, or None if
    it disappeared meanwhile (an upload deleted while the backup ran)."""
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return None
    with f:
        stat = os.fstat(f.fileno())
        info = tarfile.TarInfo(name)
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = mode
        reader = _HashingReader(f)
        tar.addfile(info, reader)  # reads exactly info.size bytes, or fails
    return {"size": reader.count, "sha256": reader.digest.hexdigest()}


def _add_bytes(tar, name, data, mode=0o600):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    info.mode = mode
    tar.addfile(info, io.BytesIO(data))


def media_files(media_root, exclude=()):
    """Relative POSIX paths of the regular files under `media_root`: a folder's files
    by name, then its sub-folders' by name (symbolic links left out)."""
    found = []
    excluded = [Path(e).resolve() for e in exclude]
    for folder, dirs, files in os.walk(media_root):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not any((here / d).resolve() == e for e in excluded) and not (here / d).is_symlink()
        )
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or not path.is_file():
                continue
            found.append(path.relative_to(media_root).as_posix())
    return found


def unique_archive_path(output_dir, now):
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    path = output_dir / f"site-{stamp}.tar.gz"
    n = 2
    while path.exists():
        path = output_dir / f"site-{stamp}-{n}.tar.gz"
        n += 1
    return path


def create_backup(output_dir, *, using="default", log=print, now=None):
    """Write one archive into `output_dir` and return (its path, its manifest)."""
    connection = connections[using]
    engine = engine_of(connection)
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    if not output_dir.exists():
        output_dir.mkdir(mode=0o700, parents=True)
    media_root = local_media_root()

    migrations = applied_migrations(connection)
    if not migrations:
        raise BackupError("The database has never been migrated: there is nothing to back up yet.")
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "versions": {
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "python": sys.version.split()[0],
        },
        "migrations": migrations,
        "content": dict(database_summary(connection)),
    }
    manifest["latest_migrations"] = {
        app: names[-1] for app, names in manifest["migrations"].items()
    }

    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        member = DATABASE_MEMBERS[engine]
        dump = Path(work) / member
        log(f"Copying the {ENGINE_NAMES[engine]} database…")
        database = {"engine": engine, "file": member}
        if engine == "sqlite":
            dump_sqlite(connection, dump)
        else:
            database.update(dump_postgresql(connection, dump))

        path = unique_archive_path(output_dir, now)
        partial = output_dir / f".{path.name}.partial"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw:
                with tarfile.open(
                    fileobj=raw, mode="w:gz", compresslevel=6, format=tarfile.PAX_FORMAT
                ) as tar:
                    database.update(_add_file(tar, dump, member, 0o600))
                    manifest["database"] = database
                    manifest["media"] = _add_media(tar, media_root, output_dir, log)
                    _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    _fsync_dir(output_dir)
    return path, manifest


def _add_media(tar, media_root, output_dir, log):
    if media_root is None:
        log(
            "Uploads are in object storage (S3_BUCKET), not in MEDIA_ROOT: this archive "
            "holds the database only. Give the bucket its own versioning or backups."
        )
        return {"included": False, "reason": "object storage", "files": []}
    if not media_root.is_dir():
        log(f"No media folder at {media_root}: no uploads to copy.")
        return {"included": True, "files": []}
    log(f"Copying media from {media_root}…")
    files = []
    for rel in media_files(media_root, exclude=[output_dir]):
        added = _add_file(tar, media_root / rel, f"{MEDIA_DIR}/{rel}", 0o644)
        if added is None:
            log(f"  {rel} was deleted while the backup ran; left out.")
            continue
        files.append({"path": rel, **added})
    return {"included": True, "files": files}


# -- Reading and checking an archive --------------------------------------------------


def _safe_name(name):
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\0" in name
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise BackupError(f"The archive holds an unsafe file name: {name!r}.")
    return parts


def unpack(archive, staging):
    """Unpack `archive` into the folder `staging` and check it against its manifest.
    Returns the manifest. Raises BackupError, having changed nothing outside `staging`."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No backup archive at {archive}.")
    staging = Path(staging)
    found = {}
    try:
        with tarfile.open(archive, mode="r:*") as tar:
            for member in tar:
                parts = _safe_name(member.name)
                if member.isdir():
                    continue
                if not member.isfile():
                    raise BackupError(f"The archive holds {member.name!r}, which is not a file.")
                if member.name in found:
                    raise BackupError(f"The archive holds {member.name!r} twice.")
                target = staging.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                digest = hashlib.sha256()
                size = 0
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    while block := source.read(CHUNK):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
                found[member.name] = {"size": size, "sha256": digest.hexdigest()}
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        if isinstance(error, BackupError):
            raise
        raise BackupError(f"{archive} is not a readable backup archive ({error}).") from error

    if MANIFEST not in found:
        raise BackupError(f"{archive} has no {MANIFEST}: it is not a backup made by this site.")
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
    except ValueError as error:
        raise BackupError(f"The manifest in {archive} is not valid JSON ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} is not a backup made by this site.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{archive} is a version {manifest.get('version')} backup; this code reads "
            f"version {VERSION}."
        )

    _check_manifest(manifest, archive)
    expected = {manifest["database"]["file"]: manifest["database"]}
    for entry in manifest["media"]["files"]:
        _safe_name(entry["path"])
        expected[f"{MEDIA_DIR}/{entry['path']}"] = entry
    del found[MANIFEST]
    problems = []
    for name in sorted(set(expected) - set(found)):
        problems.append(f"missing: {name}")
    for name in sorted(set(found) - set(expected)):
        problems.append(f"not in the manifest: {name}")
    for name in sorted(set(expected) & set(found)):
        want, got = expected[name], found[name]
        if (want["size"], want["sha256"]) != (got["size"], got["sha256"]):
            problems.append(f"checksum mismatch: {name}")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackupError(f"{archive} is damaged; nothing was restored.\n  {shown}{more}")
    return manifest


def _check_manifest(manifest, archive):
    """Refuse a manifest that lacks anything restore reads."""

    def need(mapping, *keys):
        for key in keys:
            if not isinstance(mapping, dict) or key not in mapping:
                raise BackupError(f"The manifest in {archive} is incomplete (no {key!r}).")

    need(manifest, "created_at", "versions", "migrations", "database", "media")
    need(manifest["versions"], "django", "wagtail")
    need(manifest["database"], "engine", "file", "size", "sha256")
    database = manifest["database"]
    if DATABASE_MEMBERS.get(database["engine"]) != database["file"]:
        raise BackupError(
            f"The manifest in {archive} names an unknown database: "
            f"{database['engine']!r} in {database['file']!r}."
        )
    need(manifest["media"], "included", "files")
    for entry in manifest["media"]["files"]:
        need(entry, "path", "size", "sha256")
    migrations = manifest["migrations"]
    if not isinstance(migrations, dict) or not all(
        isinstance(names, list) for names in migrations.values()
    ):
        raise BackupError(f"The manifest in {archive} lists its migrations wrongly.")


# -- Restore --------------------------------------------------------------------------


def check_migrations(connection, manifest):
    """Refuse a backup made by newer code: its database has migrations this code lacks.
    Returns True if the backup is older than the code (migrate will run after)."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    on_disk = set(loader.disk_migrations)
    in_backup = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    unknown = sorted(in_backup - on_disk)
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"This backup was made by newer code: its database has migrations this "
            f"checkout does not ({names}{', …' if len(unknown) > 5 else ''}). Check out "
            "the code it was made with, then restore."
        )
    return bool(set(loader.graph.leaf_nodes()) - in_backup)


def restore_sqlite(connection, dump):
    """Replace the live database's contents with `dump` through SQLite's backup API:
    one write transaction under SQLite's own locks, so other connections (the running
    site) wait briefly and then see the restored database; no file is swapped under
    them, and no stale -wal file can be replayed over it. (A live database in WAL mode
    stays in WAL mode: SQLite keeps the destination's journal mode.)"""
    connection.ensure_connection()
    source = sqlite3.connect(f"{Path(dump).resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def restore_postgresql(connection, dump, staging):
    """Empty the configured database's schema and load the dump, in one transaction
    (psql --single-transaction): if anything fails, the database is as it was.
    `staging` is the restore's private folder (mode 0700): the SQL files written there
    are readable by this user only, whatever their own modes."""
    major = server_major(connection)
    env = postgresql_env(connection.settings_dict)
    pg_restore = postgresql_tool("pg_restore", major)
    psql = postgresql_tool("psql", major)
    script = Path(staging) / "restore.sql"
    _run_pg(
        [pg_restore, "--no-owner", "--no-privileges", f"--file={script}", str(dump)],
        env,
        "pg_restore",
    )
    preamble = Path(staging) / "empty-schema.sql"
    preamble.write_text(_drop_everything_sql(connection))
    _run_pg(
        [
            psql,
            "--no-psqlrc",
            "--quiet",
            "--no-password",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            f"--file={preamble}",
            f"--file={script}",
        ],
        env,
        "Loading the database with psql",
    )


def _drop_everything_sql(connection):
    """DROP statements for every table, view and sequence in the current schema: what
    the site's migrations made, including tables from migrations newer than the backup."""
    kinds = {
        "r": "TABLE",
        "p": "TABLE",
        "f": "FOREIGN TABLE",
        "v": "VIEW",
        "m": "MATERIALIZED VIEW",
        "S": "SEQUENCE",
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname, c.relname, c.relkind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r','p','f','v','m','S') "
            "AND NOT c.relispartition "
            # Sequences behind identity and serial columns go with their tables. (Only
            # sequences: a partitioned table depends internally on itself, by its key.)
            "AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
            "AND d.deptype IN ('a', 'i'))) "
            "ORDER BY c.relkind = 'S', c.relname"
        )
        rows = cursor.fetchall()
    quote = connection.ops.quote_name
    return "".join(
        f"DROP {kinds[kind]} IF EXISTS {quote(schema)}.{quote(name)} CASCADE;\n"
        for schema, name, kind in rows
    )


def _place(source, target):
    """Move `source` to `target`, replacing it atomically (across filesystems too)."""
    mode = getattr(settings, "FILE_UPLOAD_PERMISSIONS", None) or 0o644
    try:
        os.chmod(source, mode)
        os.replace(source, target)
    except OSError:
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as f:
                shutil.copyfileobj(f, out, CHUNK)
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def media_changes(media_root, manifest):
    """(files to write, files to delete) for MEDIA_ROOT to match the backup."""
    wanted = {entry["path"]: entry for entry in manifest["media"]["files"]}
    present = set(media_files(media_root)) if media_root.is_dir() else set()
    write = []
    for rel, entry in wanted.items():
        path = media_root / rel
        if (
            rel in present
            and path.stat().st_size == entry["size"]
            and sha256_of(path) == entry["sha256"]
        ):
            continue
        write.append(rel)
    return write, sorted(present - set(wanted))


def restore_media(staging, media_root, manifest):
    """Make MEDIA_ROOT hold exactly the backup's files; return (written, unchanged,
    deleted) counts."""
    write, delete = media_changes(media_root, manifest)
    media_root.mkdir(parents=True, exist_ok=True)
    for rel in write:
        target = media_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        _place(Path(staging) / MEDIA_DIR / rel, target)
    for rel in delete:
        (media_root / rel).unlink(missing_ok=True)
    unchanged = len(manifest["media"]["files"]) - len(write)
    return len(write), unchanged, len(delete)


def staging_folder(media_root):
    """A private folder to unpack into: beside MEDIA_ROOT when possible, so restored
    files are renamed into place rather than copied."""
    for parent in ([media_root.parent] if media_root else []) + [settings.VAR_DIR]:
        parent = Path(parent)
        try:
            parent.mkdir(parents=True, exist_ok=True)
            return tempfile.mkdtemp(prefix=".restore-", dir=parent)
        except OSError:
            continue
    return tempfile.mkdtemp(prefix="site-restore-")
