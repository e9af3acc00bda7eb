"""The method finder's filters (engagement/finder.py), on real method pages: each filter
keeps the methods on one side of its boundary and drops those just past it, odd input is
ignored and reported, and the chips, links and suggestions name exactly what is applied."""

import re
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from engagement.bands import BANDS
from engagement.finder import BUDGET_CHOICES, MAX_VALUES_PER_PARAM, WEEKS_CHOICES, Chip
from engagement.finder import MethodFilters as Filters
from site_project.taxonomy.models import EngagementLevel, Purpose, Topic
from tests import builders
from tests.test_query_counts import count_queries

pytestmark = pytest.mark.django_db


def query(**params):
    return QueryDict(urlencode(params, doseq=True))


def found(finder, **params):
    """Titles the filters keep, duplicates included, in title order."""
    return [m.title for m in Filters(query(**params)).apply(finder.methods()).order_by("title")]


# ---------- Reading the query string ----------


def test_no_parameters_means_no_filter(sections):
    builders.levels()
    filters = Filters(query())
    assert (filters.level, filters.topic, filters.band, filters.budget, filters.weeks) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert filters.selected_purposes == [] and filters.ignored == []
    assert filters.is_active is False
    assert filters.active_params() == [] and filters.querystring() == ""


def test_each_parameter_is_read_into_its_choice(sections):
    levels = builders.levels()
    care = builders.topic("Care")
    talk = builders.purpose("Talk")
    filters = Filters(
        query(
            level="involve", purpose="talk", topic="care", people="16-50", budget="5000", weeks="6"
        )
    )
    assert filters.level == levels["involve"]
    assert filters.selected_purposes == [talk]
    assert filters.topic == care
    assert filters.band == BANDS[1]
    assert filters.budget == 5000 and filters.weeks == 6
    assert filters.ignored == []
    assert filters.is_active is True


def test_unknown_values_are_ignored_and_named_with_their_filter(sections):
    builders.levels()
    filters = Filters(
        query(
            level="sideways",
            purpose="nope",
            topic="nowhere",
            people="lots",
            budget="-5",
            weeks="never",
        )
    )
    assert (filters.level, filters.topic, filters.band, filters.budget, filters.weeks) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert filters.selected_purposes == []
    assert filters.ignored == [
        "level “sideways”",
        "purpose “nope”",
        "topic “nowhere”",
        "group size “lots”",
        "budget “-5”",
        "time “never”",
    ]
    assert filters.is_active is False


def test_the_first_known_value_wins_and_other_known_ones_are_not_reported(sections):
    levels = builders.levels()
    filters = Filters(query(level=["sideways", "consult", "empower", "up"]))
    assert filters.level == levels["consult"]
    assert filters.ignored == ["level “sideways”", "level “up”"]


def test_blank_values_are_dropped_and_values_are_trimmed(sections):
    levels = builders.levels()
    filters = Filters(query(level=["", "   ", " involve "], budget=" 1000"))
    assert filters.level == levels["involve"]
    assert filters.budget == 1000
    assert filters.ignored == []


def test_an_ignored_value_is_quoted_up_to_forty_characters(sections):
    builders.levels()
    filters = Filters(query(topic="x" * 39 + "yz"))
    assert filters.ignored == ["topic “" + "x" * 39 + "y”"]
    filters = Filters(query(purpose="p" * 39 + "qr"))
    assert filters.ignored == ["purpose “" + "p" * 39 + "q”"]


def test_purposes_are_kept_once_each_in_the_order_given(sections):
    builders.levels()
    talk, decide = builders.purpose("Talk"), builders.purpose("Decide")
    filters = Filters(query(purpose=["decide", "talk", "decide", "bogus"]))
    assert filters.selected_purposes == [decide, talk]
    assert filters.ignored == ["purpose “bogus”"]


def test_only_the_first_ten_values_of_a_parameter_are_read(sections):
    builders.levels()
    assert MAX_VALUES_PER_PARAM == 10
    talk = builders.purpose("Talk")
    junk = [f"junk{n}" for n in range(9)]
    tenth = Filters(query(purpose=[*junk, "talk"]))
    assert tenth.selected_purposes == [talk]
    assert tenth.ignored == [f"purpose “junk{n}”" for n in range(9)]
    eleventh = Filters(query(purpose=[*junk, "junk9", "talk"]))
    assert eleventh.selected_purposes == []
    assert eleventh.ignored == [f"purpose “junk{n}”" for n in range(10)]


# ---------- Applying each filter ----------


def test_level_keeps_methods_whose_range_includes_it(sections):
    finder = sections["finder"]
    builders.method(finder, "Below", low="inform", high="consult")
    builders.method(finder, "Ends on it", low="consult", high="involve")
    builders.method(finder, "Exactly it", low="involve", high="involve")
    builders.method(finder, "Starts on it", low="involve", high="empower")
    builders.method(finder, "Above", low="collaborate", high="empower")
    assert found(finder, level="involve") == ["Ends on it", "Exactly it", "Starts on it"]


def test_every_chosen_purpose_must_be_served(sections):
    finder = sections["finder"]
    talk, decide = builders.purpose("Talk"), builders.purpose("Decide")
    builders.method(finder, "Both", purposes=[talk, decide])
    builders.method(finder, "Talk only", purposes=[talk])
    builders.method(finder, "Decide only", purposes=[decide])
    builders.method(finder, "Neither")
    assert found(finder, purpose="talk") == ["Both", "Talk only"]
    assert found(finder, purpose=["talk", "decide"]) == ["Both"]


def test_topic_keeps_its_own_and_its_sub_topics_methods_once_each(sections):
    finder = sections["finder"]
    care = builders.topic("Care")
    prevention = builders.topic("Prevention", parent=care)
    screening = builders.topic("Screening", parent=prevention)
    housing = builders.topic("Housing")
    builders.method(finder, "Care and prevention", topics=[care, prevention])
    builders.method(finder, "Prevention", topics=[prevention])
    builders.method(finder, "Screening", topics=[screening])
    builders.method(finder, "Housing", topics=[housing])
    # Sub-topics one level down; the finder's topics are two levels deep.
    assert found(finder, topic="care") == ["Care and prevention", "Prevention"]
    assert found(finder, topic="prevention") == ["Care and prevention", "Prevention", "Screening"]
    assert found(finder, topic="housing") == ["Housing"]


def test_group_size_keeps_methods_whose_numbers_overlap_the_band(sections):
    finder = sections["finder"]
    builders.method(finder, "Open to anyone")
    builders.method(finder, "Starts at the top", participants_min=50)
    builders.method(finder, "Starts above", participants_min=51)
    builders.method(finder, "Ends at the bottom", participants_max=16)
    builders.method(finder, "Ends below", participants_max=15)
    builders.method(finder, "Spans it", participants_min=5, participants_max=500)
    assert found(finder, people="16-50") == [
        "Ends at the bottom",
        "Open to anyone",
        "Spans it",
        "Starts at the top",
    ]


def test_the_open_ended_band_has_no_upper_limit(sections):
    finder = sections["finder"]
    builders.method(finder, "Huge", participants_min=5000)
    builders.method(finder, "Reaches it", participants_min=10, participants_max=1001)
    builders.method(finder, "Stops short", participants_min=10, participants_max=1000)
    assert found(finder, people="over-1000") == ["Huge", "Reaches it"]


def test_budget_keeps_methods_that_can_be_done_within_it(sections):
    finder = sections["finder"]
    builders.method(finder, "From the budget", cost_min=5000, cost_max=9000)
    builders.method(finder, "From above", cost_min=5001, cost_max=9000)
    builders.method(finder, "Up to the budget", cost_max=5000)
    builders.method(finder, "Up to above", cost_max=5001)
    builders.method(finder, "No figures")
    assert found(finder, budget="5000") == ["From the budget", "Up to the budget"]


def test_time_keeps_methods_that_can_be_done_within_it(sections):
    finder = sections["finder"]
    builders.method(finder, "Six weeks", min_weeks=6)
    builders.method(finder, "Seven weeks", min_weeks=7)
    builders.method(finder, "Two weeks", min_weeks=2)
    builders.method(finder, "Unknown")
    assert found(finder, weeks="6") == ["Six weeks", "Two weeks"]


# ---------- Describing what is applied ----------


@pytest.fixture
def everything(sections):
    builders.levels()
    builders.topic("Care")
    builders.purpose("Talk")
    builders.purpose("Decide")
    return Filters(
        query(
            weeks="12",
            budget="20000",
            people="51-250",
            topic="care",
            purpose=["talk", "decide"],
            level="consult",
        )
    )


def test_active_filters_are_listed_in_form_order_with_labels(everything):
    assert everything.active_params() == [
        ("level", "consult", "Level: Consult"),
        ("purpose", "talk", "Purpose: Talk"),
        ("purpose", "decide", "Purpose: Decide"),
        ("topic", "care", "Topic: Care"),
        ("people", "51-250", "51 to 250 people"),
        ("budget", "20000", "Up to £20,000"),
        ("weeks", "12", "Time: Up to 3 months"),
    ]
    assert everything.querystring() == (
        "level=consult&purpose=talk&purpose=decide&topic=care&people=51-250&budget=20000&weeks=12"
    )


def test_each_chip_removes_exactly_its_own_filter(everything):
    base = "/engagement/methods/"
    chips = everything.chips(base)
    everything_but = [
        "purpose=talk&purpose=decide&topic=care&people=51-250&budget=20000&weeks=12",
        "level=consult&purpose=decide&topic=care&people=51-250&budget=20000&weeks=12",
        "level=consult&purpose=talk&topic=care&people=51-250&budget=20000&weeks=12",
        "level=consult&purpose=talk&purpose=decide&people=51-250&budget=20000&weeks=12",
        "level=consult&purpose=talk&purpose=decide&topic=care&budget=20000&weeks=12",
        "level=consult&purpose=talk&purpose=decide&topic=care&people=51-250&weeks=12",
        "level=consult&purpose=talk&purpose=decide&topic=care&people=51-250&budget=20000",
    ]
    labels = [label for _, _, label in everything.active_params()]
    assert chips == [
        Chip(label, f"{base}?{q}") for label, q in zip(labels, everything_but, strict=True)
    ]


def test_the_last_chip_links_to_the_bare_finder(sections):
    builders.levels()
    filters = Filters(query(budget="1000"))
    assert filters.chips("/methods/") == [Chip("Up to £1,000", "/methods/")]


def test_the_form_offers_every_choice(sections):
    builders.levels()
    builders.topic("Care")
    builders.purpose("Talk")
    options = Filters(query()).form_options()
    assert options == {
        "levels": list(EngagementLevel.objects.all()),
        "purposes": list(Purpose.objects.all()),
        "topics": list(Topic.objects.all()),
        "bands": BANDS,
        "budgets": BUDGET_CHOICES,
        "weeks": WEEKS_CHOICES,
    }
    assert [level.slug for level in options["levels"]][:2] == ["inform", "consult"]


def test_relaxations_count_what_each_single_removal_brings_back(sections):
    finder = sections["finder"]
    care, housing = builders.topic("Care"), builders.topic("Housing")
    builders.method(
        finder, "Quick housing", low="inform", high="inform", topics=[housing], min_weeks=1
    )
    builders.method(
        finder, "Care consult A", low="consult", high="consult", topics=[care], min_weeks=1
    )
    builders.method(
        finder, "Care consult B", low="consult", high="consult", topics=[care], min_weeks=2
    )
    builders.method(finder, "Slow care", low="inform", high="inform", topics=[care], min_weeks=10)
    filters = Filters(query(level="inform", topic="care", weeks="2"))
    assert list(filters.apply(finder.methods())) == []
    assert filters.relaxations(finder.methods(), "/m/") == [
        ("Level: Inform", 2, "/m/?topic=care&weeks=2"),
        ("Topic: Care", 1, "/m/?level=inform&weeks=2"),
        ("Time: 2 weeks or less", 1, "/m/?level=inform&topic=care"),
    ]


def test_a_removal_that_brings_nothing_back_is_not_suggested(sections):
    finder = sections["finder"]
    builders.purpose("Talk")
    builders.method(finder, "Informing", low="inform", high="inform")
    builders.method(finder, "Consulting", low="consult", high="consult")
    filters = Filters(query(level="inform", purpose="talk"))
    assert filters.relaxations(finder.methods(), "/m/") == [
        ("Purpose: Talk", 1, "/m/?level=inform")
    ]
    alone = Filters(query(purpose="talk"))
    assert alone.relaxations(finder.methods(), "/m/") == [("Purpose: Talk", 2, "/m/")]


# ---------- The bands and the form ----------


def test_every_group_size_falls_in_exactly_one_band(sections):
    finder = sections["finder"]
    for size in (1, 15, 16, 50, 51, 250, 251, 1000, 1001, 5000):
        builders.method(finder, f"Exactly {size:04}", participants_min=size, participants_max=size)
    assert [band.slug for band in BANDS] == [
        "up-to-15",
        "16-50",
        "51-250",
        "251-1000",
        "over-1000",
    ]
    assert found(finder, people="up-to-15") == ["Exactly 0001", "Exactly 0015"]
    assert found(finder, people="16-50") == ["Exactly 0016", "Exactly 0050"]
    assert found(finder, people="51-250") == ["Exactly 0051", "Exactly 0250"]
    assert found(finder, people="251-1000") == ["Exactly 0251", "Exactly 1000"]
    assert found(finder, people="over-1000") == ["Exactly 1001", "Exactly 5000"]


def select_options(body, name):
    """(value, " selected" or "", label) for each option of the form's select called `name`."""
    select = re.search(rf'<select id="f-{name}" name="{name}"[^>]*>(.*?)</select>', body, re.S)
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select.group(1))


def test_the_form_lists_sizes_budgets_and_times_and_marks_the_chosen_ones(client, sections):
    builders.levels()
    body = client.get(
        sections["finder"].url, {"people": "51-250", "budget": "100000", "weeks": "26"}
    ).content.decode()
    assert select_options(body, "people") == [
        ("", "", "Any number"),
        ("up-to-15", "", "Up to 15 people"),
        ("16-50", "", "16 to 50 people"),
        ("51-250", " selected", "51 to 250 people"),
        ("251-1000", "", "251 to 1,000 people"),
        ("over-1000", "", "More than 1,000 people"),
    ]
    assert select_options(body, "budget") == [
        ("", "", "Any budget"),
        ("1000", "", "Up to £1,000"),
        ("5000", "", "Up to £5,000"),
        ("20000", "", "Up to £20,000"),
        ("100000", " selected", "Up to £100,000"),
        ("250000", "", "Up to £250,000"),
        ("1000000", "", "Up to £1 million"),
    ]
    assert select_options(body, "weeks") == [
        ("", "", "Any time"),
        ("2", "", "2 weeks or less"),
        ("6", "", "Up to 6 weeks"),
        ("12", "", "Up to 3 months"),
        ("26", " selected", "Up to 6 months"),
        ("52", "", "Up to a year"),
    ]


def test_relaxing_group_size_or_budget_counts_what_each_brings_back(sections):
    finder = sections["finder"]
    builders.method(finder, "Big and cheap", participants_min=100, cost_min=500)
    builders.method(finder, "Small and dear", participants_max=10, cost_min=5000)
    builders.method(finder, "Big and dear", participants_min=100, cost_min=5000)
    filters = Filters(query(people="up-to-15", budget="1000"))
    assert list(filters.apply(finder.methods())) == []
    assert filters.relaxations(finder.methods(), "/m/") == [
        ("Up to 15 people", 1, "/m/?budget=1000"),
        ("Up to £1,000", 1, "/m/?people=up-to-15"),
    ]


def test_topic_choices_name_their_parent_at_a_cost_that_does_not_grow(client, sections):
    builders.levels()
    care = builders.topic("Care")
    builders.topic("Prevention", parent=care)
    url = sections["finder"].url + "?topic=prevention"
    few = count_queries(client, url)
    for name in ("Carers", "Clinics", "Screening"):
        builders.topic(name, parent=care)
    assert count_queries(client, url) == few
    body = client.get(url).content.decode()
    assert select_options(body, "topic") == [
        ("", "", "Any topic"),
        ("care", "", "Care"),
        ("carers", "", "Carers (Care)"),
        ("clinics", "", "Clinics (Care)"),
        ("prevention", " selected", "Prevention (Care)"),
        ("screening", "", "Screening (Care)"),
    ]
