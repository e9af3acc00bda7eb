import datetime
import gc
import os
import shutil
import tempfile
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.cache import caches

from engagement.models import Framework
from site_project.core import pagecache
from tests import builders, mutation_selection
from tests.shared import afresh, built_once, check_one_per_module, uses_data_built_once

DEMO_PACKAGE = Path(__file__).parent / "demo"
# Under `make mutation`, a group of tests whose shared set-up costs this many seconds or
# more runs after the quicker groups, even for the function whose mutants it killed
# (see pytest_collection_modifyitems); and what starting the demo package costs, until
# the coverage pass has timed it.
COSTLY_ENTRY = DEMO_ENTRY_COST = 10.0
# A module whose module- and class-scoped set-up costs less than this, and which builds
# no data once, need not run as one block under `make mutation`: its tests (or test
# classes) take their own places among the others.
HELD_TOGETHER_FROM = 0.2


@pytest.fixture(autouse=True)
def _empty_caches():
    """Caches outlive the transaction each test is rolled back in: what one test cached
    (a site's address, a rendition, a page) must not show in the next one."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def sections(db):
    return builders.site_sections()


def _build_site():
    """A small site: two topics (one a sub-topic), three methods, a principle, essays."""
    sections = builders.site_sections()
    care = builders.topic("Health and care")
    prevention = builders.topic("Prevention", parent=care)
    deliberate = builders.purpose("Deliberate on trade-offs")
    jury = builders.method(
        sections["finder"],
        "Citizens' jury",
        low="involve",
        high="collaborate",
        topics=[prevention],
        participants_min=12,
        participants_max=30,
        cost_min=60000,
        cost_max=200000,
        min_weeks=12,
        purposes=[deliberate],
    )
    survey = builders.method(
        sections["finder"],
        "Survey",
        low="consult",
        high="consult",
        topics=[care],
        participants_min=100,
        cost_min=500,
        cost_max=5000,
        min_weeks=2,
    )
    pb = builders.method(
        sections["finder"], "Participatory budgeting", low="collaborate", high="empower"
    )
    framework = Framework.objects.create(name="Gunning principles")
    principle = builders.principle(
        sections["principles"], "Feed back what changed", framework=framework
    )
    essay = builders.essay(
        sections["blog"],
        "On prevention",
        methods=[jury],
        principles=[principle],
        topics=[prevention],
        date=datetime.date(2023, 5, 1),
    )
    older = builders.essay(
        sections["blog"],
        "On surveys",
        methods=[survey],
        topics=[care],
        date=datetime.date(2021, 3, 1),
    )
    return {
        **sections,
        "care": care,
        "prevention": prevention,
        "jury": jury,
        "survey": survey,
        "pb": pb,
        "framework": framework,
        "principle": principle,
        "essay": essay,
        "older": older,
    }


site_built_once = built_once("site", _build_site)


@pytest.fixture
def site(site_built_once, db):
    """The small site of `_build_site`, built once per test module (tests/shared.py)."""
    return afresh(site_built_once)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed: invalidation waits for the commit."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def page_cache(settings):
    """The page cache on, and empty (a new site generation, as after a deploy)."""
    settings.PAGE_CACHE = True
    pagecache.invalidate_all()
    return settings


@pytest.fixture
def front_cache(settings):
    """A real HTTP endpoint standing in for the front cache (CDN or reverse proxy): the
    PURGE requests it receives, as `.requests` [(host, path)] and `.paths` [path]."""
    received = PurgesReceived()

    class PurgeHandler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.requests.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeHandler)
    # `shutdown` waits for the server's next look at its flag: every half second by
    # default, which the tests using this fixture paid half a second each for.
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield received
    server.shutdown()


class PurgesReceived:
    def __init__(self):
        self.requests = []

    @property
    def paths(self):
        return [path for _host, path in self.requests]


def pytest_collection_modifyitems(config, items):
    """Run browser tests last: they commit demo content to the test database. In each
    module, run the tests that use data built once for the module (tests/shared.py)
    after the rest, which must not see it.

    Under `make mutation`, run a mutant with only the tests that reach its change, the
    ones that killed its neighbours first, then the quickest (set-up included, and the
    data a group builds once, as the coverage pass timed them), so that a mutant a quick
    test notices is not first run through the slow ones (see
    tests/mutation_selection.py). Tests that share data built once stay together, so it
    is built once: a module's tests (module-scoped fixtures), a test class's, and the
    tests/demo package's."""
    check_one_per_module(items)
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    likely = {}
    if "__mutmut_" in mutant:
        mutation_selection.narrow(config, items, mutant)
        likely = mutation_selection.previous_killers(mutant)
    durations, shared_costs = _test_times() if "MUTANT_UNDER_TEST" in os.environ else ({}, None)
    unlikely = max(likely.values(), default=0) + 1
    units = _units(items, shared_costs)
    quickest, first, shared_keys = {}, {}, defaultdict(set)
    for item in items:
        for group in units[item.nodeid]:
            quickest[group] = min(quickest.get(group, float("inf")), durations.get(item.nodeid, 0))
            first[group] = min(first.get(group, unlikely), likely.get(item.nodeid, unlikely))
            if shared_costs:
                shared_keys[group] |= mutation_selection.item_keys(item) & shared_costs.keys()
    if shared_costs is None:
        # mutmut times a test's call alone, not the set-up it shares: the demo package
        # pays a first `make run` and a rendering of every demo page before its first test.
        entry = {
            group: cost + DEMO_ENTRY_COST * (group == str(DEMO_PACKAGE))
            for group, cost in quickest.items()
        }
    else:
        entry = {
            group: cost + sum(shared_costs[key] for key in shared_keys[group])
            for group, cost in quickest.items()
        }
    for group, rank in first.items():
        if rank > 0 and entry[group] >= COSTLY_ENTRY:
            # Another function's killer behind a costly set-up: when it ran first for
            # every function of a file, each kill took its set-up's time, though a
            # quick test would have done.
            first[group] = unlikely

    def order(item):
        shared, alone = units[item.nodeid]
        after_the_rest = uses_data_built_once(item)
        return (
            "tests/browser/" in item.nodeid,
            # A costly killer of this function's mutants would stay its only known
            # killer if it always ran first: quick tests that reach the change go first.
            entry[shared] >= COSTLY_ENTRY,
            first[shared],
            entry[shared],
            shared,
            after_the_rest,
            first[alone],
            quickest[alone],
        )

    items.sort(key=order)


def _test_times():
    """({test: seconds}, {shared fixture key: seconds}): the coverage pass's times,
    which count a test's set-up and a module's data built once, once it has run; until
    then mutmut's times of each test's call, and no shared costs (None)."""
    measured = mutation_selection.measured_times()
    if measured:
        return measured
    return mutation_selection.test_durations(), None


def _units(items, shared_costs):
    """{nodeid: (the block it runs in, its class or itself)}. The block is its module (or
    the demo package): data a module builds once, or a class sets up, is then built once
    per run. A module that builds no data once and sets up little for its tests
    (HELD_TOGETHER_FROM) is not held together: each of its tests or classes is a block of
    its own. Otherwise one quick test made a whole module look quick, and a mutant's
    first kill by one of its slower tests kept the module first: the WordPress import's
    second-long tests ran before the conversion's millisecond ones that also kill its
    `embed_url` mutants, 15 s a mutant. Until the coverage pass has timed the set-ups,
    every module is held together."""
    groups = {item.nodeid: _groups(item) for item in items}
    if shared_costs is None:
        return groups
    held, set_up = set(), defaultdict(set)  # module: its module- and class-scoped fixtures
    for item in items:
        shared = groups[item.nodeid][0]
        if shared == str(DEMO_PACKAGE) or uses_data_built_once(item):
            held.add(shared)
        set_up[shared] |= {
            key
            for key in mutation_selection.item_keys(item) & shared_costs.keys()
            if key.startswith("fixture:module:")
        }
    held |= {
        shared
        for shared, keys in set_up.items()
        if sum(shared_costs[key] for key in keys) >= HELD_TOGETHER_FROM
    }
    return {
        nodeid: (shared if shared in held else alone, alone)
        for nodeid, (shared, alone) in groups.items()
    }


def _groups(item):
    """The nested groups an item runs with: its module (or the demo package), then its
    class (or itself alone)."""
    shared = DEMO_PACKAGE if DEMO_PACKAGE in item.path.parents else item.path
    return str(shared), (str(item.path), item.cls.__qualname__) if item.cls else item.nodeid


def pytest_xdist_make_scheduler(config, log):
    """Split the tests among pytest-xdist's workers as `--dist loadscope` does (a module's
    or a class's tests on one worker, so data they build once is built once), and the
    tests/demo package as one unit, so the demo content is loaded once per run.
    (`--dist loadgroup` would do the second, but xdist 3.8 cannot mark groups under
    pytest 9.)"""
    from xdist.scheduler import LoadScopeScheduling

    class DemoPackageTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            if nodeid.startswith("tests/demo/"):
                return "tests/demo"
            return super()._split_scope(nodeid)

    return DemoPackageTogether(config, log)


def pytest_configure(config):
    """Under `make mutation`, make each mutant's pytest run cheap to start and stop.

    mutmut forks every mutant's run from a process that has already run the whole
    suite, so the heap it inherits is large: freezing it keeps the garbage collector
    (which pytest also calls at the end of each run) from walking it again and again,
    which halved a quick mutant's run. Nobody reads a mutant's tracebacks, so they are
    not formatted either; the stats and clean runs keep theirs."""
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        gc.freeze()
        config.option.tbstyle = "no"
    if os.environ.get(mutation_selection.RECORD_ENV):
        mutation_selection.record_lines(config)


def pytest_sessionstart(session):
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if "__mutmut_" in mutant:
        if mutation_selection.listed_as_equivalent(mutant):
            pytest.exit("listed as equivalent", returncode=mutation_selection.LISTED_EXIT_CODE)
        mutation_selection.narrow_arguments(session.config, mutant)


def pytest_runtest_logreport(report):
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if report.failed and "__mutmut_" in mutant:
        mutation_selection.note_killer(mutant, report.nodeid)


def pytest_collection_finish(session):
    """Once Django, Wagtail and every test module are loaded, keep the garbage
    collector's full sweeps off them: they live as long as the run, and walking them
    again and again took a noticeable share of the suite's time."""
    gc.freeze()


if os.environ.get("TEST_TEMPLATE_DB"):
    # Migrating a new test database costs more than many test modules (218 migrations),
    # and `make mutation` runs pytest once per mutant. So `make test` on SQLite and
    # `make mutation` migrate one database once per set of migrations
    # (tools/test_database.py), and each pytest process (a worker, a mutant's run) gets
    # its own copy, so parallel runs never share one: a copy of the SQLite file, or on
    # PostgreSQL a database made with the migrated one as template.
    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        from django.db import connections

        connection = connections["default"]
        template = os.environ["TEST_TEMPLATE_DB"]
        with django_db_blocker.unblock():
            for each in connections.all():
                each.close()
            if connection.vendor == "postgresql":
                copy = f"{template}_{os.getpid()}"
                quote = connection.ops.quote_name
                _postgresql(connection, f"DROP DATABASE IF EXISTS {quote(copy)} WITH (FORCE)")
                _postgresql(connection, f"CREATE DATABASE {quote(copy)} TEMPLATE {quote(template)}")
            else:
                handle, copy = tempfile.mkstemp(prefix="mutation-", suffix=".sqlite3")
                os.close(handle)
                shutil.copyfile(template, copy)
            connection.settings_dict["NAME"] = copy
        yield
        with django_db_blocker.unblock():
            connection.close()
            if connection.vendor == "postgresql":
                _postgresql(connection, f"DROP DATABASE {quote(copy)} WITH (FORCE)")
            else:
                os.unlink(copy)

    def _postgresql(connection, statement):
        """Run a statement on the server's maintenance database, outside the test one."""
        with connection._nodb_cursor() as cursor:
            cursor.execute(statement)
