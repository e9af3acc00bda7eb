"""`make mutation`: mutation-test the app code with mutmut, then report by package.

mutmut (configured under [tool.mutmut] in pyproject.toml) copies the code to `mutants/`,
makes small changes to it one at a time (a flipped comparison, a dropped argument, a
changed string) and runs the non-browser tests that reach the changed function. A
mutant the tests notice is "killed"; one they do not notice "survived", which means a
behaviour no test pins down (or a change that makes no observable difference).

Each mutant runs pytest afresh, so migrating a test database per run would cost more
than the tests: this script migrates one SQLite database once, and tests/conftest.py
gives every run its own copy (MUTATION_TEMPLATE_DB).

Usage:
    python tools/mutation.py                 # everything (incremental: mutmut remembers)
    python tools/mutation.py 'engagement.*'  # only mutants whose names match
    python tools/mutation.py --report        # rebuild the report from the last run
The report goes to var/mutation/report.md (and report.json)."""

import argparse
import ast
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "mutation"
TEMPLATE_DB = OUT / "template.sqlite3"
MIGRATIONS_STAMP = OUT / "template.migrations"

# The packages the figures are given for, most specific first.
PACKAGES = [
    "site_project/core",
    "site_project/taxonomy",
    "site_project/blocks",
    "blog",
    "engagement",
    "home",
]
KILLED = {"killed", "timeout", "segfault"}


def migrations_fingerprint():
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("**/migrations/*.py")):
        if "mutants" in path.parts or ".venv" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_template_db():
    """Migrate the template database, again only when a migration changed."""
    fingerprint = migrations_fingerprint()
    stamp = MIGRATIONS_STAMP.read_text() if MIGRATIONS_STAMP.exists() else None
    if TEMPLATE_DB.exists() and stamp == fingerprint:
        return
    print("== Migrating the template test database (once per set of migrations)")
    TEMPLATE_DB.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": f"sqlite:///{TEMPLATE_DB}",
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    MIGRATIONS_STAMP.write_text(fingerprint)


def run_mutmut(names, max_children):
    env = {
        **os.environ,
        "MUTATION_TEMPLATE_DB": str(TEMPLATE_DB),
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
    }
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    mutmut = Path(sys.executable).with_name("mutmut")
    command = [str(mutmut), "run", "--max-children", str(max_children), *names]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


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


def build_report():
    from mutmut.configuration import config
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    os.chdir(ROOT)
    config()
    counts = defaultdict(Counter)
    survivors = []
    for path in sorted(walk_mutatable_files()):
        data = SourceFileMutationData(path=path)
        data.load()
        relative = str(path)
        package = package_of(relative)
        lines_by_function = function_lines(ROOT / path)
        for name, exit_code in sorted(data.exit_code_by_key.items()):
            status = status_by_exit_code[exit_code]
            counts[package]["killed" if status in KILLED else status] += 1
            if status in KILLED or status == "not checked":
                continue
            diff = get_diff_for_mutant(name, path=path)
            survivors.append(
                {
                    "file": relative,
                    "line": survivor_line(name, diff, lines_by_function),
                    "mutant": name,
                    "status": status,
                    "diff": diff,
                }
            )

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
                "survived": c["survived"],
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
        "| Package | Mutants | Killed | Survived | No test reaches it | Not run yet | Killed % |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        percent = "" if row["killed_percent"] is None else f"{row['killed_percent']} %"
        lines.append(
            f"| `{row['package']}` | {row['mutants']} | {row['killed']} | {row['survived']} "
            f"| {row['no_tests']} | {row['not_checked']} | {percent} |"
        )
    lines += ["", "## Surviving mutants, by file and line", ""]
    by_file = defaultdict(list)
    for survivor in survivors:
        by_file[survivor["file"]].append(survivor)
    for file, items in by_file.items():
        lines.append(f"### {file}")
        lines.append("")
        for item in sorted(items, key=lambda s: (s["line"] or 0, s["mutant"])):
            lines.append(f"- line {item['line']}: `{item['mutant']}` ({item['status']})")
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
        print(f"{file}: {len(items)} surviving, lines {where}")
    print(f"\nFull report with diffs: {OUT / 'report.md'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="mutant name patterns, e.g. 'engagement.*'")
    parser.add_argument("--report", action="store_true", help="only rebuild the report")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.report:
        ensure_template_db()
        code = run_mutmut(args.names, args.max_children)
        if code not in (0, 1):
            sys.exit(code)
    build_report()


if __name__ == "__main__":
    main()
