"""The read API's fields for related things (site_project/core/api_fields.py): what an
essay's, a principle's and a method's API record says about the people, frameworks,
terms and pages they refer to, exactly; and what asking for them costs."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement.models import Framework
from tests import builders

pytestmark = pytest.mark.django_db


def api(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return json.loads(response.content)


def queries(client, url):
    client.get(url)  # caches warmed (site root paths, settings)
    with CaptureQueriesContext(connection) as ctx:
        api(client, url)
    return ctx.captured_queries


def test_an_essays_record_names_its_authors_and_the_pages_it_discusses_with_notes(client, site):
    """Inline rows first (in their order, with their notes), then pages the text links
    to; each named by id, title, full address and note (null when it has none)."""
    essay, jury, survey, pb = site["essay"], site["jury"], site["survey"], site["pb"]
    link = essay.method_links.get()
    link.note = "Run twice in the pilot."
    link.save()
    essay.method_links.create(method=survey, note="")
    essay.body = [("paragraph", f'<p>See <a linktype="page" id="{pb.pk}">budgeting</a>.</p>')]
    essay.authors.create(person=builders.person("Ada Byron"))
    builders.publish(essay)
    data = api(client, f"/api/v2/pages/{essay.pk}/")
    assert data["methods_discussed"] == [
        {
            "id": jury.pk,
            "title": "Citizens' jury",
            "url": f"http://localhost{jury.url}",
            "note": "Run twice in the pilot.",
        },
        {"id": survey.pk, "title": "Survey", "url": f"http://localhost{survey.url}", "note": None},
        {
            "id": pb.pk,
            "title": "Participatory budgeting",
            "url": f"http://localhost{pb.url}",
            "note": None,
        },
    ]
    principle = site["principle"]
    assert data["principles_discussed"] == [
        {
            "id": principle.pk,
            "title": "Feed back what changed",
            "url": f"http://localhost{principle.url}",
            "note": None,
        }
    ]
    assert data["authors"] == [{"name": "Ada Byron", "role": "Practitioner"}]


def test_a_principles_record_names_its_framework_in_full_or_with_nulls(client, site):
    framework = site["framework"]
    framework.publisher, framework.year = "Cabinet Office", 2018
    framework.url = "https://example.org/gunning"
    framework.save()
    principle = site["principle"]
    assert api(client, f"/api/v2/pages/{principle.pk}/")["framework"] == {
        "name": "Gunning principles",
        "publisher": "Cabinet Office",
        "year": 2018,
        "url": "https://example.org/gunning",
    }
    bare = Framework.objects.create(name="Local charter")
    other = builders.principle(site["principles"], "Listen early", framework=bare)
    assert api(client, f"/api/v2/pages/{other.pk}/")["framework"] == {
        "name": "Local charter",
        "publisher": None,
        "year": None,
        "url": None,
    }


def test_asking_for_more_of_a_methods_facts_costs_no_more_queries(client, site):
    """A method's facts are built once per method, however many of them are asked for."""
    base = "/api/v2/pages/?type=engagement.MethodPage&fields="
    one = queries(client, base + "summary")
    many = queries(client, base + "summary,levels,purposes,topics,family,people,time,cost")
    assert len(many) == len(one)


def test_an_essay_listing_reads_the_private_sections_as_often_for_two_essays_as_for_six(
    client, site
):
    """The view restrictions are read once per answer and shared by every essay's lists
    of discussed pages, not read again for each essay."""
    url = "/api/v2/pages/?type=blog.EssayPage&fields=methods_discussed,principles_discussed"

    def restriction_reads():
        return [q for q in queries(client, url) if "pageviewrestriction" in q["sql"]]

    two = restriction_reads()
    for n in range(4):
        builders.essay(site["blog"], f"Essay {n}", methods=[site["jury"]])
    assert len(api(client, url)["items"]) == 6
    assert len(restriction_reads()) == len(two)
