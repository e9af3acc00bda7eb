"""Open data records (engagement/opendata.py) in full: every fact of a filled-in method
under its published name, the empty values of a bare one, and the JSON document's
description of the filters it honoured."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from site_project.core.models import SiteSettings
from site_project.taxonomy.models import MethodFamily
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(sections):
    finder = sections["finder"]
    return builders.method(
        finder,
        "Citizens' jury",
        slug="jury",
        low="involve",
        high="collaborate",
        summary="A panel weighs evidence.",
        also_known_as="Citizens' panel",
        purposes=[builders.purpose("Talk"), builders.purpose("Decide")],
        topics=[builders.topic("Care"), builders.topic("Housing")],
        family=MethodFamily.objects.create(name="Mini-publics", slug="mini-publics"),
        participants_min=12,
        participants_max=30,
        participants_note="random selection",
        lead_time="3 months",
        contact_time="4 days",
        follow_up="2 months",
        min_weeks=12,
        cost_min=60000,
        cost_max=200000,
        cost_covers="fees",
        cost_source="Involve",
        cost_year=2023,
        facilitation_skill="specialist",
        depth_rating="high",
        breadth_rating="medium",
        reach_rating="low",
        last_reviewed=datetime.date(2025, 6, 1),
    )


@pytest.fixture
def bare(sections):
    return builders.method(sections["finder"], "Bare", slug="bare", low="inform", high="inform")


def download(client, sections, kind, query=""):
    return client.get(f"{sections['finder'].url}export.{kind}" + (f"?{query}" if query else ""))


def test_a_filled_in_method_in_json_names_every_fact(client, sections, filled):
    data = json.loads(download(client, sections, "json").content)
    assert data["methods"] == [
        {
            "title": "Citizens' jury",
            "url": f"http://localhost{filled.url}",
            "slug": "jury",
            "summary": "A panel weighs evidence.",
            "also_known_as": "Citizens' panel",
            "levels": {
                "lowest": {"slug": "involve", "name": "Involve", "rank": 3},
                "highest": {"slug": "collaborate", "name": "Collaborate", "rank": 4},
            },
            "purposes": [{"slug": "decide", "name": "Decide"}, {"slug": "talk", "name": "Talk"}],
            "topics": [{"slug": "care", "name": "Care"}, {"slug": "housing", "name": "Housing"}],
            "family": {"slug": "mini-publics", "name": "Mini-publics"},
            "people": {"fewest": 12, "most": 30, "note": "random selection"},
            "time": {
                "preparation": "3 months",
                "with_participants": "4 days",
                "follow_up": "2 months",
                "shortest_weeks": 12,
            },
            "cost": {
                "currency": "GBP",
                "from": 60000,
                "up_to": 200000,
                "covers": "fees",
                "source": "Involve",
                "year": 2023,
            },
            "facilitation_skill": "specialist",
            "ratings": {"depth": "high", "breadth": "medium", "reach": "low"},
            "last_reviewed": "2025-06-01",
        }
    ]


def test_a_bare_method_in_json_has_null_for_every_missing_fact(client, sections, bare):
    (record,) = json.loads(download(client, sections, "json").content)["methods"]
    assert record["also_known_as"] is None and record["family"] is None
    assert record["purposes"] == [] and record["topics"] == []
    assert record["people"] == {"fewest": None, "most": None, "note": None}
    assert record["time"] == {
        "preparation": None,
        "with_participants": None,
        "follow_up": None,
        "shortest_weeks": None,
    }
    assert record["cost"] == {
        "currency": "GBP",
        "from": None,
        "up_to": None,
        "covers": None,
        "source": None,
        "year": None,
    }
    assert record["facilitation_skill"] is None
    assert record["ratings"] == {"depth": None, "breadth": None, "reach": None}
    assert record["last_reviewed"] is None


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:], newline="")))


def test_csv_columns_in_order_with_several_values_in_one_cell(client, sections, filled, bare):
    header, *rows = read_csv(download(client, sections, "csv"))
    assert header == [
        "title",
        "url",
        "summary",
        "also_known_as",
        "lowest_level",
        "highest_level",
        "purposes",
        "topics",
        "family",
        "people_fewest",
        "people_most",
        "people_note",
        "time_preparation",
        "time_with_participants",
        "time_follow_up",
        "time_shortest_weeks",
        "cost_from_gbp",
        "cost_up_to_gbp",
        "cost_covers",
        "cost_source",
        "cost_year",
        "facilitation_skill",
        "depth",
        "breadth",
        "reach",
        "last_reviewed",
    ]
    assert rows == [
        ["Bare", f"http://localhost{sections['finder'].url}bare/", "A summary of Bare."]
        + ["", "Inform", "Inform"]
        + [""] * 20,
        [
            "Citizens' jury",
            f"http://localhost{filled.url}",
            "A panel weighs evidence.",
            "Citizens' panel",
            "Involve",
            "Collaborate",
            "Decide; Talk",
            "Care; Housing",
            "Mini-publics",
            "12",
            "30",
            "random selection",
            "3 months",
            "4 days",
            "2 months",
            "12",
            "60000",
            "200000",
            "fees",
            "Involve",
            "2023",
            "specialist",
            "high",
            "medium",
            "low",
            "2025-06-01",
        ],
    ]


def test_json_describes_the_filters_it_honoured_and_links_the_same_finder(client, sections, filled):
    builders.levels()
    query = "purpose=talk&purpose=decide&purpose=nope&level=involve&budget=250000"
    response = download(client, sections, "json", query)
    data = json.loads(response.content)
    assert data["filters"] == {
        "level": "involve",
        "purpose": ["talk", "decide"],
        "budget": "250000",
    }
    assert data["ignored"] == ["purpose “nope”"]
    # Readable as it is: UTF-8 rather than \u escapes, indented by two spaces.
    assert '\n  "ignored": [\n    "purpose “nope”"\n  ],\n' in response.content.decode()
    assert data["finder"] == (
        f"http://localhost{sections['finder'].url}"
        "?level=involve&purpose=talk&purpose=decide&budget=250000"
    )
    assert data["count"] == 1 and [m["slug"] for m in data["methods"]] == ["jury"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    unfiltered = json.loads(download(client, sections, "json").content)
    assert unfiltered["finder"] == f"http://localhost{sections['finder'].url}"
    assert unfiltered["filters"] == {} and unfiltered["ignored"] == []
    assert unfiltered["generated"] == timezone.localdate().isoformat()


def test_a_licence_without_an_address_is_named_but_not_linked(client, sections, bare):
    settings = SiteSettings.for_site(builders.home().get_site())
    settings.licence_name, settings.licence_url = "All rights reserved", ""
    settings.save()
    response = download(client, sections, "json")
    assert json.loads(response.content)["licence"] == {"name": "All rights reserved", "url": None}
    assert "Link" not in response
    assert "Link" not in download(client, sections, "csv")
    assert download(client, sections, "csv")["X-Robots-Tag"] == "noindex"
