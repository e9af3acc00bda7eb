"""The mutation report says how long the last run took, part by part: the figure the
hour that `make mutation` should fit in is checked against (tools/mutation.py)."""

import json

import pytest

from tools import mutation


@pytest.fixture
def timing_file(tmp_path, monkeypatch):
    path = tmp_path / "timing.json"
    monkeypatch.setattr(mutation, "TIMING", path)
    return path


def test_no_sentence_before_any_run(timing_file):
    assert mutation.last_run_timing() is None


def test_a_whole_run_is_told_part_by_part_in_minutes(timing_file):
    timing_file.write_text(
        json.dumps(
            {
                "started": "2026-11-30 00:21",
                "cores": 2,
                "from_scratch": True,
                "names": [],
                "mutmut": 5400,
                "lines_index": 530,
                "postgresql": 1090,
                "total": 6490,
            }
        )
    )
    assert mutation.last_run_timing() == (
        "The last run (started 2026-11-30 00:21, 2 at a time, every mutant, from "
        "scratch) took 108 min: mutmut's passes and the mutants 90 min; beside them, "
        "the lines index 9 min; the PostgreSQL pass 18 min."
    )


def test_a_partial_run_names_what_it_ran(timing_file):
    timing_file.write_text(
        json.dumps(
            {
                "started": "2026-11-30 02:00",
                "cores": 2,
                "from_scratch": False,
                "names": ["engagement.plan.*"],
                "mutmut": 300,
                "total": 300,
            }
        )
    )
    assert mutation.last_run_timing() == (
        "The last run (started 2026-11-30 02:00, 2 at a time, the mutants named "
        "`engagement.plan.*`) took 5 min: mutmut's passes and the mutants 5 min."
    )
