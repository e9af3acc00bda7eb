"""A method guide's ranges (levels, people, cost): a range of one value is fine, a range
upside down is refused with its message on its upper field (engagement/models.py)."""

import pytest
from django.core.exceptions import ValidationError

from tests import builders

pytestmark = pytest.mark.django_db


def errors_for(sections, **fields):
    """{field: [messages]} that saving a guide with these fields raises ({} if none)."""
    try:
        builders.method(sections["finder"], **fields)
    except ValidationError as error:
        return error.message_dict
    return {}


def test_ranges_of_a_single_value_are_accepted(sections):
    assert (
        errors_for(
            sections,
            low="involve",
            high="involve",
            participants_min=12,
            participants_max=12,
            cost_min=500,
            cost_max=500,
        )
        == {}
    )


def test_upside_down_ranges_are_refused_on_their_upper_field(sections):
    assert errors_for(
        sections,
        low="collaborate",
        high="consult",
        participants_min=13,
        participants_max=12,
        cost_min=501,
        cost_max=500,
    ) == {
        "max_level": ["The highest level cannot be below the lowest level."],
        "participants_max": ["The most people cannot be fewer than the fewest."],
        "cost_max": ["The upper cost cannot be below the lower cost."],
    }


def test_an_open_ended_range_is_accepted(sections):
    assert errors_for(sections, participants_min=12, cost_max=500) == {}
