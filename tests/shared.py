"""Test data built once per test module, as Django's `setUpTestData` does for a class.

Building a small site publishes half a dozen pages through revisions, with the search
and reference indexes updated each time: about a quarter of a second, which many
tests paid again and again for the same pages. A fixture made with `built_once` builds
its data once per module, inside a transaction that stays open until the module's last
test has run and is then rolled back. Each test still runs in its own savepoint inside
it (pytest-django's `db`), so what one test changes is gone before the next one, and
`afresh` gives it its own model instances, read again, so that changing one in memory
cannot reach another test either.

While that transaction is open, the module's other tests would see the data too, so
`tests/conftest.py` runs a module's tests that use such a fixture after those that do
not, and refuses a module that uses two.

Under `make mutation`, mutmut first runs the suite once to note which app functions
each test calls, then runs a mutant of a function with only those tests. The data is
built while the first test that uses it is set up, so the functions the building calls
are noted again for every later test that uses it: otherwise a mutant in, say, a
publishing hook would run with that one test only, though every test of the module
reads what it built."""

import contextlib
import os
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.db.models import Model

SUFFIX = "_built_once"


@dataclass
class Built:
    data: object
    calls: set = field(default_factory=set)  # mutmut's names of the app functions called


def built_once(name, build):
    """A module-scoped fixture named `<name>_built_once` holding what `build()` returns;
    the fixture `<name>` the tests use returns `afresh(it)`."""

    @pytest.fixture(scope="module", name=name + SUFFIX)
    def fixture(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), _rolled_back():
            with _app_calls() as calls:
                data = build()
            yield Built(data, calls)

    return fixture


@contextlib.contextmanager
def _rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextlib.contextmanager
def _app_calls():
    """The app functions called inside, as mutmut's stats run notes them; else none."""
    calls = set()
    if os.environ.get("MUTANT_UNDER_TEST") != "stats":
        yield calls
        return
    from mutmut.state import state

    noted = state()._stats  # what the test being set up has called so far
    before = set(noted)
    noted.clear()
    try:
        yield calls
    finally:
        calls.update(noted)
        noted.update(before)


def afresh(built):
    """A test's own copy of data built once: the same data with every model instance
    read again from the database."""
    if built.calls:
        from mutmut.state import state

        state()._stats.update(built.calls)
    return _read_again(built.data)


def _read_again(data):
    if isinstance(data, dict):
        return {key: _read_again(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(_read_again(value) for value in data)
    if isinstance(data, Model):
        return type(data)._default_manager.get(pk=data.pk)
    return data


def built_once_names(item):
    return {name for name in getattr(item, "fixturenames", ()) if name.endswith(SUFFIX)}


def uses_data_built_once(item):
    return bool(built_once_names(item))


def check_one_per_module(items):
    """Two sets of data built once in one module would both be there for its tests:
    each set's tests belong in a module of their own."""
    by_module = {}
    for item in items:
        by_module.setdefault(item.path, set()).update(built_once_names(item))
    for path, names in by_module.items():
        if len(names) > 1:
            raise pytest.UsageError(
                f"{path.name} uses {', '.join(sorted(names))}: one set of data built once "
                "per module (tests/shared.py)"
            )
