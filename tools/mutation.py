"""`make mutation`: mutation-test the app code with mutmut, then report by package.

mutmut (configured under [tool.mutmut] in pyproject.toml) copies the code to `mutants/`,
makes small changes to it one at a time (a flipped comparison, a dropped argument, a
changed string) and runs the non-browser tests that reach the changed function. A
mutant the tests notice is "killed"; one they do not notice "survived", which means a
behaviour no test pins down (or a change that makes no observable difference).

Each mutant runs pytest afresh, so migrating a test database per run would cost more
than the tests: every run gets its own copy of the SQLite database `make test` also
uses, migrated once per set of migrations (tools/test_database.py, TEST_TEMPLATE_DB).

Some code runs only on PostgreSQL (the backup's pg_dump and the restore's psql): on
SQLite no test reaches it. With a PostgreSQL server (`--postgresql URL`, which `make
mutation` passes when DATABASE_URL names one), a second pass runs the mutants of that
code the SQLite pass did not kill against the server, as CI's PostgreSQL pass would
run their tests, in its own copy of the project (var/mutation/postgresql/) so that
mutmut's records of the first pass stay as they are. Each run gets its own database,
made with a migrated one as its template.

Usage:
    python tools/mutation.py                 # everything (incremental: mutmut remembers)
    python tools/mutation.py 'engagement.*'  # only mutants whose names match
    python tools/mutation.py --postgresql postgres://user@host/name   # and the second pass
    python tools/mutation.py --survivors     # run the last run's survivors again
    python tools/mutation.py --survivors --all-tests   # ... with every test of their function
    python tools/mutation.py --report        # rebuild the report from the last run
    python tools/mutation.py --list-equivalent 'home.affected.x_affected_paths__mutmut_*'
                             # list survivors as equivalent (see the README for why)
    python tools/mutation.py --equivalents   # run the listed equivalents again
The report goes to var/mutation/report.md (and report.json)."""

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.mutation_selection

from tests.mutation_selection import (  # noqa: E402
    ALWAYS,
    EQUIVALENTS_ENV,
    INDEX_ENV,
    KILLERS_ENV,
    RECORD_ENV,
    STAMP,
    TIMES,
    mutant_digest,
    read_equivalents,
    source_digest,
)
from tools import test_database  # noqa: E402

OUT = ROOT / "var" / "mutation"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.txt"
TEMPLATE_DB = test_database.TEMPLATE

# The packages the figures are given for, most specific first.
PACKAGES = [
    "site_project/core",
    "site_project/taxonomy",
    "site_project/blocks",
    "blog",
    "engagement",
    "home",
]
KILLED = {"killed", "timeout", "segfault", "killed on PostgreSQL"}
LISTED = "listed as equivalent"  # the report's name for mutmut's "skipped"

# The PostgreSQL pass: the files with code that runs only there, and their tests.
POSTGRESQL_TREE = OUT / "postgresql"
POSTGRESQL_RESULTS = OUT / "postgresql.json"
POSTGRESQL_FILES = [
    "site_project/core/backup.py",
    "site_project/core/management/commands/restore.py",
]
POSTGRESQL_TESTS = ["tests/test_backup.py"]

# Which app lines each test runs, for tests/mutation_selection.py.
LINES_INDEX = OUT / "lines"
LINES_STAMP = LINES_INDEX / STAMP
# How long the last run's parts took, for the report (point of reference: the hour).
TIMING = OUT / "timing.json"
MEASURED = ["blog", "engagement", "home", "site_project"]


def fingerprint(paths):
    """One digest of the files' names (relative to the project) and contents."""
    digest = hashlib.sha256()
    for path in paths:
        path = ROOT / path
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def tree_fingerprint():
    """The app code and the tests, as the lines index was made from them."""
    return fingerprint(
        path
        for folder in [*MEASURED, "tests"]
        for path in sorted((ROOT / folder).glob("**/*"))
        if path.suffix in (".py", ".html") and "__pycache__" not in path.parts
    )


def start_lines_index():
    """Run the suite once under coverage.py, noting which app lines each test runs, and
    write one index per source file; again only when the code or the tests changed.

    It runs on one core beside mutmut's own first passes (its stats run and its clean
    run, one core each), in a thread: the mutants' runs use the index once it is
    complete (tests/mutation_selection.py looks for its fingerprint file) and run
    every test of their function until then."""
    tree = tree_fingerprint()
    if LINES_STAMP.exists() and LINES_STAMP.read_text() == tree:
        return None
    shutil.rmtree(LINES_INDEX, ignore_errors=True)
    print("== Noting which lines each test runs, beside mutmut's first passes")
    job = threading.Thread(target=_build_lines_index, args=(tree,))
    job.failure = None
    job.start()
    return job


def _build_lines_index(tree):
    job = threading.current_thread()
    job.started = time.monotonic()
    building = OUT / "lines.building"
    shutil.rmtree(building, ignore_errors=True)
    raw = building / "raw"
    raw.mkdir(parents=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        test_database.ENV: str(TEMPLATE_DB),
        RECORD_ENV: os.pathsep.join([str(raw), *(str(ROOT / m) for m in MEASURED)]),
    }
    for name in ("DATABASE_URL", "REDIS_URL", "MUTANT_UNDER_TEST"):
        env.pop(name, None)
    # What each source is as the tests import it, to tell when the index no longer fits.
    measured_sources = sorted(
        path for folder in MEASURED for path in (ROOT / folder).glob("**/*.py")
    )
    before = {str(path.relative_to(ROOT)): source_digest(path) for path in measured_sources}
    log = OUT / "lines.log"
    with log.open("w") as output:
        finished = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            + ["-m", "not browser and not server", "-W", "ignore", "tests"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    if finished.returncode != 0:
        job.failure = f"the tests failed under coverage.py: see {log}"
        return
    import coverage

    recorded = coverage.Coverage(data_file=str(raw / "lines"), config_file=False)
    recorded.combine([str(raw)], keep=False)
    data = recorded.get_data()
    for measured in data.measured_files():
        relative = Path(measured).relative_to(ROOT)
        keys, numbers, lines = [], {}, {}
        for line, contexts in data.contexts_by_lineno(measured).items():
            indexes = []
            for context in contexts:
                if context not in numbers:
                    numbers[context] = len(keys)
                    keys.append(context)
                indexes.append(numbers[context])
            lines[str(line)] = sorted(indexes)
        digest = before.get(str(relative))
        if digest != source_digest(measured):
            digest = None  # edited during the pass: its line numbers cannot be trusted
        target = building / (str(relative) + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {"source": digest, "keys": keys, "lines": lines}
        target.write_text(json.dumps(index, separators=(",", ":")))
    spawning = set()
    for path in raw.glob("spawning-*.json"):
        spawning.update(json.loads(path.read_text()))
    (building / ALWAYS).write_text(json.dumps(sorted(spawning)))
    times = {"tests": Counter(), "shared": Counter()}
    for path in raw.glob("times-*.json"):
        for kind, found in json.loads(path.read_text()).items():
            times[kind].update(found)
    (building / TIMES).write_text(json.dumps(times))
    shutil.rmtree(raw)
    (building / STAMP).write_text(tree)
    os.replace(building, LINES_INDEX)  # complete, with its fingerprint, all at once
    job.seconds = time.monotonic() - job.started
    print("\n== The lines index is ready: mutants run with the tests that reach them")


def run_mutmut(
    names,
    max_children,
    cwd=ROOT,
    template=TEMPLATE_DB,
    database_url=None,
    narrow=True,
    skip_listed=True,
):
    env = {
        **os.environ,
        test_database.ENV: str(template),
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
    }
    for name in ("DATABASE_URL", "REDIS_URL", EQUIVALENTS_ENV):
        env.pop(name, None)
    if skip_listed:
        env[EQUIVALENTS_ENV] = str(EQUIVALENTS)
    if database_url:
        env["DATABASE_URL"] = database_url
    if narrow and not database_url:
        env[INDEX_ENV] = str(LINES_INDEX)
        env[KILLERS_ENV] = str(OUT / "killers.tsv")
    elif narrow:
        # The lines index is SQLite's, blind to PostgreSQL-only lines, so the PostgreSQL
        # pass keeps every test; the tests that killed a function's mutants there still
        # run first (the order never changes a verdict).
        env[KILLERS_ENV] = str(OUT / "postgresql-killers.tsv")
    mutmut = Path(sys.executable).with_name("mutmut")
    command = [str(mutmut), "run", "--max-children", str(max_children), *names]
    return subprocess.run(command, cwd=cwd, env=env).returncode


def statuses(root, paths):
    """{mutant name: status} from mutmut's records under `root` for the given files."""
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.stats import status_by_exit_code

    here = os.getcwd()
    os.chdir(root)
    try:
        found = {}
        for path in paths:
            data = SourceFileMutationData(path=Path(path))
            data.load()
            for name, exit_code in data.exit_code_by_key.items():
                found[name] = status_by_exit_code[exit_code]
        return found
    finally:
        os.chdir(here)


def names_with_status(*wanted):
    from mutmut.utils.file_utils import walk_mutatable_files

    os.chdir(ROOT)
    return sorted(
        name
        for name, status in statuses(ROOT, [str(p) for p in walk_mutatable_files()]).items()
        if status in wanted
    )


def list_as_equivalent(patterns):
    """Add the last run's survivors matching `patterns` to the list of equivalents,
    under their function's name, with the digest of their code as it is now."""
    from fnmatch import fnmatch

    listed = read_equivalents(EQUIVALENTS)
    by_function = defaultdict(list)
    for name in names_with_status("survived"):
        if not any(fnmatch(name, pattern) for pattern in patterns):
            continue
        function = name.partition("__mutmut_")[0]
        digest = mutant_digest(name, ROOT / "mutants")
        if digest and (function, digest) not in listed:
            by_function[function].append(f"{name} {digest}")
    added = [
        f"# {function}\n" + "\n".join(entries) + "\n"
        for function, entries in sorted(by_function.items())
    ]
    with EQUIVALENTS.open("a") as out:
        out.write("".join(added))
    print(f"Listed {sum(map(len, by_function.values()))} mutants in {EQUIVALENTS}.")


def postgresql_pass(url, max_children):
    """Run the mutants of the PostgreSQL files that the SQLite pass did not kill
    against `url`: those no test reached there (PostgreSQL-only functions), and its
    survivors, many of which sit in PostgreSQL-only branches of functions SQLite's
    tests do reach (the restore's `restore_postgresql` call, the backup's pg_dump)."""
    import dj_database_url
    import psycopg

    left = sorted(
        name
        for name, status in statuses(ROOT, POSTGRESQL_FILES).items()
        if status in ("no tests", "survived")
    )
    print(f"== PostgreSQL pass: {len(left)} mutants the SQLite pass did not kill")
    results = {}
    if left:
        prepare_postgresql_tree()
        server = dj_database_url.parse(url)
        template = f"{server['NAME']}_mutation_template"
        admin = psycopg.connect(
            **{key: value for key, value in _libpq(server).items() if value},
            dbname="postgres",
            autocommit=True,
        )
        try:
            drop_databases(admin, template)
            admin.execute(f'CREATE DATABASE "{template}"')
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                cwd=ROOT,
                env={
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
                    "DATABASE_URL": _with_name(url, template),
                },
                check=True,
            )
            code = run_mutmut(
                left, max_children, POSTGRESQL_TREE, template=template, database_url=url
            )
            if code not in (0, 1):
                sys.exit(code)
            ran = statuses(POSTGRESQL_TREE, POSTGRESQL_FILES)
            results = {name: ran[name] for name in left if name in ran}
        finally:
            drop_databases(admin, template)
            admin.close()
    POSTGRESQL_RESULTS.write_text(
        json.dumps({"sources": fingerprint(POSTGRESQL_FILES), "statuses": results}, indent=1)
    )


def prepare_postgresql_tree():
    """A copy of the project for the second pass, whose mutmut mutates only the
    PostgreSQL files and runs only their tests."""
    import tomllib

    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    POSTGRESQL_TREE.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in [*settings["source_paths"], *settings.get("also_copy", []), "tests"]:
        source, target = ROOT / name, POSTGRESQL_TREE / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=ignore)
        else:
            shutil.copy2(source, target)
    settings["only_mutate"] = POSTGRESQL_FILES
    settings["pytest_add_cli_args_test_selection"] = POSTGRESQL_TESTS
    section = "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    pyproject = re.sub(
        r"^\[tool\.mutmut\]\n(?:(?!\[).*\n?)*",
        lambda _: "[tool.mutmut]\n" + section + "\n",
        (ROOT / "pyproject.toml").read_text(),
        flags=re.MULTILINE,
    )
    (POSTGRESQL_TREE / "pyproject.toml").write_text(pyproject)


def drop_databases(admin, template):
    """The template and any copy a killed run left behind."""
    rows = admin.execute(
        "SELECT datname FROM pg_database WHERE datname = %s OR datname LIKE %s",
        [template, template.replace("_", r"\_") + r"\_%"],
    ).fetchall()
    for (name,) in rows:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(server):
    return {
        "host": server.get("HOST"),
        "port": server.get("PORT") or None,
        "user": server.get("USER"),
        "password": server.get("PASSWORD"),
    }


def _with_name(url, name):
    base, _, query = url.partition("?")
    base = base.rsplit("/", 1)[0] + "/" + name
    return base + ("?" + query if query else "")


def package_of(path):
    for package in PACKAGES:
        if path == package or path.startswith(package + "/"):
            return package
    return "other"


def function_lines(source_path):
    """First line (decorators included) of every function, by mutmut's mangled name."""
    tree = ast.parse(source_path.read_text())
    lines = {}

    def visit(node, class_name=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                key = f"xǁ{class_name}ǁ{child.name}" if class_name else f"x_{child.name}"
                lines[key] = first

    visit(tree)
    return lines


def survivor_line(name, diff, lines_by_function):
    """The source line a surviving mutant changed, from its function's start and diff."""
    function_key = name.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    start = lines_by_function.get(function_key)
    offset = 0
    for line in diff.splitlines()[2:]:
        if line.startswith("@@"):
            offset = int(line.split()[1].split(",")[0].lstrip("-")) - 1
            continue
        if line.startswith("-"):
            break
        offset += 1
    return (start + offset) if start else None


def postgresql_statuses():
    """The PostgreSQL pass's results, if it ran on the code as it is now."""
    try:
        recorded = json.loads(POSTGRESQL_RESULTS.read_text())
    except (OSError, ValueError):
        return {}
    if recorded.get("sources") != fingerprint(POSTGRESQL_FILES):
        print("(The PostgreSQL pass ran on older code: its results are left out.)")
        return {}
    return recorded["statuses"]


def build_report():
    from mutmut.configuration import config
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    os.chdir(ROOT)
    config()
    on_postgresql = postgresql_statuses()
    mutants = ROOT / "mutants"
    listed = read_equivalents(EQUIVALENTS)
    current = set()  # the surviving mutants' (function, digest) pairs
    counts = defaultdict(Counter)
    killed_on_postgresql = Counter()
    survivors = []
    for path in sorted(walk_mutatable_files()):
        data = SourceFileMutationData(path=path)
        data.load()
        relative = str(path)
        package = package_of(relative)
        lines_by_function = function_lines(ROOT / path)
        for name, exit_code in sorted(data.exit_code_by_key.items()):
            status = status_by_exit_code[exit_code]
            if status not in KILLED and on_postgresql.get(name) in KILLED:
                status = "killed on PostgreSQL"
                killed_on_postgresql[package] += 1
            elif status == "no tests" and name in on_postgresql:
                status = on_postgresql[name]  # reached there, and survived or not run
            if status == "skipped":
                status = LISTED
            counts[package]["killed" if status in KILLED else status] += 1
            if status in KILLED or status == "not checked":
                continue
            diff = get_diff_for_mutant(name, path=path)
            digest = mutant_digest(name, mutants)
            survivors.append(
                {
                    "file": relative,
                    "line": survivor_line(name, diff, lines_by_function),
                    "mutant": name,
                    "status": status,
                    "explained": (name.partition("__mutmut_")[0], digest) in listed,
                    "diff": diff,
                }
            )
            current.add((name.partition("__mutmut_")[0], digest))

    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for package in [*PACKAGES, "other"]:
        c = counts.get(package)
        if not c:
            continue
        decided = sum(n for status, n in c.items() if status != "not checked")
        killed = c["killed"]
        rows.append(
            {
                "package": package,
                "mutants": sum(c.values()),
                "killed": killed,
                "killed_on_postgresql": killed_on_postgresql[package],
                "survived": c["survived"],
                "listed_as_equivalent": c[LISTED],
                "no_tests": c["no tests"],
                "not_checked": c["not checked"],
                "killed_percent": round(100 * killed / decided, 1) if decided else None,
            }
        )
    report = {"packages": rows, "survivors": survivors}
    (OUT / "report.json").write_text(json.dumps(report, indent=1))

    lines = [
        "# Mutation testing report",
        "",
        "| Package | Mutants | Killed | Survived | Listed as equivalent | No test reaches it "
        "| Not run yet | Killed % |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        percent = "" if row["killed_percent"] is None else f"{row['killed_percent']} %"
        lines.append(
            f"| `{row['package']}` | {row['mutants']} | {row['killed']} | {row['survived']} "
            f"| {row['listed_as_equivalent']} | {row['no_tests']} | {row['not_checked']} "
            f"| {percent} |"
        )
    unexplained = [s for s in survivors if not s["explained"]]
    stale = sorted(name for key, name in listed.items() if key not in current)
    summary = [
        f"Survivors not on the list of equivalents (tests/mutation_equivalents.txt, "
        f"whose mutants are not run again while their code is the same): {len(unexplained)}."
    ]
    if stale:
        summary.append(
            f"{len(stale)} entries of that list match no surviving mutant now (their "
            "function changed, or they were killed or not run yet): "
            + ", ".join(f"`{name}`" for name in stale)
        )
    timing = last_run_timing()
    if timing:
        summary.append(timing)
    for paragraph in summary:
        lines += ["", paragraph]
    on_postgresql_total = sum(killed_on_postgresql.values())
    if on_postgresql_total:
        lines += [
            "",
            f"Killed includes {on_postgresql_total} mutants of PostgreSQL-only code "
            "that SQLite's tests could not reach or could not tell apart, killed by the "
            "PostgreSQL pass.",
        ]
    elif not on_postgresql:
        lines += [
            "",
            "The PostgreSQL pass has not run on this code: PostgreSQL-only code counts as "
            "not reached (`make mutation DATABASE_URL=postgres://...` runs it).",
        ]
    lines += ["", "## Surviving mutants, by file and line", ""]
    by_file = defaultdict(list)
    for survivor in survivors:
        by_file[survivor["file"]].append(survivor)
    for file, items in by_file.items():
        lines.append(f"### {file}")
        lines.append("")
        for item in sorted(items, key=lambda s: (s["line"] or 0, s["mutant"])):
            status = item["status"] + ("" if item["explained"] else ", not on the list")
            lines.append(f"- line {item['line']}: `{item['mutant']}` ({status})")
            lines.append("")
            lines.append("  ```diff")
            lines += ["  " + d for d in item["diff"].splitlines()[2:]]
            lines.append("  ```")
        lines.append("")
    (OUT / "report.md").write_text("\n".join(lines))

    print()
    print("\n".join(lines[2 : 4 + len(rows)]))
    print()
    for file, items in by_file.items():
        where = ", ".join(str(line) for line in sorted({item["line"] or 0 for item in items}))
        explained = sum(item["explained"] for item in items)
        print(f"{file}: {len(items)} surviving ({explained} listed as equivalent), lines {where}")
    print("\n" + summary[0])
    if timing:
        print(timing)
    if stale:
        print(f"{len(stale)} entries of that list match no surviving mutant now: see the report.")
    print(f"\nFull report with diffs: {OUT / 'report.md'}")


def last_run_timing():
    """One sentence on how long the last run took and what it ran, or None."""
    if not TIMING.exists():
        return None
    timing = json.loads(TIMING.read_text())

    def minutes(key):
        return f"{timing[key] / 60:.0f} min"

    if timing["names"]:
        what = "the mutants named " + ", ".join(f"`{n}`" for n in timing["names"])
    elif timing["from_scratch"]:
        what = "every mutant, from scratch"
    else:
        what = "the mutants without a result (incremental)"
    parts = [f"mutmut's passes and the mutants {minutes('mutmut')}"]
    if "lines_index" in timing:
        parts.append(f"beside them, the lines index {minutes('lines_index')}")
    if "postgresql" in timing:
        parts.append(f"the PostgreSQL pass {minutes('postgresql')}")
    return (
        f"The last run (started {timing['started']}, {timing['cores']} at a time, "
        f"{what}) took {minutes('total')}: " + "; ".join(parts) + "."
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="mutant name patterns, e.g. 'engagement.*'")
    parser.add_argument("--report", action="store_true", help="only rebuild the report")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="run the mutants that survived the last run again (mutmut keeps a result "
        "until the function's code changes, not when a new test is written)",
    )
    parser.add_argument(
        "--all-tests",
        action="store_true",
        help="run each mutant with every test mutmut gives it, not only those that reach "
        "its change (to check that the narrowing loses no kill: --survivors --all-tests)",
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--postgresql",
        metavar="URL",
        help="also run the PostgreSQL-only code's mutants against this server",
    )
    parser.add_argument(
        "--equivalents",
        action="store_true",
        help="run the mutants listed as equivalent again (with --all-tests: with every "
        "test of their function), to check that they still survive",
    )
    parser.add_argument(
        "--list-equivalent",
        nargs="+",
        metavar="PATTERN",
        help="add the last run's survivors matching these name patterns to "
        "tests/mutation_equivalents.txt (once the README says why each is equivalent)",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.list_equivalent:
        list_as_equivalent(args.list_equivalent)
        return
    if not args.report:
        timing = {
            "started": time.strftime("%Y-%m-%d %H:%M"),
            "cores": args.max_children,
            "from_scratch": not (ROOT / "mutants").exists(),
            "names": args.names,
        }
        started = time.monotonic()
        test_database.ensure()
        indexing = None if args.all_tests else start_lines_index()
        names = args.names + (names_with_status("survived", "no tests") if args.survivors else [])
        if args.equivalents:
            names += names_with_status("skipped")
        code = run_mutmut(
            names,
            args.max_children,
            narrow=not args.all_tests,
            skip_listed=not args.equivalents,
        )
        timing["mutmut"] = time.monotonic() - started
        if indexing:
            indexing.join()
            if indexing.failure:
                sys.exit(indexing.failure)
            timing["lines_index"] = indexing.seconds
        if code not in (0, 1):
            sys.exit(code)
        if args.postgresql:
            before = time.monotonic()
            postgresql_pass(args.postgresql, args.max_children)
            timing["postgresql"] = time.monotonic() - before
        timing["total"] = time.monotonic() - started
        TIMING.write_text(json.dumps(timing, indent=1))
    build_report()


if __name__ == "__main__":
    main()
