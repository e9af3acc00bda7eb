"""What a change touched: every public URL whose HTML shows a given page or object.

One function, `affected_paths(obj)`, answers it for the page cache and for the front
cache (CDN or proxy) alike. It follows the same relations the pages themselves use to
list and link each other, never a hand-kept list of pages:

- the page itself, with its sub-pages (the finder's compare and spectrum views and its
  CSV and JSON downloads, a guide's full list of essays, the library hub's engagement
  plans and their calendar files, which show any method or principle below it);
- every listing above it in the tree (home, the essays index, the library hub, the
  finder), with their query-string variants;
- pages that show a call to action for it (`shown_on_pages()`, e.g. the finder
  invites readers to "Should we engage?");
- pages it links to, which list it back ("Essays that discuss this method"), and pages
  that link to it, which show its title or image: both from Wagtail's ReferenceIndex,
  which records rich-text links, page choosers in StreamField, and the explicit
  relations (an essay's methods discussed, a method's principles);
- its topics' pages and feeds, and the topic list with its counts;
- for an essay, the essay feeds, its neighbours (previous/next links) and the essays
  that share a topic with it ("Related essays");
- search results and the sitemap.

A page in the main menu, or with pages below it (whose breadcrumbs show its title),
is shown on too many pages to list: changing one clears the whole cache.

Snippets, images and documents are shown by the pages that refer to them, so their change
touches what a change to each of those pages would. Some changes show on every page
(site settings, taxonomy terms in chips, level ranges and the finder's filters); for
those the answer is EVERYTHING, which clears the whole cache: correct, and cheap on a
site of this size.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, ReferenceIndex

from blog.models import EssayPage
from site_project.core.invalidation import EVERYTHING
from site_project.core.routing import public_subpage_path
from site_project.core.visibility import visible
from site_project.taxonomy.models import Topic

# How far to follow references between non-page objects (an image used by a person
# who is an essay's author).
MAX_DEPTH = 2


def page_paths(page):
    """The page's own path and those of its routable sub-pages that take no arguments."""
    url = page.get_url()
    if not url:
        return set()
    paths = {url}
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_subpage_urls():
            if pattern.name and not pattern.pattern.regex.groups:
                sub = page.reverse_subpage(pattern.name)
                if sub:
                    paths.add(public_subpage_path(url, sub))
    return paths


def topic_paths(topic_ids):
    """Topic pages and feeds for these topics and their broad (parent) topics."""
    topics = Topic.objects.filter(Q(pk__in=topic_ids) | Q(children__in=topic_ids)).distinct()
    paths = {reverse("topic_list")}
    for topic in topics:
        paths.add(topic.get_absolute_url())
        paths.add(reverse("topic_feed_rss", args=[topic.slug]))
        paths.add(reverse("topic_feed_atom", args=[topic.slug]))
    return paths


def site_wide_paths():
    """Pages that may show any page: search results and the sitemap."""
    return {reverse("search"), reverse("sitemap")}


def _pages(ids):
    # The reference index keeps ids as text: compare them as numbers (PostgreSQL won't
    # compare an integer column with text).
    return Page.objects.filter(pk__in=[int(pk) for pk in ids]).specific()


def referenced_pages(obj):
    """Pages `obj` links to (they may list it back)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_for_object(obj).filter(to_content_type=page_type)
    return _pages(set(ids.values_list("to_object_id", flat=True)))


def referring_objects(obj):
    """Pages and other objects (snippets, settings) that link to `obj`, as instances."""
    grouped = {}
    for content_type_id, object_id in ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    ):
        grouped.setdefault(content_type_id, set()).add(object_id)
    found = []
    for content_type_id, ids in grouped.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            found.extend(_pages(ids))
        else:
            found.extend(model._default_manager.filter(pk__in=ids))
    return found


def _essay_neighbourhood(essay):
    """Essays whose previous/next links or "Related essays" may show `essay` (among the
    essays a reader may see, as the pages themselves choose them)."""
    siblings = visible(EssayPage.objects.sibling_of(essay, inclusive=False))
    topic_ids = [topic.pk for topic in essay.topics.all()]
    related = set(siblings.filter(topics__in=topic_ids).values_list("pk", flat=True))
    related.update(neighbour.pk for neighbour in essay.neighbours() if neighbour)
    return _pages(related)


def essay_feed_paths():
    return {reverse("essay_feed_rss"), reverse("essay_feed_atom")}


def affected_by_page(page):
    """Every public path whose HTML shows `page` (a specific page instance)."""
    if page.show_in_menus or page.numchild:
        # In the main menu of every page, or in the breadcrumbs of all the pages below.
        return {EVERYTHING} | page_paths(page)
    paths = page_paths(page) | site_wide_paths()
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        paths |= page_paths(ancestor)
    for related in (*referenced_pages(page), *referring_objects(page)):
        if isinstance(related, Page):
            paths |= page_paths(related)
    # Pages that link to it from outside its ancestors without naming it in their
    # content (the finder's call to action for "Should we engage?").
    for shown_on in getattr(page, "shown_on_pages", list)():
        paths |= page_paths(shown_on)
    topics = getattr(page, "topics", None)
    if topics is not None:
        paths |= topic_paths([topic.pk for topic in topics.all()])
    if isinstance(page, EssayPage):
        paths |= essay_feed_paths()
        for neighbour in _essay_neighbourhood(page):
            paths |= page_paths(neighbour)
    return paths


def affected_paths(obj, _depth=0):
    """Every public path whose HTML shows `obj`: a page, snippet, image or document."""
    if isinstance(obj, Page):
        return affected_by_page(obj.specific)
    if isinstance(obj, BaseSiteSetting):
        return {EVERYTHING}
    paths = set()
    if _depth >= MAX_DEPTH:
        return paths
    for source in referring_objects(obj):
        paths |= affected_paths(source, _depth + 1)
    return paths


def subtree_paths(page):
    """Paths of `page` and every page below it, as they are now: what a move, a delete
    or a new view restriction is about to take away."""
    paths = set()
    for each in page.get_descendants(inclusive=True).specific(defer=True):
        paths |= page_paths(each)
    return paths


def all_public_paths():
    """Every path the front cache may hold, for a full purge."""
    paths = site_wide_paths() | essay_feed_paths()
    for page in Page.objects.live().public().specific():
        paths |= page_paths(page)
    paths |= topic_paths(list(Topic.objects.values_list("pk", flat=True)))
    return paths
