"""What a database holds that a person made: used by `restore` (which refuses to
overwrite it without --force) and by `make clean` (which refuses to delete it without
FORCE=1).

Standard library only, so `make clean` can run it with the system python3 before (or
after) the virtualenv exists:

    python3 site_project/core/content.py --clean-guard var [--force]

A freshly migrated database counts as empty: it holds Wagtail's root page and the home
page the migrations create, and nothing else. Any user account, any page below the home
page, any page revision, image or document counts as content."""

import argparse
import sqlite3
import sys
from pathlib import Path

# (label, table, extra WHERE clause). Plain SQL that SQLite and PostgreSQL both accept,
# on the table names Django and Wagtail give these models.
CHECKS = [
    ("user account", "auth_user", ""),
    ("page", "wagtailcore_page", "WHERE depth > 2"),
    ("page revision", "wagtailcore_revision", ""),
    ("image", "wagtailimages_image", ""),
    ("document", "wagtaildocs_document", ""),
]


def plural(count, label):
    return f"{count} {label}{'' if count == 1 else 's'}"


def content_summary(cursor, existing_tables):
    """[(label, count)] for every kind of content present; empty if there is none.

    `existing_tables` is the set of table names in the database (a database that was
    never migrated has none of them, and so no content)."""
    found = []
    for label, table, where in CHECKS:
        if table not in existing_tables:
            continue
        cursor.execute(f"SELECT COUNT(*) FROM {table} {where}")
        count = cursor.fetchone()[0]
        if count:
            found.append((label, count))
    return found


def describe(summary):
    return ", ".join(plural(count, label) for label, count in summary)


def sqlite_summary(path):
    """content_summary() of a SQLite file, opened read-only."""
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in cursor.fetchall()}
        return content_summary(cursor, tables)
    finally:
        connection.close()


def uploaded_files(media_root):
    """Files under MEDIA_ROOT that cannot be made again: everything except the image
    renditions in images/, which Wagtail regenerates on demand."""
    media_root = Path(media_root)
    if not media_root.is_dir():
        return []
    return [
        path
        for path in media_root.rglob("*")
        if path.is_file() and path.relative_to(media_root).parts[0] != "images"
    ]


def clean_guard(var_dir, force=False, out=sys.stdout, err=sys.stderr):
    """Exit status for `make clean`: 0 to go ahead, 1 to stop.

    Looks at what `make clean` deletes: the SQLite database var/db.sqlite3 and the
    uploads in var/media (a database configured by DATABASE_URL elsewhere is never
    touched by make clean, so it is not looked at)."""
    var_dir = Path(var_dir)
    database = var_dir / "db.sqlite3"
    problems = []
    if database.exists():
        try:
            summary = sqlite_summary(database)
        except sqlite3.Error as error:
            problems.append(f"{database} could not be read ({error}); it may hold content")
        else:
            if summary:
                problems.append(f"{database} holds {describe(summary)}")
    uploads = uploaded_files(var_dir / "media")
    if uploads:
        problems.append(f"{var_dir / 'media'} holds {plural(len(uploads), 'uploaded file')}")
    if not problems:
        return 0
    if force:
        out.write("FORCE=1: deleting content:\n" + "".join(f"  {p}\n" for p in problems))
        return 0
    secrets = [str(var_dir / n) for n in ("secret_key", "admin_password") if (var_dir / n).exists()]
    err.write(
        "make clean stopped: it would delete the site's content.\n"
        + "".join(f"  {p}\n" for p in problems)
        + (f"It would also delete {' and '.join(secrets)}.\n" if secrets else "")
        + "Back it up first with `make backup` (archives in var/backups/ are kept by make "
        "clean),\nthen run `make clean FORCE=1` to delete it anyway.\n"
    )
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean-guard", metavar="VAR_DIR", required=True)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    return clean_guard(args.clean_guard, force=args.force)


if __name__ == "__main__":
    sys.exit(main())
