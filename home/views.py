"""Views that gather both halves of the site: topic pages and site search."""

from django.db import DatabaseError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from blog.models import EssayPage
from engagement.models import MethodIndexPage, MethodPage, PrinciplePage
from site_project.core.pagination import paginate
from site_project.core.visibility import visible, visible_page_ids
from site_project.taxonomy.models import Topic, topic_groups

from .models import StandardPage

SEARCH_TYPES = (EssayPage, MethodPage, PrinciplePage, StandardPage)
TYPE_LABELS = {
    EssayPage: "Essay",
    MethodPage: "Method guide",
    PrinciplePage: "Principle",
    StandardPage: "Page",
}
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def _live(model, request):
    return visible(model.objects.all(), request)


@require_GET
def topic_list(request):
    shown = visible_page_ids(request)
    topics = Topic.objects.annotate(
        essays_n=Count("essays", filter=Q(essays__in=shown), distinct=True),
        methods_n=Count("methods", filter=Q(methods__in=shown), distinct=True),
        principles_n=Count("principles", filter=Q(principles__in=shown), distinct=True),
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
    topic = get_object_or_404(Topic.objects.select_related("parent"), slug=slug)
    children = list(Topic.objects.filter(parent=topic))
    family = [topic.pk, *(child.pk for child in children)]
    essays = (
        _live(EssayPage, request).filter(topics__in=family).distinct().order_by("-date", "-pk")
    ).for_listing()
    methods = (
        _live(MethodPage, request)
        .filter(topics__in=family)
        .distinct()
        .select_related("min_level", "max_level")
        .order_by("min_level__rank", "title")
    )
    principles = (
        _live(PrinciplePage, request)
        .filter(topics__in=family)
        .distinct()
        .select_related("framework")
        .order_by("title")
    )
    return TemplateResponse(
        request,
        "home/topic_detail.html",
        {
            "topic": topic,
            "children": children,
            "essays": essays,
            "methods": methods,
            "principles": principles,
            "page_title": topic.name,
            "meta_description": topic.description
            or f"Essays, method guides and principles on {topic.name}.",
        },
    )


def clean_query(raw):
    """Trim, drop control characters (PostgreSQL rejects NUL), cap the length."""
    cleaned = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
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
