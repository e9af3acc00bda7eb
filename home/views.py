"""Views that gather both halves of the site: topic pages and site search."""

from django.db import DatabaseError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from blog.models import BlogIndexPage, EssayPage
from engagement.models import DecisionAidPage, MethodIndexPage, MethodPage, PrinciplePage
from site_project.core.pagination import first_and_total, paginate
from site_project.core.visibility import visible, visible_page_ids
from site_project.taxonomy.models import Topic, count_tagged, tagged_with, topic_groups

from .models import StandardPage, first_of_type

SEARCH_TYPES = (EssayPage, MethodPage, PrinciplePage, StandardPage, DecisionAidPage)
TYPE_LABELS = {
    EssayPage: "Essay",
    MethodPage: "Method guide",
    PrinciplePage: "Principle",
    StandardPage: "Page",
    DecisionAidPage: "Decision aid",
}
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# A topic page shows the newest essays and the first method guides, linking to the
# essays index and the method finder filtered by the topic for the rest.
TOPIC_ESSAYS_SHOWN = 6
TOPIC_METHODS_SHOWN = 6


def _live(model, request):
    return visible(model.objects.all(), request)


def _on_topics(model, request, topic_ids):
    return tagged_with(_live(model, request), topic_ids)


@require_GET
def topic_list(request):
    shown = visible_page_ids(request)
    topics = Topic.objects.annotate(
        essays_n=count_tagged(EssayPage, shown),
        methods_n=count_tagged(MethodPage, shown),
        principles_n=count_tagged(PrinciplePage, shown),
    )
    return TemplateResponse(
        request,
        "home/topic_list.html",
        {
            "groups": topic_groups(topics),
            "page_title": "Topics",
            "meta_description": "Every topic, with the essays, method guides and principles on it.",
        },
    )


@require_GET
def topic_detail(request, slug):
    # The topic and its sub-topics in one query.
    family = list(
        Topic.objects.select_related("parent").filter(Q(slug=slug) | Q(parent__slug=slug))
    )
    topic = next((t for t in family if t.slug == slug), None)
    if topic is None:
        raise Http404("No such topic.")
    children = [t for t in family if t.parent_id == topic.pk]
    family_ids = [t.pk for t in family]
    essays, essays_total = first_and_total(
        _on_topics(EssayPage, request, family_ids).order_by("-date", "-pk").for_listing(),
        TOPIC_ESSAYS_SHOWN,
    )
    methods, methods_total = first_and_total(
        _on_topics(MethodPage, request, family_ids)
        .defer_streamfields()
        .select_related("min_level", "max_level")
        .order_by("min_level__rank", "title", "pk"),
        TOPIC_METHODS_SHOWN,
    )
    # Principles stay complete: there are a few dozen in the whole library.
    principles = (
        _on_topics(PrinciplePage, request, family_ids)
        .defer_streamfields()
        .select_related("framework")
        .order_by("title")
    )
    # Where the full lists live, in one query.
    sections = list(visible(Page.objects.type(BlogIndexPage, MethodIndexPage), request))
    return TemplateResponse(
        request,
        "home/topic_detail.html",
        {
            "topic": topic,
            "children": children,
            "essays": essays,
            "essays_total": essays_total,
            "essays_index": first_of_type(sections, BlogIndexPage),
            "methods": methods,
            "methods_total": methods_total,
            "finder": first_of_type(sections, MethodIndexPage),
            "principles": principles,
            "page_title": topic.name,
            "meta_description": topic.description
            or f"Essays, method guides and principles on {topic.name}.",
        },
    )


def clean_query(raw):
    """Trim, drop control characters (PostgreSQL rejects NUL), cap the length. Any
    whitespace (a tab, a line break) separates words, as a space does."""
    cleaned = "".join(ch for ch in raw if ch.isprintable() or ch.isspace())
    cleaned = " ".join(cleaned.split())
    truncated = len(cleaned) > MAX_QUERY_LENGTH
    return cleaned[:MAX_QUERY_LENGTH], truncated


@require_GET
def search(request):
    query, truncated = clean_query(request.GET.get("q", ""))
    context = {
        "query": query,
        "page_title": f"Search: {query}" if query else "Search",
        "noindex": True,
        "notes": [],
    }
    if truncated:
        context["notes"].append(
            f"Your search was very long, so we used its first {MAX_QUERY_LENGTH} characters."
        )
    if query:
        context["promotions"] = list(
            SearchPromotion.objects.filter(query__query_string=query.lower())
            .filter(Q(page__isnull=True) | Q(page__in=visible_page_ids(request)))
            .select_related("page")
            .order_by("sort_order")
        )
        pages = visible(Page.objects.type(*SEARCH_TYPES), request)
        try:
            results = pages.search(query, operator="and")
            page_obj, page_range, other, note = paginate(request, results, RESULTS_PER_PAGE)
            hits = list(page_obj.object_list)
        except DatabaseError:
            # A query the database's full-text parser cannot handle: say so, don't crash.
            page_obj, page_range, other, note, hits = None, [], "", "", []
            context["notes"].append("We couldn't run that search. Try plainer words.")
        if note:
            context["notes"].append(note)
        specific = {p.pk: p for p in Page.objects.filter(pk__in=[h.pk for h in hits]).specific()}
        context.update(
            results=[
                (specific[h.pk], TYPE_LABELS.get(type(specific[h.pk]), "Page"))
                for h in hits
                if h.pk in specific
            ],
            page_obj=page_obj,
            page_range=page_range,
            other_params=other,
        )
    return TemplateResponse(request, "home/search.html", context)


@require_GET
def methods_shortcut(request, rest=""):
    """/methods/… is a short, shareable address for the method finder and its views."""
    finder = visible(MethodIndexPage.objects.all(), request).first()
    finder_url = finder.get_url(request) if finder else None
    if not finder_url:
        raise Http404("There is no method finder yet.")
    url = finder_url + rest
    if request.GET:
        url += "?" + request.GET.urlencode()
    return redirect(url)


@require_GET
def robots_txt(request):
    return TemplateResponse(
        request,
        "home/robots.txt",
        {"sitemap_url": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )
