"""Builds the demo site through Wagtail's page API, and takes it down again.

Everything is looked up by a stable key before it is made (pages by slug under their
parent, taxonomy by slug, frameworks and people by name, images by title), so running
the loader twice creates nothing the second time and adds no revisions.
"""

import io
from collections import Counter

from django.conf import settings as django_settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError
from modelsearch.index import get_indexed_models
from wagtail.images import get_image_model
from wagtail.models import Revision, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from blog.models import BlogIndexPage, EssayAuthor, EssayMethodLink, EssayPage, EssayPrincipleLink
from engagement.models import (
    DecisionAidPage,
    EngagementIndexPage,
    Framework,
    MethodIndexPage,
    MethodPage,
    MethodPrincipleLink,
    MethodRelatedMethod,
    PrincipleIndexPage,
    PrinciplePage,
)
from home.models import HomeFeaturedEssay, HomePage, StandardPage
from site_project.core.indexing import search_index_updates_paused
from site_project.core.models import Person, SiteSettings
from site_project.taxonomy.models import EngagementLevel, MethodFamily, Purpose, Topic

from . import pages, taxonomy
from .blocks import resolve
from .dates import reviewed_ago
from .decision import DECISION_AID
from .essays import ESSAYS
from .images import IMAGES, render_jpeg
from .methods import METHODS
from .principles import PRINCIPLES

# The top-level sections the loader adds under the home page.
SECTIONS = [("essays", BlogIndexPage), ("engagement", EngagementIndexPage), ("about", StandardPage)]


class DemoLoader:
    def __init__(self, log=None):
        self.log = log or (lambda message: None)
        self.created = Counter()
        self.page_ids = {}

    # Public entry points ---------------------------------------------------------

    def load(self, reset=False):
        """Build whatever is missing; with reset, remove the demo first. Returns the
        number of things created or updated (0 on a second run).

        The reference index is rebuilt once at the end rather than after every save,
        and only when something changed; so is the search index (indexing each page
        as it was saved took a quarter of the load, all of it then done again)."""
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            search_index_updates_paused(*get_indexed_models()),
        ):
            if reset:
                self.delete()
            site = Site.objects.get(is_default_site=True)
            home = site.root_page.specific
            if not isinstance(home, HomePage):
                raise RuntimeError("The default site's root page is not a HomePage.")

            self.load_taxonomy()
            self.images = self.load_images()
            self.person = self.get_or_create(
                Person, {"name": taxonomy.PERSON["name"]}, taxonomy.PERSON
            )
            self.frameworks = {
                key: self.get_or_create(Framework, {"name": fields["name"]}, fields)
                for key, fields in taxonomy.FRAMEWORKS
            }
            self.load_site_settings(site)

            essays_index = self.index_page(home, BlogIndexPage, pages.ESSAYS_INDEX)
            hub = self.index_page(home, EngagementIndexPage, pages.ENGAGEMENT_INDEX)
            methods_index = self.index_page(hub, MethodIndexPage, pages.METHODS_INDEX)
            principles_index = self.index_page(hub, PrincipleIndexPage, pages.PRINCIPLES_INDEX)

            # Method pages name each other, so every missing one is created as an
            # unpublished shell first; principles can then point at methods, and the
            # methods are filled in and published once everything has an id.
            new_methods = self.method_shells(methods_index)
            self.load_principles(principles_index)
            self.publish_methods(new_methods)
            self.load_essays(essays_index)
            self.decision_aid(hub)
            self.standard_page(home, pages.ABOUT)
            self.load_home(home, force=reset)
        created = sum(self.created.values())
        if created:
            # Backlinks from rich text and StreamField need the reference index; site
            # search needs the new pages in the search index.
            call_command("rebuild_references_index", verbosity=0)
            call_command("update_index", verbosity=0)
        return created

    def delete(self):
        """Remove the demo tree, snippets, taxonomy and images the loader makes."""
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        for slug, model in SECTIONS:
            for page in model.objects.child_of(home).filter(slug=slug):
                page.delete()
        HomeFeaturedEssay.objects.filter(page=home).delete()
        # The loader publishes the home page without a user; editors' revisions stay.
        Revision.objects.for_instance(home).filter(user__isnull=True).delete()
        HomePage.objects.filter(pk=home.pk).update(heading="", intro="")

        Person.objects.filter(name=taxonomy.PERSON["name"]).delete()
        Framework.objects.filter(name__in=[f["name"] for _k, f in taxonomy.FRAMEWORKS]).delete()
        get_image_model().objects.filter(title__in=[spec[0] for spec in IMAGES.values()]).delete()

        children = [slug for slug, _n, _d, parent in taxonomy.TOPICS if parent]
        parents = [slug for slug, _n, _d, parent in taxonomy.TOPICS if not parent]
        for model, slugs in [
            (Topic, children),
            (Topic, parents),
            (EngagementLevel, [row[0] for row in taxonomy.LEVELS]),
            (Purpose, [row[0] for row in taxonomy.PURPOSES]),
            (MethodFamily, [row[0] for row in taxonomy.METHOD_FAMILIES]),
        ]:
            for obj in model.objects.filter(slug__in=slugs):
                try:
                    with transaction.atomic():
                        obj.delete()
                except ProtectedError:
                    self.log(f"Kept {model._meta.verbose_name} '{obj}': other content uses it.")

    # Snippets, taxonomy and images -----------------------------------------------

    def get_or_create(self, model, lookup, defaults):
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        if created:
            self.created[model._meta.model_name] += 1
        return obj

    def load_taxonomy(self):
        self.topics = {}
        for slug, name, description, parent in taxonomy.TOPICS:
            self.topics[slug] = self.get_or_create(
                Topic,
                {"slug": slug},
                {"name": name, "description": description, "parent": self.topics.get(parent)},
            )
        self.levels = {
            slug: self.get_or_create(
                EngagementLevel,
                {"slug": slug},
                {"name": name, "rank": rank, "on_spectrum": on_spectrum, "expectation": text},
            )
            for slug, name, rank, on_spectrum, text in taxonomy.LEVELS
        }
        self.purposes = {
            slug: self.get_or_create(
                Purpose,
                {"slug": slug},
                {"name": name, "description": description, "sort_order": order},
            )
            for order, (slug, name, description) in enumerate(taxonomy.PURPOSES, start=1)
        }
        self.families = {
            slug: self.get_or_create(
                MethodFamily, {"slug": slug}, {"name": name, "description": description}
            )
            for slug, name, description in taxonomy.METHOD_FAMILIES
        }

    def load_images(self):
        Image = get_image_model()
        existing = {
            image.title: image
            for image in Image.objects.filter(title__in=[spec[0] for spec in IMAGES.values()])
        }
        images = {}
        for key, (title, description, style, palette, seed, size) in IMAGES.items():
            image = existing.get(title)
            if image is None:
                # DEMO_IMAGE_SCALE: 1 unless set. The test suite makes its images small,
                # because encoding their AVIF renditions dominated its run time.
                scale = getattr(django_settings, "DEMO_IMAGE_SCALE", 1)
                data = render_jpeg(style, palette, seed, size, scale)
                image = Image(title=title, description=description)
                image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.jpg")
                image._set_image_file_metadata()
                image.save()
                self.created["image"] += 1
            images[key] = image
        return images

    def load_site_settings(self, site):
        settings = SiteSettings.for_site(site)
        changed = False
        for field, value in taxonomy.SITE_SETTINGS.items():
            if not getattr(settings, field):
                setattr(settings, field, value)
                changed = True
        if settings.default_share_image_id is None:
            settings.default_share_image = self.images["share"]
            changed = True
        if changed:
            settings.save()
            self.created["site settings"] += 1

    # Pages -------------------------------------------------------------------------

    def existing_child(self, parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def publish_new(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created[page._meta.model_name] += 1
        return page

    def index_page(self, parent, model, content):
        page = self.existing_child(parent, model, content["slug"])
        if page is None:
            page = self.publish_new(parent, model(**content))
        self.page_ids[("page", page.slug)] = page.pk
        return page

    def standard_page(self, parent, content):
        page = self.existing_child(parent, StandardPage, content["slug"])
        if page is None:
            fields = {**content, "body": resolve(content["body"], self.page_ids)}
            page = self.publish_new(parent, StandardPage(**fields))
        return page

    def decision_aid(self, parent):
        """ "Should we engage?": questions, rules naming principles, its levels."""
        content = DECISION_AID
        page = self.existing_child(parent, DecisionAidPage, content["slug"])
        if page is None:
            fields = {
                **content,
                "highest_level": self.levels[content["highest_level"]],
                "meanwhile_level": self.levels[content["meanwhile_level"]],
                "rules": resolve(content["rules"], self.page_ids),
            }
            page = self.publish_new(parent, DecisionAidPage(**fields))
        return page

    def method_shells(self, parent):
        existing = {page.slug: page for page in MethodPage.objects.child_of(parent)}
        new = []
        for data in METHODS:
            page = existing.get(data["slug"])
            if page is None:
                low, high = data["levels"]
                page = MethodPage(
                    title=data["title"],
                    slug=data["slug"],
                    summary=data["summary"],
                    min_level=self.levels[low],
                    max_level=self.levels[high or low],
                    live=False,
                )
                parent.add_child(instance=page)
                new.append((page, data))
            self.page_ids[("method", data["slug"])] = page.pk
        return new

    def publish_methods(self, new_methods):
        for page, data in new_methods:
            participants_min, participants_max, participants_note = data["participants"]
            lead_time, contact_time, follow_up, min_weeks = data["time"]
            cost_min, cost_max, cost_covers, cost_source, cost_year = data.get("cost") or (
                None,
                None,
                "",
                "",
                None,
            )
            depth, breadth, reach = data["ratings"]
            page.also_known_as = data.get("also_known_as", "")
            page.family = self.families[data["family"]]
            page.participants_min = participants_min
            page.participants_max = participants_max
            page.participants_note = participants_note
            page.lead_time, page.contact_time, page.follow_up = lead_time, contact_time, follow_up
            page.min_weeks = min_weeks
            page.cost_min, page.cost_max, page.cost_covers = cost_min, cost_max, cost_covers
            page.cost_source, page.cost_year = cost_source, cost_year
            page.facilitation_skill = data["facilitation"]
            page.depth_rating, page.breadth_rating, page.reach_rating = depth, breadth, reach
            page.last_reviewed = data["last_reviewed"]
            page.search_description = data["summary"]
            page.purposes = [self.purposes[slug] for slug in data["purposes"]]
            page.topics = [self.topics[slug] for slug in data["topics"]]
            page.body = resolve(data["body"], self.page_ids)
            page.related_method_links = [
                MethodRelatedMethod(method_id=self.page_ids[("method", slug)], note=note)
                for slug, note in data.get("related", [])
            ]
            page.principle_links = [
                MethodPrincipleLink(
                    principle_id=self.page_ids[("principle", slug)], effect=effect, note=note
                )
                for slug, effect, note in data.get("principles", [])
            ]
            page.save_revision().publish()
            self.created["methodpage"] += 1

    def load_principles(self, parent):
        existing = {page.slug: page for page in PrinciplePage.objects.child_of(parent)}
        for data in PRINCIPLES:
            page = existing.get(data["slug"])
            if page is None:
                page = PrinciplePage(
                    title=data["title"],
                    slug=data["slug"],
                    statement=data["statement"],
                    framework=self.frameworks[data["framework"]],
                    search_description=data["statement"],
                    body=resolve(data["body"], self.page_ids),
                    last_reviewed=data.get("last_reviewed", reviewed_ago(months=4)),
                )
                page.topics = [self.topics[slug] for slug in data["topics"]]
                self.publish_new(parent, page)
            self.page_ids[("principle", data["slug"])] = page.pk

    def load_essays(self, parent):
        existing = {page.slug: page for page in EssayPage.objects.child_of(parent)}
        for data in ESSAYS:
            page = existing.get(data["slug"])
            if page is None:
                page = EssayPage(
                    title=data["title"],
                    slug=data["slug"],
                    date=data["date"],
                    summary=data["summary"],
                    hero_image=self.images[data["image"]],
                    promote_image=self.images[data["image"]],
                    body=resolve(data["body"], self.page_ids),
                )
                page.topics = [self.topics[slug] for slug in data["topics"]]
                page.authors = [EssayAuthor(person=self.person)]
                page.method_links = [
                    EssayMethodLink(method_id=self.page_ids[("method", slug)], note=note)
                    for slug, note in data.get("methods", [])
                ]
                page.principle_links = [
                    EssayPrincipleLink(principle_id=self.page_ids[("principle", slug)], note=note)
                    for slug, note in data.get("principles", [])
                ]
                self.publish_new(parent, page)
            self.page_ids[("essay", data["slug"])] = page.pk

    def load_home(self, home, force=False):
        """Fill in the home page once: when it is still as the migration left it."""
        untouched = not home.heading and not home.featured_essays.exists()
        if not (force or untouched):
            return
        content = pages.HOME
        home.heading = content["heading"]
        home.intro = content["intro"]
        home.search_description = content["search_description"]
        home.promote_image = self.images["share"]
        home.featured_essays = [
            HomeFeaturedEssay(essay_id=self.page_ids[("essay", slug)])
            for slug in content["featured_essays"]
        ]
        home.save_revision().publish()
        self.created["homepage"] += 1


def summary():
    """One line counting what the demo site holds, e.g. '10 essays, 17 methods, …'."""
    counts = [
        (EssayPage.objects.live().count(), "essays"),
        (MethodPage.objects.live().count(), "methods"),
        (PrinciplePage.objects.live().count(), "principles"),
        (Topic.objects.count(), "topics"),
        (Framework.objects.count(), "frameworks"),
        (
            get_image_model().objects.filter(title__in=[s[0] for s in IMAGES.values()]).count(),
            "images",
        ),
    ]
    return ", ".join(f"{n} {label}" for n, label in counts)
