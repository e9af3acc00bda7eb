"""Under `make mutation`, run each mutant with only the tests that run its changed line.

mutmut picks a mutant's tests by function: every test that called the function. For
a function on every request's path (a middleware, a page's `get_context`) that is
hundreds of tests, most of which never reach the branch a mutant changed, so cannot
notice it; a mutant that survives runs all of them, and those made most of a run's
time. Narrowed to the tests that ran the changed statement, the same verdicts come
several times sooner.

Then, among the tests left, the ones that killed another mutant of the same function (or
else of the same file) run first: a mutant is usually killed by the test that killed
its neighbours, and it is then killed in that test's time, not after a queue of tests
that pass.

Two halves:
- `record_lines`: before mutmut runs, tools/mutation.py runs the suite once with
  coverage.py measuring which app lines each test runs (its set-up, call and tear-down),
  and which lines a module- or session-scoped fixture runs while building data that
  later tests share (tests/shared.py): those count for every test that uses the fixture.
  Tests that start a subprocess are noted too: coverage cannot see into it, so they
  always run. tools/mutation.py turns the data into one index per source file.
- `narrow`: in each mutant's pytest run, find the statement the mutant changed (its
  function against mutmut's unchanged copy, in mutants/), and deselect the tests that
  never ran any of its lines. Whenever the change cannot be placed on statements of the
  original source (a default argument, a function the index does not match), nothing
  is deselected.

And the mutants listed in tests/mutation_equivalents.txt, each of which survived a run
with every test that reaches it and is explained in the README, are not run again while
their code is the same: each would run every one of those tests (minutes, for one on
every request's path) to the same verdict. Their run ends at once with mutmut's
"skipped" code, which the report counts as surviving and names "listed as equivalent";
`tools/mutation.py --equivalents` runs them again."""

import ast
import hashlib
import json
import os
import subprocess
import time
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

INDEX_ENV = "MUTATION_LINES_INDEX"  # the folder tools/mutation.py writes the index to
KILLERS_ENV = "MUTATION_KILLERS"  # the file the tests that killed mutants are noted in
# The coverage pass's folder for its raw data, then the folders it measures, joined
# with os.pathsep.
RECORD_ENV = "MUTATION_RECORD_LINES"
# The list of mutants known to be equivalent (tests/mutation_equivalents.txt).
EQUIVALENTS_ENV = "MUTATION_EQUIVALENTS"
# The exit code a listed mutant's run ends with: mutmut's "skipped".
LISTED_EXIT_CODE = 34
ALWAYS = "_always.json"  # the tests that start subprocesses
TIMES = "_times.json"  # what each test, and each shared fixture, took to set up and run
STAMP = "fingerprint"  # written last: the index is complete
# Below this many tests, reading the index costs about what it saves.
FEW_TESTS = 8


def test_key(nodeid):
    return "test:" + nodeid


def fixture_key(scope, path, name):
    return f"fixture:{scope}:{path if scope == 'module' else '*'}:{name}"


def item_keys(item):
    """The index keys under which a line counts as run by this test."""
    path = item.nodeid.split("::")[0]
    keys = {test_key(item.nodeid)}
    for name in getattr(item, "fixturenames", ()):
        keys.add(fixture_key("module", path, name))
        keys.add(fixture_key("session", path, name))
    return keys


class LineRecorder:
    """A pytest plugin for the coverage pass: each phase of each test, and each shared
    fixture's set-up, measured under its own coverage context.

    It also times them: mutmut's own durations are of a test's call alone, so a test
    whose fixture builds a whole site, or skips after building it, looks free, and a
    module whose data is built once looks as cheap as its quickest test. Here a test's
    time is its set-up and call, less the shared fixtures' set-up, which is timed on
    its own (times under coverage.py, a little slower than real, alike for all)."""

    def __init__(self, out, sources):
        import coverage

        self.out = Path(out)
        self.coverage = coverage.Coverage(
            data_file=str(self.out / "lines"),
            data_suffix=True,
            source=sources,
            config_file=False,
        )
        self.contexts = []
        self.current_test = None
        self.spawning = set()
        self.test_times = defaultdict(float)
        self.shared_times = defaultdict(float)
        self.in_shared = 0.0  # seconds spent setting up shared fixtures in this phase

    def _push(self, context):
        self.contexts.append(context)
        self.coverage.switch_context(context)

    def _pop(self):
        self.contexts.pop()
        self.coverage.switch_context(self.contexts[-1] if self.contexts else "")

    def start(self):
        recorder = self
        original = subprocess.Popen.__init__

        def noting_popen(popen, *args, **kwargs):
            if recorder.current_test:
                recorder.spawning.add(recorder.current_test)
            original(popen, *args, **kwargs)

        subprocess.Popen.__init__ = noting_popen
        self.coverage.start()

    def stop(self):
        self.coverage.stop()
        self.coverage.save()
        if self.spawning:
            name = f"spawning-{os.getpid()}.json"
            (self.out / name).write_text(json.dumps(sorted(self.spawning)))
        times = {"tests": self.test_times, "shared": self.shared_times}
        (self.out / f"times-{os.getpid()}.json").write_text(json.dumps(times))

    def _in_context(self, context):
        self._push(context)
        try:
            return (yield)
        finally:
            self._pop()

    def _test_phase(self, item):
        self.current_test = item.nodeid
        return (yield from self._in_context(test_key(item.nodeid)))

    def _timed_test_phase(self, item):
        self.in_shared = 0.0
        started = time.perf_counter()
        try:
            return (yield from self._test_phase(item))
        finally:
            elapsed = time.perf_counter() - started - self.in_shared
            self.test_times[item.nodeid] += elapsed

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item):
        return (yield from self._timed_test_phase(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        return (yield from self._timed_test_phase(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item):
        return (yield from self._test_phase(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        if fixturedef.scope == "function":
            return (yield)
        scope = "module" if fixturedef.scope in ("module", "class") else "session"
        path = request.node.nodeid.split("::")[0]
        key = fixture_key(scope, path, fixturedef.argname)
        # pytest sets up the fixtures this one needs before calling this hook, so each
        # shared fixture's time is its own.
        started = time.perf_counter()
        try:
            return (yield from self._in_context(key))
        finally:
            elapsed = time.perf_counter() - started
            self.shared_times[key] += elapsed
            self.in_shared += elapsed


def record_lines(config):
    """Start the coverage pass's recorder in this process, if it runs tests."""
    is_xdist_controller = config.getoption("numprocesses", None) and not hasattr(
        config, "workerinput"
    )
    if is_xdist_controller:
        return  # its workers run the tests
    out, *sources = os.environ[RECORD_ENV].split(os.pathsep)
    recorder = LineRecorder(out, sources)
    config.pluginmanager.register(recorder, "mutation-line-recorder")
    recorder.start()
    config.add_cleanup(recorder.stop)


# ---- In each mutant's run --------------------------------------------------------------

_durations = {}  # {(path, mtime): durations}, kept for the runs forked from this process


def test_durations(path="mutmut-stats.json"):
    """Each test's duration from mutmut's stats run (it runs pytest inside mutants/).

    Read once, in mutmut's own process (its clean run), and inherited by every mutant's
    run forked from it: parsing the 4 MB file again took a fifth of a quick mutant's
    run."""
    try:
        key = (os.path.abspath(path), os.stat(path).st_mtime_ns)
    except OSError:
        return {}
    if key not in _durations:
        try:
            with open(path) as stats:
                found = json.load(stats)["duration_by_test"]
        except (OSError, ValueError, KeyError):
            return {}
        _durations.clear()
        _durations[key] = found
    return _durations[key]


def measured_times():
    """(each test's time, each shared fixture's set-up time) from the coverage pass
    (`LineRecorder`), or None until its index is complete."""
    index = os.environ.get(INDEX_ENV)
    if not index or not os.path.exists(os.path.join(index, STAMP)):
        return None
    return _times(os.path.join(index, TIMES))


@cache
def _times(path):
    try:
        with open(path) as times:
            found = json.load(times)
        return found["tests"], found["shared"]
    except (OSError, ValueError, KeyError):
        return None


def note_killer(mutant_name, nodeid):
    """Note that the test `nodeid` failed with `mutant_name` switched on."""
    path = os.environ.get(KILLERS_ENV)
    if path:
        # One short line in append mode: the two runs writing at once cannot mix.
        with open(path, "a") as killers:
            killers.write(f"{mutant_name.partition('__mutmut_')[0]}\t{nodeid}\n")


def previous_killers(mutant_name):
    """How likely each test is to kill `mutant_name`, from what killed the mutants run
    before it: {nodeid: 0} for its function's, {nodeid: 1} for its file's."""
    path = os.environ.get(KILLERS_ENV)
    if not path or not os.path.exists(path):
        return {}
    function = mutant_name.partition("__mutmut_")[0]
    module = function.rpartition(".")[0]
    rank = {}
    with open(path) as killers:
        for line in killers:
            killed, _, nodeid = line.rstrip("\n").partition("\t")
            if killed == function:
                rank[nodeid] = 0
            elif killed.rpartition(".")[0] == module:
                rank.setdefault(nodeid, 1)
    return rank


def mutant_digest(mutant_name, mutants=None):
    """A digest of the mutant's code (its function's name and its changed body): it
    stays the same as long as the function and the change do, whatever number mutmut
    gives the mutant; None when the mutant cannot be found. `mutants`: mutmut's folder
    (the current one, in a mutant's run)."""
    mutants = (mutants or Path.cwd()).resolve()
    module, _, generated = mutant_name.rpartition(".")
    source = _source_file(mutants, module)
    lines = source and _function_lines(mutants / source, generated)
    if not lines:
        return None
    function = mutant_name.partition("__mutmut_")[0]
    return hashlib.sha256("\n".join([function, *lines[1:]]).encode()).hexdigest()[:16]


def read_equivalents(path):
    """{(function, digest): mutant name} from a list of equivalent mutants: one
    `name digest` pair a line, `#` starting a comment."""
    listed = {}
    try:
        text = Path(path).read_text()
    except OSError:
        return listed
    for line in text.splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) == 2:
            name, digest = fields
            listed[(name.partition("__mutmut_")[0], digest)] = name
    return listed


def listed_as_equivalent(mutant_name, mutants=None, path=None):
    """Whether `mutant_name`, as it is now, is on the list of equivalent mutants."""
    path = path or os.environ.get(EQUIVALENTS_ENV)
    if not path:
        return False
    digest = mutant_digest(mutant_name, mutants)
    function = mutant_name.partition("__mutmut_")[0]
    return digest is not None and (function, digest) in _equivalents(path)


@cache
def _equivalents(path):
    return read_equivalents(path)


@cache
def keys_that_ran_the_change(mutant_name):
    """The index keys of the tests and fixtures that ran the statement `mutant_name`
    changed, or None when it cannot be told (then every test runs)."""
    index = os.environ.get(INDEX_ENV)
    complete = index and os.path.exists(os.path.join(index, STAMP))
    found = changed_lines(mutant_name) if complete else None
    if not found:
        return None
    source, lines = found
    ran = keys_that_ran(Path(index), source, lines, Path.cwd().resolve().parent / source)
    return None if ran is None else frozenset(ran)


def narrow_arguments(config, mutant_name):
    """Before collection, drop the test ids mutmut passes that cannot have run the
    change, so that they are not even collected (for a middleware's mutant, collecting
    its 600 tests took longer than running the few that matter). Which tests use a
    shared fixture is known only once collected: a module whose shared data ran the
    change keeps all its tests here, and `narrow` sorts them out."""
    ids = config.args
    if len(ids) <= FEW_TESTS or not all("::" in each for each in ids):
        return
    ran = keys_that_ran_the_change(mutant_name)
    if ran is None or any(key.startswith("fixture:session:") for key in ran):
        return
    modules = {key.split(":")[2] for key in ran if key.startswith("fixture:module:")}
    always = _always(os.environ[INDEX_ENV])
    kept = [
        each
        for each in ids
        if each in always or test_key(each) in ran or each.split("::")[0] in modules
    ]
    config.args[:] = kept or ids[:1]  # see `narrow` for why one runs anyway


def narrow(config, items, mutant_name):
    """Deselect the tests that never ran the statement `mutant_name` changed."""
    if len(items) <= FEW_TESTS:
        return
    ran = keys_that_ran_the_change(mutant_name)
    if ran is None:
        return
    always = _always(os.environ[INDEX_ENV])
    kept = [item for item in items if item.nodeid in always or item_keys(item) & ran]
    if not kept:
        # No test that calls the function runs the changed statement: run the quickest
        # one, so that mutmut records the mutant as surviving, as it does.
        kept = items[:1]
    keeping = {id(item) for item in kept}
    dropped = [item for item in items if id(item) not in keeping]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@cache
def _always(index):
    path = Path(index) / ALWAYS
    return frozenset(json.loads(path.read_text())) if path.exists() else frozenset()


def source_digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def keys_that_ran(index, source, lines, original):
    """The index keys that ran `lines` of `source`; None when the index was made from
    another version of it (`original`, the file as it is now), whose line numbers
    may not be these: a source edited after the coverage pass, or during it."""
    path = index / (source + ".json")
    if not path.exists():
        return set()
    data = json.loads(path.read_text())
    if data.get("source") != source_digest(original):
        return None
    keys = data["keys"]
    return {keys[n] for line in lines for n in data["lines"].get(str(line), ())}


def changed_lines(mutant_name, mutants=None):
    """(source file, lines of the original source) of the statements the mutant
    changed, or None when they cannot be placed. `mutants`: mutmut's folder (the
    current one, in a mutant's run), beside the project's own files."""
    from mutmut.utils.format_utils import (
        mangled_name_from_mutant_name,
        orig_function_and_class_names_from_key,
    )

    mutants = (mutants or Path.cwd()).resolve()
    module, _, generated = mutant_name.rpartition(".")
    source = _source_file(mutants, module)
    if source is None:
        return None
    mutated, original_file = mutants / source, mutants.parent / source
    mangled = mangled_name_from_mutant_name(generated)
    unchanged_copy = _function_lines(mutated, mangled + "__mutmut_orig")
    mutant = _function_lines(mutated, generated)
    if unchanged_copy is None or mutant is None:
        return None
    first = 1  # the `def` lines differ in name only
    while first < min(len(unchanged_copy), len(mutant)) and unchanged_copy[first] == mutant[first]:
        first += 1
    last = 0  # lines equal at the end
    while (
        last < min(len(unchanged_copy), len(mutant)) - first
        and unchanged_copy[-1 - last] == mutant[-1 - last]
    ):
        last += 1
    if first >= len(unchanged_copy) - last:
        return None  # a mutant that only adds lines
    name, class_name = orig_function_and_class_names_from_key(generated)
    function = _original_function(original_file, name, class_name)
    if function is None:
        return None
    original = _lines(original_file)
    start = function.lineno  # the `def` line, as in mutmut's copy
    body = original[start : start + len(unchanged_copy) - 1]
    if body != unchanged_copy[1:]:
        return None  # mutmut's copy is not the source as it stands
    if start + first < function.body[0].lineno:
        return None  # in the signature: a default argument
    lines = set()
    for offset in range(first, len(unchanged_copy) - last):
        statement = _statement_lines(function, start + offset)
        if statement is None:
            return None
        lines |= statement
    return source, lines


def _source_file(mutants, module):
    base = Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        spans = mutants / candidate.with_suffix(".py.spans")
        if (mutants.parent / candidate).exists() and spans.exists():
            return str(candidate)
    return None


@cache
def _spans(mutated):
    return json.loads(mutated.with_suffix(".py.spans").read_text())["spans"]


@cache
def _lines(path):
    return path.read_text().splitlines()


def _function_lines(mutated, name):
    """The generated function `name` in mutants/, from its `def` line (so that the
    comments and decorators mutmut puts before it do not count)."""
    spans = _spans(mutated)
    if name not in spans:
        return None
    start, end = spans[name]
    lines = _lines(mutated)[start:end]
    for at, line in enumerate(lines):
        if line.lstrip().startswith((f"def {name}(", f"async def {name}(")):
            lines = lines[at:]
            break
    else:
        return None
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


@cache
def _tree(path):
    return ast.parse(path.read_text())


def _original_function(path, name, class_name):
    scope = _tree(path).body
    if class_name:
        classes = [n for n in scope if isinstance(n, ast.ClassDef) and n.name == class_name]
        if len(classes) != 1:
            return None
        scope = classes[0].body
    functions = [
        n for n in scope if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == name
    ]
    return functions[0] if len(functions) == 1 else None


def _statement_lines(function, line):
    """The lines a test runs if it runs the part of `function` on `line`: the whole
    simple statement around it, or a compound statement's header (`if ...:`)."""
    around = []
    for node in ast.walk(function):
        if node is function or not isinstance(node, ast.stmt | ast.excepthandler | ast.match_case):
            continue
        if isinstance(node, ast.match_case):
            first, last = node.pattern.lineno, node.body[-1].end_lineno
        else:
            first, last = node.lineno, node.end_lineno
        if first <= line <= last:
            around.append((last - first, -first, first, last, node))
    if not around:
        return None
    innermost = min(around, key=lambda each: each[:2])[2:]
    first, last, node = innermost
    body = getattr(node, "body", None)
    if isinstance(body, list) and body and isinstance(body[0], ast.AST):
        header_end = max(body[0].lineno - 1, first)  # `if x: return y` is all header
        if line > header_end:
            return None  # an `else:` or `finally:` line: not a statement of its own
        last = header_end
    return set(range(first, last + 1))
