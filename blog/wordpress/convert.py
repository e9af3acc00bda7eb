"""Turn a WordPress post's HTML into the blocks of an essay's StreamField.

A whitelist, built from a parsed tree: only the tags and attributes the site's rich
text allows are ever written out (<p>, <b>, <i>, <sup>, <br>, lists and links with an
http(s), mailto or site-relative address), so scripts, styles, unknown iframes, event
handlers and javascript: links cannot survive; everything else gives up its text.
Headings, quotes, images, YouTube/Vimeo links and tables become their own blocks.
Gutenberg's block comments are dropped (the HTML between them is what counts) and
classic-editor text without <p> tags is split into paragraphs as WordPress does."""

import html
import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

HEADING_MAX = 120
QUOTE_MAX = 800
CAPTION_MAX = 250
ATTRIBUTION_MAX = 120
TABLE_CAPTION_MAX = 200

# Dropped with everything inside them.
DROPPED = {
    "script", "style", "noscript", "template", "object", "embed", "applet", "form",
    "input", "button", "select", "textarea", "svg", "math", "link", "meta", "base",
    "title", "head", "canvas", "audio", "video", "source", "track", "map", "frameset",
    "frame",
}  # fmt: skip
BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table",
    "div", "section", "article", "main", "aside", "header", "footer", "pre", "hr",
    "iframe", "img", "center", "dl", "details", "nav", "address", "hgroup",
}  # fmt: skip
INLINE_MAP = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup"}
SAFE_SCHEMES = {"http", "https", "mailto"}
AUTOP_BLOCK = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|figure|div|pre|hr|iframe|"
    r"script|style|section|dl|!--)\b",
    re.IGNORECASE,
)
AUTOP_OPEN = re.compile(r"(<(?:h[1-6]|ul|ol|blockquote|table|figure|pre|hr|iframe)\b)", re.I)
AUTOP_CLOSE = re.compile(r"(</(?:h[1-6]|ul|ol|blockquote|table|figure|pre|iframe)>)", re.I)
CAPTION_RE = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
CAPTION_IMG_RE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)
EMBED_SHORTCODE_RE = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
OTHER_SHORTCODES_RE = re.compile(
    r"\[/?(?:gallery|audio|video|playlist|contact-form-7|contact-form|wpforms|"
    r"ninja_form|gravityform|su_[a-z_]+|et_pb_[a-z_]+|vc_[a-z_]+)\b[^\]]*\]",
    re.IGNORECASE,
)
CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def embed_url(url):
    """The canonical YouTube or Vimeo address for a watch, share, embed or player URL;
    None for anything else (only those two providers are allowed on this site)."""
    try:
        parts = urlsplit(html.unescape(url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", ""):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    video = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if segments == ["watch"]:
            video = (parse_qs(parts.query).get("v") or [None])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "v", "shorts", "live"):
            video = segments[1]
    elif host == "youtu.be" and segments:
        video = segments[0]
    if video:
        return f"https://www.youtube.com/watch?v={video}" if YOUTUBE_ID.match(video) else None
    if host == "vimeo.com" and segments and segments[-1].isdigit():
        return f"https://vimeo.com/{segments[-1]}"
    if host == "player.vimeo.com" and segments[:1] == ["video"] and len(segments) > 1:
        return f"https://vimeo.com/{segments[1]}" if segments[1].isdigit() else None
    return None


def safe_href(href):
    """An href allowed in rich text, or None: http(s), mailto, or a path on this site
    (not an empty one, nor a fragment of the old page: "#notes")."""
    href = CONTROL_RE.sub("", html.unescape(href))
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme:
        allowed = parts.scheme.lower() in SAFE_SCHEMES and (parts.netloc or parts.path)
        return href if allowed else None
    if href.startswith("/") and not href.startswith("//"):
        return href
    return None


def autop(text):
    """WordPress's wpautop, simplified: blank lines separate paragraphs, single line
    breaks inside one become <br>. Only for classic-editor text without <p> tags."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Block elements stand apart from the text around them, as in wpautop.
    text = AUTOP_OPEN.sub(r"\n\n\1", text)
    text = AUTOP_CLOSE.sub(r"\1\n\n", text)
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if AUTOP_BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _caption_shortcode(match):
    attrs, inner = match.group(1), match.group(2)
    found = CAPTION_IMG_RE.match(inner)
    if not found:
        return inner
    image, caption = found.group(1), found.group(2).strip()
    if not caption:
        attr = re.search(r'caption="([^"]*)"', attrs)
        caption = attr.group(1) if attr else ""
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def preprocess(text):
    text = text or ""
    text = CAPTION_RE.sub(_caption_shortcode, text)
    text = EMBED_SHORTCODE_RE.sub(lambda m: f"\n\n<p>{m.group(1).strip()}</p>\n\n", text)
    text = OTHER_SHORTCODES_RE.sub("", text)
    if "<!-- wp:" not in text:
        text = autop(text)
    return text


def plain(node):
    """The text of a node, whitespace collapsed."""
    if node is None:
        return ""
    text = node.get_text(" ") if isinstance(node, Tag) else str(node)
    return " ".join(text.split())


class Converter:
    """Converts one post. `resolve_link(href)` gives a Wagtail page id for a link to an
    imported post (or None); `resolve_image(src, wp_id)` gives (image id, alt text,
    caption) for an imported attachment (or None). `warnings` collects what was lost."""

    def __init__(self, resolve_link=None, resolve_image=None):
        self.resolve_link = resolve_link or (lambda href: None)
        self.resolve_image = resolve_image or (lambda src, wp_id: None)
        self.warnings = []
        self.blocks = []
        self._rich = []
        self.images = []  # image ids used, for the hero image

    # ---- output ----

    def convert(self, text):
        soup = BeautifulSoup(preprocess(text), "html.parser")
        for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
            node.extract()
        for tag in soup.find_all(DROPPED):
            tag.decompose()
        self.walk(soup)
        self.flush()
        return self.blocks

    def add(self, block_type, value):
        self.flush()
        self.blocks.append((block_type, value))

    def rich(self, fragment):
        # Text arrives parsed (a no-break space is a character, which \s matches).
        if fragment and re.sub(r"<[^>]+>|\s", "", fragment):
            self._rich.append(fragment)

    def flush(self):
        if self._rich:
            self.blocks.append(("paragraph", "".join(self._rich)))
            self._rich = []

    # ---- blocks ----

    def walk(self, parent):
        loose = []  # inline content outside any block element
        for node in list(parent.children):
            if isinstance(node, NavigableString):  # comments were taken out in convert()
                loose.append(node)
                continue
            if node.name not in BLOCK_TAGS and not node.find(BLOCK_TAGS):
                loose.append(node)
                continue
            self.loose(loose)
            loose = []
            self.block(node)
        self.loose(loose)

    def loose(self, nodes):
        words = "".join(plain(n) for n in nodes).strip()
        url = embed_url(words) if words and " " not in words else None
        if url:
            self.add("embed", {"embed": url, "caption": ""})
            return
        text = "".join(self.inline(n) for n in nodes).strip()
        if text:
            self.rich(f"<p>{text}</p>")

    def block(self, node):
        name = node.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(node)
        elif name == "p":
            self.paragraph(node)
        elif name in ("ul", "ol"):
            self.rich(self.list_html(node))
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure":
            self.figure(node)
        elif name == "table":
            self.table(node, caption="")
        elif name == "img":
            self.image(node, caption="")
        elif name == "iframe":
            self.iframe(node)
        elif name == "pre":
            lines = [html.escape(line) for line in node.get_text().strip("\n").split("\n")]
            self.rich("<p>" + "<br/>".join(lines) + "</p>")
        elif name == "hr":
            return
        else:
            self.walk(node)

    def heading(self, node):
        text = plain(node)
        if not text:
            return
        if len(text) > HEADING_MAX:
            self.rich(f"<p><b>{html.escape(text, quote=False)}</b></p>")
            return
        level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(node.name, "h4")
        self.add("heading", {"text": text, "level": level})

    def paragraph(self, node):
        # A paragraph holding only a video link becomes an embed.
        links = node.find_all("a")
        text = plain(node)
        if text and not node.find(["img", "iframe"]):
            url = embed_url(text) if " " not in text else None
            if url is None and len(links) == 1 and plain(links[0]) == text:
                url = embed_url(links[0].get("href"))
            if url:
                self.add("embed", {"embed": url, "caption": ""})
                return
        media = node.find_all(["img", "iframe"])
        for tag in media:
            tag.extract()
        text = self.inline_children(node).strip()
        if text:
            self.rich(f"<p>{text}</p>")
        for tag in media:
            if tag.name == "img":
                self.image(tag, caption="")
            else:
                self.iframe(tag)

    def quote(self, node):
        cite = node.find(["cite", "footer"])
        attribution = plain(cite)[:ATTRIBUTION_MAX] if cite else ""
        if cite:
            cite.extract()
        parts = [plain(p) for p in node.find_all("p")] or [plain(node)]
        text = "\n\n".join(p for p in parts if p)
        if not text:
            return
        if len(text) > QUOTE_MAX:
            self.walk(node)
            return
        self.add(
            "quote", {"quote": text, "attribution": attribution, "source": "", "source_url": ""}
        )

    def figure(self, node):
        figcaption = node.find("figcaption")
        caption = plain(figcaption)
        if figcaption:
            figcaption.extract()
        table = node.find("table")
        if table:
            self.table(table, caption)
            return
        iframe = node.find("iframe")
        if iframe is not None or "wp-block-embed" in (node.get("class") or []):
            url = embed_url(iframe.get("src")) if iframe is not None else embed_url(plain(node))
            if url:
                self.add("embed", {"embed": url, "caption": caption[:CAPTION_MAX]})
            else:
                self.warnings.append("an embedded item other than YouTube or Vimeo was dropped")
            return
        images = node.find_all("img")
        if images:
            for index, img in enumerate(images):
                self.image(img, caption if index == len(images) - 1 else "")
            return
        self.walk(node)  # a pull quote's blockquote, like any other

    def iframe(self, node):
        url = embed_url(node.get("src"))
        if url:
            self.add("embed", {"embed": url, "caption": ""})
        else:
            self.warnings.append("an iframe other than YouTube or Vimeo was removed")

    def image(self, node, caption):
        src = node.get("src") or ""
        wp_id = None
        for cls in node.get("class") or []:
            if cls.startswith("wp-image-") and cls[9:].isdigit():
                wp_id = int(cls[9:])
        found = self.resolve_image(src, wp_id)
        if not found:
            self.warnings.append(f"image not imported: {src[:200] or '(no address)'}")
            return
        image_id, default_alt, default_caption = found
        alt = " ".join((node.get("alt") or "").split()) or default_alt
        self.images.append(image_id)
        self.add(
            "image",
            {
                "image": {"image": image_id, "alt_text": alt, "decorative": not alt},
                "caption": (caption or default_caption)[:CAPTION_MAX],
                "credit": "",
            },
        )

    def table(self, node, caption):
        rows = []
        header = None
        for tr in node.find_all("tr"):
            cells = tr.find_all(["td", "th"])
            values = [plain(c) for c in cells]
            if (
                header is None
                and not rows
                and (tr.find_parent("thead") is not None or all(c.name == "th" for c in cells))
            ):
                header = values
            else:
                rows.append(values)
        width = max([len(r) for r in rows] + [len(header or [])])
        if not width:
            return
        header = (header or []) + [""] * (width - len(header or []))
        table_caption = node.find("caption")
        caption = caption or plain(table_caption) or "Table"
        self.add(
            "table",
            {
                "caption": caption[:TABLE_CAPTION_MAX],
                "table": {
                    "columns": [{"type": "text", "heading": h} for h in header],
                    # A table's text cells are required in the editor: an empty
                    # cell reads as a dash, as it would in print.
                    "rows": [
                        {"values": [v or "–" for v in r + [""] * (width - len(r))]} for r in rows
                    ],
                },
            },
        )

    # ---- inline ----

    def list_html(self, node):
        tag = node.name
        items = []
        for li in node.find_all("li", recursive=False):
            nested = list(li.find_all(["ul", "ol"], recursive=False))
            for child in nested:
                child.extract()
            inner = self.inline_children(li).strip()
            inner += "".join(self.list_html(child) for child in nested)
            if inner:
                items.append(f"<li>{inner}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    def inline_children(self, node):
        return "".join(self.inline(child) for child in node.children)

    def inline(self, node):
        # Comments and DROPPED elements were taken out in convert().
        if isinstance(node, NavigableString):
            return html.escape(re.sub(r"\s+", " ", str(node)), quote=False)
        name = node.name  # every other node is a Tag
        if name == "br":
            return "<br/>"
        if name == "iframe":  # its fallback text is not the post's (an <img> has none)
            return ""
        inner = self.inline_children(node)
        if name in INLINE_MAP:
            tag = INLINE_MAP[name]
            return f"<{tag}>{inner}</{tag}>" if inner.strip() else inner
        if name == "a":
            return self.link(node, inner)
        if name in ("ul", "ol"):
            return self.list_html(node)
        if name in BLOCK_TAGS:
            return f" {inner} "
        return inner

    def link(self, node, inner):
        href = node.get("href")
        if not href or not inner.strip():
            return inner
        page_id = self.resolve_link(href)
        if page_id:
            return f'<a linktype="page" id="{int(page_id)}">{inner}</a>'
        safe = safe_href(href)
        if safe is None:
            return inner
        return f'<a href="{html.escape(safe)}">{inner}</a>'


def convert(text, resolve_link=None, resolve_image=None):
    """(blocks, warnings, image ids) for a post's HTML; blocks are (type, raw value)."""
    converter = Converter(resolve_link, resolve_image)
    try:
        blocks = converter.convert(text)
    except RecursionError:
        # Thousands of nested elements: no real post looks like that. Keep the words.
        text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", text or "", flags=re.I | re.S)
        words = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text)).split())
        blocks = [("paragraph", f"<p>{html.escape(words, quote=False)}</p>")] if words else []
        return blocks, ["too deeply nested to convert: imported as plain text"], []
    return blocks, converter.warnings, converter.images


def summary_from(blocks, limit=300):
    """A summary from the text of the first paragraphs: whole sentences where they
    fit, else whole words with an ellipsis."""
    text = ""
    for block_type, value in blocks:
        if block_type == "paragraph":
            text += " " + BeautifulSoup(value, "html.parser").get_text(" ")
        if len(text) > limit * 2:
            break
    return shorten(text, limit)


def shorten(text, limit=300):
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if sentence_end > limit // 3:
        return cut[: sentence_end + 1]
    return cut[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
