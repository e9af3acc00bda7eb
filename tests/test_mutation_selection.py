"""`make mutation` runs each mutant with only the tests that run the statement it
changed (tests/mutation_selection.py). If that went wrong it would drop the very tests
that kill a mutant and report it as surviving, or keep every test and be slow: these
pin down where a change is placed and which tests are kept."""

import ast
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import mutation_selection

ORIGINAL = '''\
import math


class Basket:
    def total(self, prices, rate=1):
        """The sum, with tax."""
        subtotal = sum(
            prices,
        )
        if subtotal > 100:
            subtotal = subtotal * 0.9
        else:
            subtotal += 1
        if not prices: return 0
        return math.ceil(subtotal * rate)
'''


def generated(name, body_lines):
    return f"    def {name}(self, prices, rate=1):\n" + body_lines


BODY = ORIGINAL.split("rate=1):\n", 1)[1]


def body_with(old, new):
    assert old in BODY
    return BODY.replace(old, new)


def mutated_file(mutants):
    """A mutated file as mutmut writes it: a copy of the function as it was, then each
    mutant, with an index of the lines each occupies."""
    copies = {
        "xǁBasketǁtotal__mutmut_orig": BODY,
        "xǁBasketǁtotal__mutmut_1": body_with("subtotal > 100", "subtotal >= 100"),
        "xǁBasketǁtotal__mutmut_2": body_with("            prices,\n", "            None,\n"),
        "xǁBasketǁtotal__mutmut_3": body_with("subtotal * 0.9", "subtotal / 0.9"),
        "xǁBasketǁtotal__mutmut_4": body_with("return 0", "return 1"),
    }
    lines = ["import math", "", "", "class Basket:"]
    spans = {}
    for name, body in copies.items():
        start = len(lines)
        lines += generated(name, body).splitlines() + [""]
        spans[name] = [start, len(lines)]
    lines += generated("xǁBasketǁtotal__mutmut_5", BODY).replace("rate=1", "rate=2").splitlines()
    spans["xǁBasketǁtotal__mutmut_5"] = [spans["xǁBasketǁtotal__mutmut_4"][1], len(lines)]
    (mutants / "shop").mkdir(parents=True)
    (mutants / "shop" / "basket.py").write_text("\n".join(lines) + "\n")
    (mutants / "shop" / "basket.py.spans").write_text(json.dumps({"version": 1, "spans": spans}))


@pytest.fixture
def project(tmp_path):
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "basket.py").write_text(ORIGINAL)
    mutated_file(tmp_path / "mutants")
    return tmp_path


def line_of(text):
    return ORIGINAL.splitlines().index(text) + 1


def test_a_change_inside_a_condition_is_placed_on_that_if_line_alone(project):
    found = mutation_selection.changed_lines(
        "shop.basket.xǁBasketǁtotal__mutmut_1", project / "mutants"
    )
    assert found == ("shop/basket.py", {line_of("        if subtotal > 100:")})


def test_a_change_on_one_line_of_a_long_statement_counts_the_whole_statement(project):
    _, lines = mutation_selection.changed_lines(
        "shop.basket.xǁBasketǁtotal__mutmut_2", project / "mutants"
    )
    first = line_of("        subtotal = sum(")
    assert lines == {first, first + 1, first + 2}


def test_a_change_in_a_branch_is_placed_on_the_branch_not_its_if(project):
    _, lines = mutation_selection.changed_lines(
        "shop.basket.xǁBasketǁtotal__mutmut_3", project / "mutants"
    )
    assert lines == {line_of("            subtotal = subtotal * 0.9")}


def test_a_one_line_if_is_one_statement(project):
    _, lines = mutation_selection.changed_lines(
        "shop.basket.xǁBasketǁtotal__mutmut_4", project / "mutants"
    )
    assert lines == {line_of("        if not prices: return 0")}


def test_a_changed_default_argument_is_not_placed_so_every_test_runs(project):
    assert (
        mutation_selection.changed_lines(
            "shop.basket.xǁBasketǁtotal__mutmut_5", project / "mutants"
        )
        is None
    )


def test_a_source_changed_since_the_mutants_were_made_is_not_placed(project):
    (project / "shop" / "basket.py").write_text(ORIGINAL.replace("0.9", "0.8"))
    assert (
        mutation_selection.changed_lines(
            "shop.basket.xǁBasketǁtotal__mutmut_1", project / "mutants"
        )
        is None
    )


def test_an_else_line_is_not_a_statement_of_its_own():
    function = ast.parse(ORIGINAL).body[1].body[0]
    assert mutation_selection._statement_lines(function, line_of("        else:")) is None


class Config:
    def __init__(self):
        self.deselected = []
        self.hook = SimpleNamespace(pytest_deselected=self._deselected)

    def _deselected(self, items):
        self.deselected += items


def item(nodeid, *fixtures):
    return SimpleNamespace(nodeid=nodeid, fixturenames=list(fixtures))


@pytest.fixture
def index(tmp_path, project, monkeypatch):
    """Which tests ran which lines of shop/basket.py, as the coverage pass notes it."""
    folder = tmp_path / "index"
    (folder / "shop").mkdir(parents=True)
    branch = line_of("            subtotal = subtotal * 0.9")
    keys = [
        "test:tests/test_a.py::test_big_basket",
        "fixture:module:tests/test_b.py:baskets_built_once",
        "fixture:module:tests/test_c.py:baskets_built_once",
    ]
    source = mutation_selection.source_digest(project / "shop" / "basket.py")
    (folder / "shop" / "basket.py.json").write_text(
        json.dumps({"source": source, "keys": keys, "lines": {str(branch): [0, 1]}})
    )
    (folder / mutation_selection.ALWAYS).write_text(json.dumps(["tests/test_d.py::test_cli"]))
    (folder / mutation_selection.STAMP).write_text("a fingerprint")
    monkeypatch.setenv(mutation_selection.INDEX_ENV, str(folder))
    monkeypatch.chdir(project / "mutants")
    mutation_selection._always.cache_clear()
    mutation_selection.keys_that_ran_the_change.cache_clear()
    return folder


def test_only_tests_that_ran_the_changed_line_or_its_shared_data_are_kept(index):
    items = [item(f"tests/test_a.py::test_{n}") for n in range(8)] + [
        item("tests/test_a.py::test_big_basket"),
        item("tests/test_b.py::test_reads_the_baskets", "baskets_built_once"),
        item("tests/test_b.py::test_other"),
        item("tests/test_c.py::test_other_module_same_name"),
        item("tests/test_d.py::test_cli"),
    ]
    config = Config()
    mutation_selection.narrow(config, items, "shop.basket.xǁBasketǁtotal__mutmut_3")
    assert [i.nodeid for i in items] == [
        "tests/test_a.py::test_big_basket",
        "tests/test_b.py::test_reads_the_baskets",
        "tests/test_d.py::test_cli",  # starts a subprocess, which coverage cannot see
    ]
    assert len(config.deselected) == 10


def test_test_ids_that_cannot_have_run_the_change_are_not_even_collected(index):
    ids = [f"tests/test_a.py::test_{n}" for n in range(8)] + [
        "tests/test_a.py::test_big_basket",
        "tests/test_b.py::test_reads_the_baskets",
        "tests/test_b.py::test_other",
        "tests/test_c.py::test_other_module_same_name",
        "tests/test_d.py::test_cli",
    ]
    config = SimpleNamespace(args=list(ids))
    mutation_selection.narrow_arguments(config, "shop.basket.xǁBasketǁtotal__mutmut_3")
    # Which of test_b.py's tests use its shared data is known only once collected.
    assert config.args == [
        "tests/test_a.py::test_big_basket",
        "tests/test_b.py::test_reads_the_baskets",
        "tests/test_b.py::test_other",
        "tests/test_d.py::test_cli",
    ]


def test_when_no_test_ran_the_changed_line_the_first_one_still_runs(index):
    items = [item(f"tests/test_a.py::test_{n}") for n in range(10)]
    mutation_selection.narrow(Config(), items, "shop.basket.xǁBasketǁtotal__mutmut_1")
    assert [i.nodeid for i in items] == ["tests/test_a.py::test_0"]


def test_while_the_index_is_still_being_made_every_test_runs(index):
    (index / mutation_selection.STAMP).unlink()
    items = [item(f"tests/test_a.py::test_{n}") for n in range(10)]
    mutation_selection.narrow(Config(), items, "shop.basket.xǁBasketǁtotal__mutmut_3")
    assert len(items) == 10


def test_a_source_edited_since_the_coverage_pass_keeps_every_test(index, project):
    # The function is unchanged, but a line above it moved it, and the index's line
    # numbers with it: they would name other statements.
    basket = project / "shop" / "basket.py"
    basket.write_text("import decimal\n" + basket.read_text())
    items = [item(f"tests/test_a.py::test_{n}") for n in range(10)]
    mutation_selection.narrow(Config(), items, "shop.basket.xǁBasketǁtotal__mutmut_3")
    assert len(items) == 10


def test_a_mutant_that_cannot_be_placed_keeps_every_test(index):
    items = [item(f"tests/test_a.py::test_{n}") for n in range(10)]
    mutation_selection.narrow(Config(), items, "shop.basket.xǁBasketǁtotal__mutmut_5")
    assert len(items) == 10


def test_the_tests_that_killed_the_same_function_rank_before_those_of_the_same_file(
    tmp_path, monkeypatch
):
    monkeypatch.setenv(mutation_selection.KILLERS_ENV, str(tmp_path / "killers.tsv"))
    mutation_selection.note_killer("shop.basket.xǁBasketǁtotal__mutmut_1", "tests/a.py::t1")
    mutation_selection.note_killer("shop.basket.xǁBasketǁcount__mutmut_4", "tests/a.py::t2")
    mutation_selection.note_killer("shop.basket.xǁBasketǁcount__mutmut_5", "tests/a.py::t1")
    mutation_selection.note_killer("shop.till.x_open__mutmut_1", "tests/a.py::t3")
    assert mutation_selection.previous_killers("shop.basket.xǁBasketǁtotal__mutmut_9") == {
        "tests/a.py::t1": 0,
        "tests/a.py::t2": 1,
    }


def test_durations_are_read_again_only_when_mutmut_rewrites_them(tmp_path):
    stats = tmp_path / "mutmut-stats.json"
    stats.write_text(json.dumps({"duration_by_test": {"tests/a.py::t": 0.5}}))
    assert mutation_selection.test_durations(stats) == {"tests/a.py::t": 0.5}
    first = mutation_selection.test_durations(stats)
    assert mutation_selection.test_durations(stats) is first  # not parsed again
    stats.write_text(json.dumps({"duration_by_test": {"tests/a.py::t": 2.0}}))
    os.utime(stats, ns=(1, 10**18))
    assert mutation_selection.test_durations(stats) == {"tests/a.py::t": 2.0}
    assert mutation_selection.test_durations(tmp_path / "missing.json") == {}


# ---- The list of equivalent mutants ------------------------------------------------------

NAME = "shop.basket.xǁBasketǁtotal__mutmut_"


@pytest.fixture
def equivalents(tmp_path, project, monkeypatch):
    """A list of equivalents naming mutant 1 of Basket.total, as `--list-equivalent`
    writes it, and a mutant's run inside mutmut's folder."""
    monkeypatch.chdir(project / "mutants")
    digest = mutation_selection.mutant_digest("shop.basket.xǁBasketǁtotal__mutmut_1")
    path = tmp_path / "equivalents.txt"
    path.write_text(f"# Basket.total: >= 100 (the README says why)\n{NAME}1 {digest}\n")
    monkeypatch.setenv(mutation_selection.EQUIVALENTS_ENV, str(path))
    return path


def test_a_listed_mutant_is_known_and_its_neighbours_are_not(equivalents):
    assert mutation_selection.listed_as_equivalent(NAME + "1")
    assert not mutation_selection.listed_as_equivalent(NAME + "3")


def test_a_listed_mutant_is_known_by_its_code_not_by_mutmuts_number_for_it(equivalents):
    # Adding a line to the function renumbers its mutants; the code of each is the same.
    digest_of_1 = mutation_selection.mutant_digest(NAME + "1")
    equivalents.write_text(f"{NAME}7 {digest_of_1}\n")
    mutation_selection._equivalents.cache_clear()
    assert mutation_selection.listed_as_equivalent(NAME + "1")


def test_a_mutant_whose_code_is_not_the_listed_code_runs(equivalents):
    # The function changed since the mutant was listed: its number is the same, but the
    # change it makes may now be observable, so it must be run again.
    digest_of_3 = mutation_selection.mutant_digest(NAME + "3")
    equivalents.write_text(f"{NAME}1 {digest_of_3}\n")
    mutation_selection._equivalents.cache_clear()
    assert mutation_selection.mutant_digest(NAME + "1") != digest_of_3
    assert not mutation_selection.listed_as_equivalent(NAME + "1")


def test_a_listed_mutants_run_stops_before_any_test_with_mutmuts_skipped_code(
    equivalents, monkeypatch
):
    from tests import conftest

    session = SimpleNamespace(config=SimpleNamespace(args=["tests/test_a.py::test_0"]))
    monkeypatch.setenv("MUTANT_UNDER_TEST", NAME + "1")
    with pytest.raises(pytest.exit.Exception) as stopped:
        conftest.pytest_sessionstart(session)
    from mutmut.stats import status_by_exit_code

    assert status_by_exit_code[stopped.value.returncode] == "skipped"  # not "survived"
    monkeypatch.setenv("MUTANT_UNDER_TEST", NAME + "3")
    conftest.pytest_sessionstart(session)  # runs its tests
    assert session.config.args == ["tests/test_a.py::test_0"]


# ---- The order a mutant's tests run in -----------------------------------------------------


def collected(nodeid, *fixtures):
    path = nodeid.split("::")[0]
    return SimpleNamespace(
        nodeid=nodeid, path=Path(path).resolve(), cls=None, fixturenames=fixtures
    )


@pytest.fixture
def timed_run(tmp_path, monkeypatch):
    """A mutant's run, with mutmut's times of each test's call and the coverage pass's
    times (set-up included, shared data apart); returns how it orders tests."""
    index = tmp_path / "index"
    index.mkdir()
    (index / mutation_selection.STAMP).write_text("a fingerprint")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(mutation_selection.INDEX_ENV, str(index))
    monkeypatch.delenv(mutation_selection.KILLERS_ENV, raising=False)
    monkeypatch.setenv("MUTANT_UNDER_TEST", NAME + "1")

    def order(items, mutmut_times, measured=None, shared=None):
        (tmp_path / "mutmut-stats.json").write_text(json.dumps({"duration_by_test": mutmut_times}))
        if measured is not None:
            times = {"tests": measured, "shared": shared or {}}
            (index / mutation_selection.TIMES).write_text(json.dumps(times))
        from tests import conftest

        conftest.pytest_collection_modifyitems(Config(), items)
        return [item.nodeid for item in items]

    return order


def test_a_test_whose_set_up_builds_a_site_runs_after_a_quicker_one(timed_run):
    heavy, light = "tests/test_a.py::test_backup_of_a_whole_site", "tests/test_b.py::test_name"
    items = [collected(heavy, "full_site"), collected(light)]
    # mutmut times the call alone: the test that skips after building a site looks free.
    assert timed_run(items, {heavy: 0.0, light: 0.2}, {heavy: 3.0, light: 0.2}) == [light, heavy]


def test_a_module_that_builds_costly_data_once_runs_after_cheaper_modules(timed_run):
    shared = mutation_selection.fixture_key("module", "tests/test_c.py", "pages_built_once")
    items = [
        collected("tests/test_c.py::test_1", "pages_built_once"),
        collected("tests/test_c.py::test_2", "pages_built_once"),
        collected("tests/test_d.py::test_1"),
    ]
    measured = {"tests/test_c.py::test_1": 0.01, "tests/test_c.py::test_2": 0.01}
    measured["tests/test_d.py::test_1"] = 0.5
    assert timed_run(items, measured, measured, {shared: 12.0}) == [
        "tests/test_d.py::test_1",
        "tests/test_c.py::test_1",
        "tests/test_c.py::test_2",
    ]


def test_a_quick_test_runs_before_a_costly_one_that_killed_the_functions_mutants_before(
    timed_run, tmp_path, monkeypatch
):
    costly, quick = "tests/test_c.py::test_cache", "tests/test_d.py::test_page"
    slow_killer, quick_killer = "tests/test_e.py::test_e", "tests/test_f.py::test_f"
    monkeypatch.setenv(mutation_selection.KILLERS_ENV, str(tmp_path / "killers.tsv"))
    for killer in (costly, slow_killer, quick_killer):
        mutation_selection.note_killer(NAME + "2", killer)
    measured = {costly: 15.0, quick: 0.5, slow_killer: 2.0, quick_killer: 1.0}
    items = [collected(nodeid) for nodeid in measured]
    # Among quick tests, the function's killers still go first.
    assert timed_run(items, measured, measured) == [quick_killer, slow_killer, quick, costly]


def test_until_the_coverage_pass_has_timed_the_tests_mutmuts_times_order_them(timed_run):
    first, second = "tests/test_a.py::test_1", "tests/test_b.py::test_1"
    assert timed_run([collected(second), collected(first)], {first: 0.1, second: 0.3}) == [
        first,
        second,
    ]


def test_tests_of_a_module_that_sets_up_nothing_costly_take_their_own_places(
    timed_run, tmp_path, monkeypatch
):
    # A module of second-long tests with one quick one must not run as one block before
    # another module's quick tests: each test takes its place by its own time, killers
    # of the function's earlier mutants first.
    quick_import, slow_killer, slow_import = (
        "tests/test_import.py::test_link",
        "tests/test_import.py::test_whole_file",
        "tests/test_import.py::test_rerun",
    )
    convert, convert_killer = "tests/test_convert.py::test_a", "tests/test_convert.py::test_b"
    monkeypatch.setenv(mutation_selection.KILLERS_ENV, str(tmp_path / "killers.tsv"))
    for killer in (slow_killer, convert_killer):
        mutation_selection.note_killer(NAME + "2", killer)
    measured = {
        quick_import: 0.005,
        slow_killer: 1.0,
        slow_import: 1.1,
        convert: 0.006,
        convert_killer: 0.007,
    }
    items = [collected(nodeid) for nodeid in measured]
    assert timed_run(items, measured, measured) == [
        convert_killer,
        slow_killer,
        quick_import,
        convert,
        slow_import,
    ]


def test_a_module_with_a_costly_module_fixture_still_runs_as_one_block(timed_run):
    server = mutation_selection.fixture_key("module", "tests/test_c.py", "server")
    items = [
        collected("tests/test_c.py::test_1", "server"),
        collected("tests/test_c.py::test_2", "server"),
        collected("tests/test_d.py::test_1"),
    ]
    measured = {"tests/test_c.py::test_1": 0.01, "tests/test_c.py::test_2": 0.9}
    measured["tests/test_d.py::test_1"] = 0.6
    # Taken one by one, test_d's test would come between them and the server would be
    # started twice.
    assert timed_run(items, measured, measured, {server: 0.5}) == [
        "tests/test_c.py::test_1",
        "tests/test_c.py::test_2",
        "tests/test_d.py::test_1",
    ]
