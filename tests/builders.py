"""Build real page trees through Wagtail's page API, for tests.

Every page is added with `add_child` and published through a revision, exactly as an
editor's "Publish" does, so live/draft state, revisions and the reference index are real."""

import contextlib
import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from blog.models import BlogIndexPage, EssayAuthor, EssayMethodLink, EssayPage, EssayPrincipleLink
from engagement.models import (
    DecisionAidPage,
    EngagementIndexPage,
    MethodIndexPage,
    MethodPage,
    PrincipleIndexPage,
    PrinciplePage,
)
from home.models import HomePage
from site_project.core.indexing import search_index_updates_paused
from site_project.core.models import Person
from site_project.taxonomy.models import EngagementLevel, Purpose, Topic

_counter = itertools.count(1)

LEVELS = [
    ("Inform", "inform", 1, True),
    ("Consult", "consult", 2, True),
    ("Involve", "involve", 3, True),
    ("Collaborate", "collaborate", 4, True),
    ("Empower", "empower", 5, True),
    ("Community-led", "community-led", 6, False),
]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@contextlib.contextmanager
def indexed_by_the_last_save(page, live):
    """Adding and publishing a page saves it three times (added, its revision noted,
    published), and each save brings the page's search and reference index entries up
    to date with the whole page. Only the last save's entries remain, so the earlier
    ones are left out: inside this block, saves of a page to be published leave both
    indexes alone (Django's and Wagtail's own switches), and its publish, after the
    block, writes them. A third of each page's cost, which the tests that build dozens
    of essays paid many times over. A draft's last save is inside the block, so a
    draft is indexed as usual."""
    if not live:
        yield
        return
    with without_index_updates(type(page)):
        yield


@contextlib.contextmanager
def without_index_updates(model):
    """Saves of `model` inside leave the search and reference indexes alone."""
    with disable_reference_index_auto_update(), search_index_updates_paused(model):
        yield


def add(parent, page, live=True):
    """Add `page` under `parent`; publish it, or leave it a never-published draft."""
    page.live = False
    with indexed_by_the_last_save(page, live):
        parent.add_child(instance=page)
        revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def add_section(parent, page):
    """Add a section index page, live, without a revision, as Wagtail's own initial home
    page is made: nearly every test needs the four sections, and publishing each through
    a revision would cost every test a tenth of a second. Tests that edit a section
    publish it through a revision like any other page (`publish`). Like that home page,
    a section has no search or reference index entries until it is next published: the
    site's search lists essays and guides only, and a section refers to nothing."""
    page.live = True
    with without_index_updates(type(page)):
        parent.add_child(instance=page)
    return page


def levels():
    return {
        slug: EngagementLevel.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "rank": rank, "on_spectrum": on, "expectation": f"{name}."},
        )[0]
        for name, slug, rank, on in LEVELS
    }


def home():
    return HomePage.objects.get()


def site_sections():
    """The section pages under home: essays index, engagement hub, finder, principles."""
    root = home()
    blog = BlogIndexPage.objects.first() or add_section(
        root, BlogIndexPage(title="Essays", slug="essays", show_in_menus=True)
    )
    hub = EngagementIndexPage.objects.first() or add_section(
        root, EngagementIndexPage(title="Engagement", slug="engagement")
    )
    finder = MethodIndexPage.objects.first() or add_section(
        hub, MethodIndexPage(title="Methods", slug="methods", show_in_menus=True)
    )
    principles = PrincipleIndexPage.objects.first() or add_section(
        hub, PrincipleIndexPage(title="Principles", slug="principles", show_in_menus=True)
    )
    return {"blog": blog, "hub": hub, "finder": finder, "principles": principles}


def topic(name, parent=None):
    slug = name.lower().replace(" ", "-")
    return Topic.objects.get_or_create(slug=slug, defaults={"name": name, "parent": parent})[0]


def purpose(name):
    slug = name.lower().replace(" ", "-")
    return Purpose.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def method(
    finder, title=None, low="consult", high="involve", live=True, topics=(), purposes=(), **fields
):
    lv = levels()
    n = next(_counter)
    title = title or f"Method {n}"
    page = MethodPage(
        title=title,
        slug=fields.pop("slug", None) or f"{slugify(title)}-{n}",
        summary=fields.pop("summary", f"A summary of {title}."),
        min_level=lv[low],
        max_level=lv[high],
        **fields,
    )
    # Set before the page is first saved, so it is published once, with them.
    page.topics = list(topics)
    page.purposes = list(purposes)
    return add(finder, page, live=live)


def principle(index, title=None, live=True, **fields):
    n = next(_counter)
    title = title or f"Principle {n}"
    page = PrinciplePage(
        title=title,
        slug=f"principle-{n}",
        statement=fields.pop("statement", f"The statement of {title}."),
        **fields,
    )
    return add(index, page, live=live)


def essay(
    blog,
    title=None,
    live=True,
    methods=(),
    principles=(),
    topics=(),
    authors=(),
    body=None,
    date=None,
    **fields,
):
    n = next(_counter)
    title = title or f"Essay {n}"
    page = EssayPage(
        title=title,
        slug=f"essay-{n}",
        summary=fields.pop("summary", f"What {title} argues."),
        date=date or datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        body=body
        if body is not None
        else [
            ("heading", {"text": "First part", "level": "h2"}),
            ("paragraph", "<p>Some words about engagement and communities.</p>"),
        ],
        **fields,
    )
    page.live = False
    with indexed_by_the_last_save(page, live):
        blog.add_child(instance=page)
        for m in methods:
            page.method_links.add(EssayMethodLink(method=m))
        for p in principles:
            page.principle_links.add(EssayPrincipleLink(principle=p))
        for person_ in authors:
            page.authors.add(EssayAuthor(person=person_))
        page.topics.set(topics)
        revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def image(title="Test image", colour=(31, 95, 91), size=(320, 180)):
    """A real Wagtail image from a small generated JPEG."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title,
        description=f"{title}, a flat colour",
        file=ImageFile(buffer, name=f"{slugify(title)}.jpg"),
    )


def person(name, photo=None, bio="Writes about engagement."):
    return Person.objects.create(name=name, role="Practitioner", photo=photo, bio=bio)


def root_page():
    return Page.objects.get(depth=1)


def decision_aid(hub, live=True, **fields):
    """A "Should we engage?" page with one question and no rules (they default to the
    highest level) unless given."""
    lv = levels()
    page = DecisionAidPage(
        title=fields.pop("title", "Should we engage?"),
        slug=fields.pop("slug", "should-we-engage"),
        summary=fields.pop("summary", "A few questions before you choose a method."),
        questions=fields.pop(
            "questions",
            [
                {
                    "type": "question",
                    "value": {
                        "key": "open",
                        "text": "What is still open to change?",
                        "options": [
                            {"value": "nothing", "label": "Nothing"},
                            {"value": "options", "label": "A choice of options"},
                        ],
                    },
                }
            ],
        ),
        highest_level=fields.pop("highest_level", lv["empower"]),
        meanwhile_level=fields.pop("meanwhile_level", lv["inform"]),
        **fields,
    )
    return add(hub, page, live=live)
