"""Open data: the method finder's results as CSV and JSON, and the same facts for the API.

One record per method, built here and used by both downloads (`export.csv`,
`export.json` below the finder) and by the read API (site_project/api.py), so a reuser
gets the same names and the same empty values everywhere:

* taxonomy terms (levels, purposes, topics, the family) by slug and name, never by id;
* a rating, the facilitation skill or any other fact nobody has filled in yet is
  `null` in JSON and an empty cell in CSV ("not yet rated" on the site);
* money is in pounds sterling, with who published the figures and when.

The CSV is made for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as
UTF-8), one row per method, several values in one cell separated by "; ", and any text
that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a
carriage return) prefixed with an apostrophe. Numbers come from non-negative integer
fields and are written as they are.
"""

import csv
import json
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

from site_project.core.models import SiteSettings

# Text a spreadsheet would read as a formula (or, after a tab or carriage return, as
# the start of one): OWASP's "CSV injection" list.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MULTI_VALUE_SEPARATOR = "; "


def term(obj):
    """A taxonomy term as open data shows it: {"slug", "name"}, or None."""
    return {"slug": obj.slug, "name": obj.name} if obj is not None else None


def terms(objects):
    return [term(obj) for obj in objects]


def level(obj):
    return {"slug": obj.slug, "name": obj.name, "rank": obj.rank} if obj is not None else None


def _text(value):
    return value or None


def method_facts(method):
    """Everything the finder knows about a method, apart from its title and address.

    `method` should come with its family and levels loaded (select_related) and its
    purposes and topics prefetched; otherwise each costs a query."""
    return {
        "summary": method.summary,
        "also_known_as": _text(method.also_known_as),
        "levels": {"lowest": level(method.min_level), "highest": level(method.max_level)},
        "purposes": terms(method.purposes.all()),
        "topics": terms(method.topics.all()),
        "family": term(method.family),
        "people": {
            "fewest": method.participants_min,
            "most": method.participants_max,
            "note": _text(method.participants_note),
        },
        "time": {
            "preparation": _text(method.lead_time),
            "with_participants": _text(method.contact_time),
            "follow_up": _text(method.follow_up),
            "shortest_weeks": method.min_weeks,
        },
        "cost": {
            "currency": "GBP",
            "from": method.cost_min,
            "up_to": method.cost_max,
            "covers": _text(method.cost_covers),
            "source": _text(method.cost_source),
            "year": method.cost_year,
        },
        "facilitation_skill": _text(method.facilitation_skill),
        "ratings": {
            "depth": _text(method.depth_rating),
            "breadth": _text(method.breadth_rating),
            "reach": _text(method.reach_rating),
        },
        "last_reviewed": method.last_reviewed,
    }


def method_record(method, request):
    return {
        "title": method.title,
        "url": method.get_full_url(request),
        "slug": method.slug,
        **method_facts(method),
    }


def _names(items):
    return MULTI_VALUE_SEPARATOR.join(item["name"] for item in items)


def _or_empty(value):
    return "" if value is None else value


# (column heading, value from a method record), in the order of the finder's facets.
CSV_COLUMNS = [
    ("title", lambda r: r["title"]),
    ("url", lambda r: r["url"]),
    ("summary", lambda r: r["summary"]),
    ("also_known_as", lambda r: r["also_known_as"]),
    ("lowest_level", lambda r: r["levels"]["lowest"]["name"]),
    ("highest_level", lambda r: r["levels"]["highest"]["name"]),
    ("purposes", lambda r: _names(r["purposes"])),
    ("topics", lambda r: _names(r["topics"])),
    ("family", lambda r: r["family"] and r["family"]["name"]),
    ("people_fewest", lambda r: r["people"]["fewest"]),
    ("people_most", lambda r: r["people"]["most"]),
    ("people_note", lambda r: r["people"]["note"]),
    ("time_preparation", lambda r: r["time"]["preparation"]),
    ("time_with_participants", lambda r: r["time"]["with_participants"]),
    ("time_follow_up", lambda r: r["time"]["follow_up"]),
    ("time_shortest_weeks", lambda r: r["time"]["shortest_weeks"]),
    ("cost_from_gbp", lambda r: r["cost"]["from"]),
    ("cost_up_to_gbp", lambda r: r["cost"]["up_to"]),
    ("cost_covers", lambda r: r["cost"]["covers"]),
    ("cost_source", lambda r: r["cost"]["source"]),
    ("cost_year", lambda r: r["cost"]["year"]),
    ("facilitation_skill", lambda r: r["facilitation_skill"]),
    ("depth", lambda r: r["ratings"]["depth"]),
    ("breadth", lambda r: r["ratings"]["breadth"]),
    ("reach", lambda r: r["ratings"]["reach"]),
    ("last_reviewed", lambda r: r["last_reviewed"] and r["last_reviewed"].isoformat()),
]


def spreadsheet_safe(value):
    """A cell value no spreadsheet will run as a formula. Only text is escaped: numbers
    (never negative here) and empty cells are written as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return _or_empty(value)


def csv_rows(records):
    yield [heading for heading, _ in CSV_COLUMNS]
    for record in records:
        yield [spreadsheet_safe(value(record)) for _, value in CSV_COLUMNS]


def filters_applied(filters):
    """The filters a download honoured, by their query-string names (unknown values
    were ignored, as on the finder page, and are listed under "ignored")."""
    applied = {}
    for name, value, _label in filters.active_params():
        if name == "purpose":
            applied.setdefault("purpose", []).append(value)
        else:
            applied[name] = value
    return applied


def _licence_link(licence):
    return f'<{licence["url"]}>; rel="license"' if licence and licence["url"] else None


def _download(response, filename, licence):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Data files are not pages: search engines should index the finder instead.
    response["X-Robots-Tag"] = "noindex"
    if link := _licence_link(licence):
        response["Link"] = link
    return response


def export_filename(extension, today=None):
    today = today or timezone.localdate()
    return f"engagement-methods-{today.isoformat()}.{extension}"


def csv_response(records, request):
    licence = SiteSettings.for_request(request).licence
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerows(csv_rows(records))
    return _download(response, export_filename("csv"), licence)


def json_response(records, request, filters, finder_url):
    licence = SiteSettings.for_request(request).licence
    site = Site.find_for_request(request)
    query = urlencode([(name, value) for name, value, _ in filters.active_params()])
    document = {
        "licence": licence,
        "source": site.root_url if site else request.build_absolute_uri("/"),
        "finder": f"{finder_url}?{query}" if query else finder_url,
        "generated": timezone.localdate(),
        "filters": filters_applied(filters),
        "ignored": filters.ignored,
        "count": len(records),
        "methods": records,
    }
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    return _download(response, export_filename("json"), licence)
