"""Create or update essays, pages, topics, people, images and redirects from a parsed
WordPress export (blog/wordpress/parse.py).

One code path for the dry run and the real thing: every step reads the database,
decides what it would do (create, update, leave unchanged, skip) and records it in
the report; only a real run writes. A real run is one transaction, inside
`invalidation.bulk()`: any error rolls everything back (and deletes image files
already stored), and the page cache is cleared once at the end.

Idempotency: each post, page and attachment is keyed by its WordPress post id
(blog.WordPressImport), with a digest of what was imported; the same content again
changes nothing, newer content becomes a new revision of the same page. Redirects
are keyed by their old path."""

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from anyascii import anyascii
from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site

from site_project.core import invalidation
from site_project.core.indexing import index_for_search, search_index_updates_paused
from site_project.core.models import Person
from site_project.taxonomy.models import Topic

from ..models import BlogIndexPage, EssayAuthor, EssayPage, WordPressImport
from .convert import convert, shorten, summary_from
from .parse import WXRError, split_url

IMPORTED_STATUSES = {"publish", "draft", "pending", "future", "private"}
SKIPPED_STATUSES = {
    "trash": "in the WordPress bin",
    "auto-draft": "an empty auto-draft",
    "inherit": "a revision",
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}
SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
UPLOADS_MARK = "/wp-content/uploads/"
REDIRECT_PATH_LIMIT = Redirect._meta.get_field("old_path").max_length  # 255
UNCATEGORIZED = "uncategorized"


class Report:
    """What was (or would be) done, item by item, and the totals."""

    def __init__(self, dry_run):
        self.dry_run = dry_run
        self.actions = []  # (verb, kind, label, note)
        self.counts = Counter()  # (kind, verb) -> n
        self.skipped = []  # (label, reason)
        self.warnings = []  # (label, message)
        self.states = Counter()  # live, draft, scheduled, password-protected (posts)

    def did(self, verb, kind, label, note=""):
        self.actions.append((verb, kind, label, note))
        self.counts[(kind, verb)] += 1

    def skip(self, label, reason):
        self.skipped.append((label, reason))

    def warn(self, label, message):
        self.warnings.append((label, message))

    def count(self, kind, verb=None):
        if verb:
            return self.counts[(kind, verb)]
        return sum(n for (k, _), n in self.counts.items() if k == kind)

    def _totals(self, kind):
        parts = [
            f"{self.counts[(kind, verb)]} {verb_word(verb, self.dry_run)}"
            for verb in ("create", "update", "match", "unchanged")
            if self.counts[(kind, verb)]
        ]
        return f"{self.count(kind)}" + (f" ({', '.join(parts)})" if parts else "")

    def lines(self):
        out = []
        for verb, kind, label, note in self.actions:
            if verb == "unchanged":
                continue
            out.append(f"{verb_word(verb, self.dry_run).capitalize()} {kind}: {label}{note}")
        return out

    def summary(self):
        head = "Dry run: nothing was written." if self.dry_run else "Import complete."
        states = self.states
        lines = [
            head,
            f"Posts: {self._totals('essay')}; live {states['live']}, drafts {states['draft']}, "
            f"scheduled {states['scheduled']}, password-protected {states['password']}.",
            f"Pages: {self._totals('page')}.",
            f"Topics: {self._totals('topic')}.",
            f"People: {self._totals('person')}.",
            f"Images: {self._totals('image')}.",
            f"Redirects: {self._totals('redirect')}.",
            f"Skipped: {len(self.skipped)}.",
        ]
        lines += [f"  - {label}: {reason}" for label, reason in self.skipped]
        if self.warnings:
            lines.append(f"Warnings: {len(self.warnings)}.")
            lines += [f"  - {label}: {message}" for label, message in self.warnings]
        return lines

    def as_text(self):
        return "\n".join(self.lines() + [""] + self.summary())


def verb_word(verb, dry_run):
    words = {
        "create": ("created", "would create"),
        "update": ("updated", "would update"),
        "match": ("matched existing", "would match existing"),
        "unchanged": ("unchanged", "unchanged"),
    }
    return words[verb][1 if dry_run else 0]


def _path(url):
    """The path and query of a URL, as an old address on this site."""
    parts = split_url(url or "")
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _norm(path):
    return Redirect.normalise_path(path)


def _slug(text, allow_unicode=True):
    return slugify(text, allow_unicode=allow_unicode)  # without leading or trailing dashes


class Importer:
    def __init__(self, export, *, pages=False, uploads=None, dry_run=False, user=None):
        self.export = export
        self.with_pages = pages
        self.uploads = Path(uploads).resolve() if uploads else None
        self.dry_run = dry_run
        self.user = user
        self.report = Report(dry_run)
        self.blog = BlogIndexPage.objects.first()
        if self.blog is None:
            raise WXRError("There is no essays index page to import the posts under.")
        site = Site.objects.filter(is_default_site=True).first()
        self.home = site.root_page.specific if site else self.blog.get_parent().specific
        self.base_path = split_url(export.base_url).path.rstrip("/")
        self.stored_files = []
        self.people = {}  # login -> Person
        self.people_by_name = {}  # lower-case name -> Person
        self.planned_topics = {}  # slug and lower-case name -> Topic created by this run
        self.topic_for = {}  # wp category slug -> Topic
        self.category_topics = []  # (chain of slugs, term id, Topic)
        self.images_by_id = {}  # wp attachment id -> (image id, alt, caption)
        self.images_by_path = {}  # uploads path without size suffix -> wp attachment id
        self.page_for = {}  # wp id -> page (None for one a dry run would create)
        self.saved_pages = []  # filled with changes, to index for search once
        self.link_targets = {}  # normalised old path -> wp id

    # ---- running ----

    def run(self):
        if self.dry_run:
            self._steps()
            return self.report
        try:
            with (
                transaction.atomic(),
                invalidation.bulk(),
                search_index_updates_paused(EssayPage, self.standard_page),
            ):
                self._steps()
                # Once each, after its last save: `save` saves a page up to three times,
                # and an unchanged page was not saved at all.
                index_for_search(self.saved_pages)
        except BaseException:
            for name in self.stored_files:
                get_image_model()._meta.get_field("file").storage.delete(name)
            raise
        return self.report

    def _steps(self):
        posts, pages, attachments = self.select()
        self.load_people(posts)
        self.load_topics(posts)
        self.load_images(attachments)
        self.load_content(posts, pages)
        self.load_redirects()

    # ---- which items ----

    def select(self):
        posts, pages, attachments = [], [], []
        other_types = Counter()
        seen = {}
        for item in self.export.items:
            if item.wp_id is None:
                self.report.skip(item.label, "it has no WordPress post id")
                continue
            if item.post_type == "attachment":
                attachments.append(item)
                continue
            if item.post_type not in ("post", "page"):
                other_types[item.post_type] += 1
                continue
            if item.status in SKIPPED_STATUSES:
                self.report.skip(item.label, SKIPPED_STATUSES[item.status])
                continue
            if item.status not in IMPORTED_STATUSES:
                self.report.skip(item.label, f"unknown status '{item.status[:20]}'")
                continue
            if item.post_type == "page" and not self.with_pages:
                self.report.skip(item.label, "a page (use --pages to import pages)")
                continue
            if item.wp_id in seen:
                self.report.skip(seen[item.wp_id].label, "the same post id appears again later")
            seen[item.wp_id] = item
        for item in seen.values():
            (posts if item.post_type == "post" else pages).append(item)
        for post_type, number in sorted(other_types.items()):
            self.report.skip(f"{number} × {post_type}", "this kind of item is not imported")
        return posts, pages, attachments

    # ---- people ----

    def load_people(self, posts):
        logins = dict.fromkeys(login for item in posts for login in self.logins(item))
        for login in logins:
            author = self.export.authors.get(login)
            name = (author.display_name if author else login)[:120]
            person = self.people_by_name.get(name.lower())
            if person:
                self.people[login] = person
                continue
            person = Person.objects.filter(name__iexact=name).first()
            self.people_by_name[name.lower()] = person or Person(name=name)
            if person:
                self.report.did("match", "person", name)
            else:
                person = self.people_by_name[name.lower()]
                if not self.dry_run:
                    person.save()
                self.report.did("create", "person", name)
            self.people[login] = person

    @staticmethod
    def logins(item):
        """The post's author, then any co-authors, each once."""
        return list(dict.fromkeys(login for login in [item.creator, *item.coauthors] if login))

    def authors_of(self, item):
        """People for the post's logins, each once (two logins may share a name)."""
        people = {}
        for login in self.logins(item):
            person = self.people.get(login)
            if person is not None:
                people.setdefault(person.name.lower(), person)
        return list(people.values())

    # ---- topics ----

    def load_topics(self, posts):
        categories = dict(self.export.categories)
        for item in posts:
            for slug, name in item.categories:
                key = slug or _slug(name)
                if key and key not in categories:
                    from .parse import Category

                    categories[key] = Category(slug=key, name=name or key)

        def chain(slug):
            found = [slug]
            while len(found) < 20:
                parent = categories.get(found[0])
                if not parent or not parent.parent_slug or parent.parent_slug in found:
                    break
                found.insert(0, parent.parent_slug)
            return found

        ordered = sorted(categories.values(), key=lambda c: (len(chain(c.slug)), c.slug))
        for category in ordered:
            slugs = chain(category.slug)
            if category.slug == UNCATEGORIZED:
                self.report.skip(
                    "category Uncategorized", "WordPress's default category, not made a topic"
                )
                continue
            if len(slugs) >= 3:
                # Topics go two levels deep: a third level joins its second-level ancestor.
                topic = self.topic_for.get(slugs[1])
                self.topic_for[category.slug] = topic
                if topic is not None:
                    self.report.did("match", "topic", f"{category.name} → {topic.name}")
                self.category_topics.append((slugs, category.term_id, topic))
                continue
            parent = self.topic_for.get(slugs[0]) if len(slugs) == 2 else None
            topic = self.topic(category, parent)
            self.topic_for[category.slug] = topic
            self.category_topics.append((slugs, category.term_id, topic))

    def topic(self, category, parent):
        slug = (
            _slug(anyascii(category.slug), allow_unicode=False)[:80]
            or _slug(anyascii(category.name), allow_unicode=False)[:80]
        )
        name = category.name[:80]
        planned = self.planned_topics.get(slug) or self.planned_topics.get(name.lower())
        if planned is not None:
            # Two categories with one slug or name here ("Café", "Cafe"): one topic.
            self.report.did("match", "topic", f"{name} → {planned.name}")
            return planned
        existing = (
            Topic.objects.filter(slug=slug).first()
            or Topic.objects.filter(name__iexact=name).first()
        )
        if existing:
            # An editor's topic wins: its name, slug and place are kept.
            self.report.did("match", "topic", existing.name)
            return existing
        if parent is not None and parent.parent_id:
            # The WordPress parent is already a sub-topic here: join it.
            self.report.did("match", "topic", f"{name} → {parent.name}")
            return parent
        topic = Topic(name=name, slug=slug or f"topic-{category.term_id or 0}", parent=parent)
        self.planned_topics[topic.slug] = self.planned_topics[name.lower()] = topic
        if not self.dry_run:
            topic.save()
        self.report.did("create", "topic", name + (f" (under {parent.name})" if parent else ""))
        return topic

    # ---- images ----

    def load_images(self, attachments):
        existing = {
            m.wp_id: m
            for m in WordPressImport.objects.filter(
                wp_id__in=[a.wp_id for a in attachments], image__isnull=False
            )
        }
        missing_uploads = []
        for item in attachments:
            relative = item.meta.get("_wp_attached_file") or ""
            if not relative and UPLOADS_MARK in item.attachment_url:
                relative = split_url(item.attachment_url).path.split(UPLOADS_MARK, 1)[1]
            relative = relative.lstrip("/")
            alt = " ".join(item.meta.get("_wp_attachment_image_alt", "").split())[:255]
            caption = shorten(re.sub(r"<[^>]+>", " ", item.excerpt), 250)
            if Path(relative).suffix.lower() not in IMAGE_EXTENSIONS:
                self.report.skip(item.label, "not an image (only images are imported)")
                continue
            self.images_by_path[SIZE_SUFFIX.sub("", relative)] = item.wp_id
            mapping = existing.get(item.wp_id)
            if mapping:
                self.images_by_id[item.wp_id] = (mapping.image_id, alt, caption)
                self.report.did("unchanged", "image", item.title or relative)
                continue
            if self.uploads is None:
                missing_uploads.append(item)
                continue
            path, problem = self.find_upload(relative)
            if problem:
                self.report.skip(item.label, problem)
                continue
            image_id = self.store_image(item, path, alt)
            self.images_by_id[item.wp_id] = (image_id, alt, caption)
            self.report.did("create", "image", item.title or relative)
        if missing_uploads:
            self.report.skip(
                f"{len(missing_uploads)} image attachment(s)",
                "no uploads folder given (--uploads DIR, a copy of wp-content/uploads)",
            )

    def find_upload(self, relative):
        """The file for an uploads-relative path (never empty: it has an image's file
        extension), only if it lies inside the uploads folder (no '..', no symbolic link
        out of it), is not too large and is an image."""
        try:
            path = (self.uploads / relative).resolve()
        except (OSError, ValueError, RuntimeError):
            # RuntimeError: a symbolic link loop, on Python 3.11 and 3.12.
            return None, f"file name not usable: {relative[:120]}"
        if not path.is_relative_to(self.uploads):
            return None, f"file outside the uploads folder refused: {relative[:120]}"
        if not path.is_file():
            return None, f"file not found in the uploads folder: {relative[:120]}"
        limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
        if limit and path.stat().st_size > limit:
            return None, f"file larger than the image upload limit: {relative[:120]}"
        try:
            with PILImage.open(path) as probe:
                probe.verify()
        except Exception:
            return None, f"not a readable image: {relative[:120]}"
        return path, None

    def store_image(self, item, path, alt):
        if self.dry_run:
            return 0
        image = get_image_model()(title=(item.title or path.stem)[:255], description=alt)
        with open(path, "rb") as handle:
            image.file = ImageFile(handle, name=path.name)
            image._set_image_file_metadata()
            image.save()
        self.stored_files.append(image.file.name)
        WordPressImport.objects.update_or_create(
            wp_id=item.wp_id, defaults={"kind": "attachment", "image": image, "page": None}
        )
        return image.pk

    def resolve_image(self, src, wp_id):
        if wp_id in self.images_by_id:
            return self.images_by_id[wp_id]
        path = split_url(src or "").path
        if UPLOADS_MARK in path:
            relative = SIZE_SUFFIX.sub("", path.split(UPLOADS_MARK, 1)[1])
            found = self.images_by_path.get(relative)
            if found in self.images_by_id:
                return self.images_by_id[found]
        return None

    # ---- essays and pages ----

    def load_content(self, posts, pages):
        items = [(item, "essay") for item in posts] + [(item, "page") for item in pages]
        mappings = {
            m.wp_id: m
            for m in WordPressImport.objects.filter(
                wp_id__in=[item.wp_id for item, _ in items], page__isnull=False
            ).select_related("page")
        }
        for item, _kind in items:
            for old in self.old_paths(item):
                self.link_targets.setdefault(old, item.wp_id)
        # Pages before their children, so a page's WordPress parent is there to hold it.
        by_id = {item.wp_id: item for item in pages}

        def depth(item):
            level, seen = 0, set()
            while item.parent_id in by_id and item.parent_id not in seen and level < 20:
                seen.add(item.parent_id)
                item, level = by_id[item.parent_id], level + 1
            return level

        items.sort(key=lambda pair: depth(pair[0]) if pair[1] == "page" else -1)
        # First every page exists, so links between posts can point at them.
        planned = []
        for item, kind in items:
            mapping = mappings.get(item.wp_id)
            page = mapping.page.specific if mapping else None
            if page is None:
                page = self.create_shell(item, kind)
            self.page_for[item.wp_id] = page
            planned.append((item, kind, mapping))
        for item, kind, mapping in planned:
            self.fill(item, kind, mapping)

    def old_paths(self, item):
        paths = {_norm(f"{self.base_path}/?p={item.wp_id}")}
        if item.post_type == "page":
            paths.add(_norm(f"{self.base_path}/?page_id={item.wp_id}"))
        link = _path(item.link)
        if link and _norm(link) not in ("/", _norm(self.base_path or "/")):
            paths.add(_norm(link))
        return paths

    def resolve_link(self, href):
        parts = split_url(href or "")
        host = (parts.hostname or "").lower().removeprefix("www.")
        if parts.scheme not in ("", "http", "https") or (host and host != self.export.host):
            return None
        wp_id = self.link_targets.get(_norm(_path(href)))
        page = self.page_for.get(wp_id)
        return page.pk if page is not None and page.pk else None

    def parent_for(self, item, kind):
        if kind == "essay":
            return self.blog
        parent = self.page_for.get(item.parent_id)
        if parent is not None and parent.pk and parent.specific_class is self.standard_page:
            return parent
        return self.home

    @property
    def standard_page(self):
        return apps.get_model("home", "StandardPage")

    def unique_slug(self, parent, item):
        base = (_slug(item.slug) or _slug(item.title) or f"post-{item.wp_id}")[:200]
        # A real run adds each page as it is planned, so its slug is taken for the next;
        # a dry run shows no slugs, so it needs no bookkeeping of its own.
        taken = set(parent.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def title(self, item):
        return (item.title or f"Untitled (WordPress {item.post_type} {item.wp_id})")[:255]

    def create_shell(self, item, kind):
        """A new page, not yet live, so it has an id to link to; filled in `fill`. Its
        body stays empty until then: Wagtail asks for required fields only on publishing."""
        parent = self.parent_for(item, kind)
        model = EssayPage if kind == "essay" else self.standard_page
        page = model(title=self.title(item), slug=self.unique_slug(parent, item), live=False)
        page.summary = self.title(item)  # a title fits in a summary (255 < 300)
        if self.dry_run:
            return page
        parent.add_child(instance=page)
        return page

    def fill(self, item, kind, mapping):
        page = self.page_for[item.wp_id]
        blocks, warnings, _images = convert(item.content, self.resolve_link, self.resolve_image)
        for message in dict.fromkeys(warnings):
            self.report.warn(item.label, message)
        raw_body = [{"type": block_type, "value": value} for block_type, value in blocks]
        excerpt = shorten(re.sub(r"<[^>]+>", " ", item.excerpt))
        summary = excerpt or summary_from(blocks) or self.title(item)
        now = timezone.now()
        status = item.status
        if status == "future" and (item.date is None or item.date <= now):
            status = "publish"
        state = {
            "publish": "live",
            "future": "scheduled",
            "draft": "draft",
            "pending": "draft",
            "private": "draft",
        }[status]
        password = item.password if state != "draft" else ""
        hero = self.images_by_id.get(_int(item.meta.get("_thumbnail_id")))
        fields = {
            "title": self.title(item),
            "summary": summary,
            "body": raw_body,
            "date": item.date.isoformat() if item.date else None,
            "state": state,
            "password": password,
            "hero": hero[0] if hero else None,
        }
        if kind == "essay":
            fields["topics"] = sorted(
                {
                    topic.slug
                    for slug, name in item.categories
                    if (topic := self.topic_for.get(slug or _slug(name)))
                }
            )
            fields["authors"] = [person.name for person in self.authors_of(item)]
        # Sorted keys: the digests of earlier imports stay valid if the fields move.
        digest = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
        note = {"live": "", "draft": " (draft)", "scheduled": " (scheduled)"}[state]
        if item.status == "private":
            note = " (private in WordPress: kept as a draft)"
        if password:
            note += " (password-protected)"
        if item.sticky:
            self.report.warn(item.label, "sticky in WordPress: feature it on the home page by hand")
        label = fields["title"]
        if kind == "essay":
            self.report.states[state] += 1
            if password:
                self.report.states["password"] += 1
        if mapping and mapping.digest == digest:
            self.report.did("unchanged", kind, label)
            page._import_state = state
            return
        self.report.did("update" if mapping else "create", kind, label, note)
        page._import_state = state
        if self.dry_run:
            return
        self.save(page, item, kind, fields, state)
        WordPressImport.objects.update_or_create(
            wp_id=item.wp_id, defaults={"kind": kind, "page": page, "image": None, "digest": digest}
        )

    def save(self, page, item, kind, fields, state):
        self.saved_pages.append(page)
        page.title = fields["title"]
        page.summary = fields["summary"]
        page.body = fields["body"]
        moment = item.date
        if kind == "essay":
            page.date = timezone.localtime(moment).date() if moment else None
            page.topics = [self.topic_for_slug(slug) for slug in fields["topics"]]
            page.authors = [EssayAuthor(person=person) for person in self.authors_of(item)]
            if fields["hero"]:
                page.hero_image_id = fields["hero"]
        if state == "live" and moment and not page.first_published_at:
            page.first_published_at = moment
        page.go_live_at = moment if state == "scheduled" else None
        if state == "draft":
            if page.live:
                page.unpublish(user=self.user, log_action=True)
            # A page never published shows its own row in the admin's listings.
            page.save()
            page.save_revision(user=self.user, log_action=True)
        else:
            revision = page.save_revision(user=self.user, log_action=True)
            revision.publish(user=self.user, skip_permission_checks=True)
        if fields["password"]:
            kind = PageViewRestriction.PASSWORD
            restriction = PageViewRestriction.objects.filter(
                page=page, restriction_type=kind
            ).first() or PageViewRestriction(page=page, restriction_type=kind)
            if restriction.password != fields["password"]:
                restriction.password = fields["password"]
                restriction.save()

    def topic_for_slug(self, slug):
        return next(t for t in self.topic_for.values() if t is not None and t.slug == slug)

    # ---- redirects ----

    def load_redirects(self):
        existing = {r.old_path: r for r in Redirect.objects.filter(site__isnull=True)}
        for wp_id, page in self.page_for.items():
            if page._import_state == "draft":  # every page was filled, which sets it
                continue  # a redirect to a page nobody can see would only move the 404
            home_path = self.home.url_path.rstrip("/")
            own = _norm(page.url_path.removeprefix(home_path)) if page.pk else None
            for old in sorted(p for p, target in self.link_targets.items() if target == wp_id):
                if old != own:
                    self.redirect(existing, old, page=page)
        for slugs, term_id, topic in self.category_topics:
            if topic is None:
                continue
            path = f"{self.base_path}/category/{'/'.join(slugs)}/"
            topic_url = reverse("topic_detail", args=[topic.slug])
            self.redirect(existing, path, link=topic_url)
            self.redirect(
                existing, path + "feed/", link=reverse("topic_feed_rss", args=[topic.slug])
            )
            if term_id:
                self.redirect(existing, f"{self.base_path}/?cat={term_id}", link=topic_url)
        self.redirect(existing, f"{self.base_path}/feed/", link=reverse("essay_feed_rss"))
        self.redirect(existing, f"{self.base_path}/feed/rss2/", link=reverse("essay_feed_rss"))
        self.redirect(existing, f"{self.base_path}/feed/atom/", link=reverse("essay_feed_atom"))

    def redirect(self, existing, old, page=None, link=""):
        old = _norm(old)
        if len(old) > REDIRECT_PATH_LIMIT:
            self.report.skip(f"redirect from {old[:120]}…", "the old address is too long to keep")
            return
        current = existing.get(old)
        label = f"{old} → {page.title if page is not None else link}"
        if current is not None:
            same_page = page is not None and page.pk and current.redirect_page_id == page.pk
            same_link = (
                page is None and current.redirect_page_id is None and current.redirect_link == link
            )
            if (same_page or same_link) and current.is_permanent:
                self.report.did("unchanged", "redirect", label)
                return
            self.report.did("update", "redirect", label)
        else:
            self.report.did("create", "redirect", label)
            current = Redirect(old_path=old)  # for every site
            existing[old] = current
        if self.dry_run:
            return
        current.is_permanent = True
        current.redirect_page = page
        current.redirect_link = link  # "" when the redirect is to a page
        current.save()


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def run(export, **options):
    """Import `export` (a parse.Export); returns the Report. Raises WXRError or any
    database error, after rolling everything back."""
    return Importer(export, **options).run()


__all__ = ["Importer", "Report", "run"]
