"""Read a WordPress export (WXR 1.0–1.2) into plain data.

Strict with what is dangerous, lenient with what is missing: the XML is parsed with
defusedxml, which refuses DTDs, entity declarations and external references (no
entity-expansion bombs, no reading local files or the network); anything else a real
export may leave out (dates, slugs, excerpts, authors) has a fallback."""

import datetime
import email.utils
import html
import io
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import parse as defused_parse
from django.utils import timezone

# A few hundred posts with their HTML are a few megabytes; anything far bigger is
# refused rather than read into memory.
MAX_BYTES = 200 * 1024 * 1024

WP_PREFIX = "http://wordpress.org/export/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def split_url(url):
    """urlsplit, lenient: a malformed address (an unclosed IPv6 bracket, say) reads as
    an empty one instead of stopping the import."""
    try:
        parts = urlsplit(url or "")
        parts.hostname  # noqa: B018 - raises for some malformed hosts
        return parts
    except ValueError:
        return urlsplit("")


class WXRError(Exception):
    """The file cannot be imported; the message is one sentence for the reader."""


@dataclass
class Author:
    login: str
    display_name: str


@dataclass
class Category:
    slug: str
    name: str
    parent_slug: str = ""
    term_id: int | None = None


@dataclass
class Item:
    wp_id: int | None
    post_type: str
    title: str
    link: str
    slug: str
    status: str
    date: datetime.datetime | None
    creator: str
    content: str
    excerpt: str
    password: str = ""
    sticky: bool = False
    parent_id: int | None = None
    attachment_url: str = ""
    categories: list = field(default_factory=list)  # [(slug, name)]
    # Co-Authors Plus exports further authors as <category domain="author">.
    coauthors: list = field(default_factory=list)  # [login]
    meta: dict = field(default_factory=dict)

    @property
    def label(self):
        title = self.title or "(no title)"
        number = "(no id)" if self.wp_id is None else self.wp_id
        return f"{self.post_type} {number}: {title}"


@dataclass
class Export:
    title: str
    base_url: str
    wxr_version: str
    authors: dict  # login -> Author
    categories: dict  # slug -> Category
    items: list

    @property
    def host(self):
        return (split_url(self.base_url).hostname or "").lower().removeprefix("www.")


def _family(tag):
    """(family, local name) of an element tag: the wp: namespace changes with each WXR
    version (1.0, 1.1, 1.2), so elements are matched by family."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        if ns.startswith(WP_PREFIX):
            return ("excerpt" if ns.rstrip("/").endswith("excerpt") else "wp"), local
        if ns == CONTENT_NS:
            return "content", local
        if ns == DC_NS:
            return "dc", local
        return ns, local
    return "", tag


def _children(element):
    found = {}
    for child in element:
        found.setdefault(_family(child.tag), child)
    return found


def _text(children, family, local):
    element = children.get((family, local))
    return (element.text or "").strip() if element is not None else ""


def _raw_text(children, family, local):
    element = children.get((family, local))
    return (element.text or "") if element is not None else ""


def _int(value):
    try:
        return int(value.strip())
    except (AttributeError, ValueError):
        return None


def _clean_title(value):
    """Titles come HTML-escaped (and sometimes with tags): plain text, entities decoded."""
    from django.utils.html import strip_tags

    return " ".join(html.unescape(strip_tags(html.unescape(value))).split())


def _date(gmt, local, pub_date):
    """The post's moment: post_date_gmt, else post_date in the site's time zone, else
    the RSS pubDate; None if none is usable (drafts often have '0000-00-00')."""
    for value, aware in ((gmt, True), (local, False)):
        if not value:
            continue
        try:  # a draft's "0000-00-00 00:00:00" is no date either
            moment = datetime.datetime.strptime(value.strip()[:19], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        if aware:
            return moment.replace(tzinfo=datetime.UTC)
        return timezone.make_aware(moment)
    if pub_date:
        try:
            moment = email.utils.parsedate_to_datetime(pub_date)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.year > 1970:
            return moment if moment.tzinfo else timezone.make_aware(moment)
    return None


def read(source):
    """Parse a WXR file (a path, or bytes) into an Export, or raise WXRError."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise WXRError(f"The file could not be read: {error.strerror}.") from error
    if len(data) > MAX_BYTES:
        raise WXRError("The file is larger than 200 MB, far more than a WordPress export.")
    try:
        tree = defused_parse(io.BytesIO(data), forbid_dtd=True)
    except DefusedXmlException as error:
        raise WXRError(
            "The file was refused because it declares a DTD, entities or external "
            "references, which a WordPress export never does (it may be an XML attack)."
        ) from error
    except ParseError as error:
        raise WXRError(f"The file is not well-formed XML ({error}).") from error
    root = tree.getroot()
    channel = root.find("channel") if root.tag == "rss" else None
    channel_children = _children(channel) if channel is not None else {}
    version = _text(channel_children, "wp", "wxr_version")
    if channel is None or not version:
        raise WXRError(
            "The file is XML but not a WordPress export (WXR): it has no <wp:wxr_version>."
        )
    base_url = _text(channel_children, "wp", "base_blog_url") or _text(channel_children, "", "link")

    authors = {}
    categories = {}
    items = []
    for element in channel:
        family, local = _family(element.tag)
        if (family, local) == ("wp", "author"):
            fields = _children(element)
            login = _text(fields, "wp", "author_login")
            if login:
                authors[login] = Author(
                    login=login,
                    display_name=_clean_title(_text(fields, "wp", "author_display_name")) or login,
                )
        elif (family, local) == ("wp", "category"):
            fields = _children(element)
            slug = unquote(_text(fields, "wp", "category_nicename"))
            if slug:
                categories[slug] = Category(
                    slug=slug,
                    name=_clean_title(_text(fields, "wp", "cat_name")) or slug,
                    parent_slug=unquote(_text(fields, "wp", "category_parent")),
                    term_id=_int(_text(fields, "wp", "term_id")),
                )
        elif (family, local) == ("", "item"):
            items.append(_item(element))
    return Export(
        title=_clean_title(_text(channel_children, "", "title")),
        base_url=base_url,
        wxr_version=version,
        authors=authors,
        categories=categories,
        items=items,
    )


def _item(element):
    fields = _children(element)
    item_categories = []
    coauthors = []
    meta = {}
    for child in element:
        family, local = _family(child.tag)
        if (family, local) == ("", "category") and child.get("domain") == "category":
            slug = unquote(child.get("nicename") or "")
            name = _clean_title(child.text or "")
            if slug or name:
                item_categories.append((slug, name))
        elif (family, local) == ("", "category") and child.get("domain") == "author":
            login = (child.text or "").strip() or (child.get("nicename") or "").removeprefix("cap-")
            if login and login not in coauthors:
                coauthors.append(login)
        elif (family, local) == ("wp", "postmeta"):
            meta_fields = _children(child)
            key = _text(meta_fields, "wp", "meta_key")
            if key:
                meta[key] = _raw_text(meta_fields, "wp", "meta_value").strip()
    return Item(
        wp_id=_int(_text(fields, "wp", "post_id")),
        post_type=_text(fields, "wp", "post_type") or "post",
        title=_clean_title(_raw_text(fields, "", "title")),
        link=_text(fields, "", "link"),
        slug=unquote(_text(fields, "wp", "post_name")),
        status=_text(fields, "wp", "status") or "publish",
        date=_date(
            _text(fields, "wp", "post_date_gmt"),
            _text(fields, "wp", "post_date"),
            _text(fields, "", "pubDate"),
        ),
        creator=_text(fields, "dc", "creator"),
        content=_raw_text(fields, "content", "encoded"),
        excerpt=_raw_text(fields, "excerpt", "encoded"),
        password=_raw_text(fields, "wp", "post_password"),
        sticky=_text(fields, "wp", "is_sticky") == "1",
        parent_id=_int(_text(fields, "wp", "post_parent")) or None,
        attachment_url=_text(fields, "wp", "attachment_url"),
        categories=item_categories,
        coauthors=coauthors,
        meta=meta,
    )
