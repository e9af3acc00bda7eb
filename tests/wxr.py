"""Build WordPress exports (WXR) for tests and the benchmark: real exports' shape,
with CDATA sections, the namespaces of WXR 1.0–1.2 and optional fields left out."""

from xml.sax.saxutils import escape

SITE = "https://oldblog.example.org"


def cdata(text):
    # A CDATA section cannot hold "]]>": WordPress splits it, as here.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def author(login, display_name, author_id=1):
    return f"""
    <wp:author><wp:author_id>{author_id}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>
    <wp:author_email>{cdata(login + "@example.org")}</wp:author_email>
    <wp:author_display_name>{cdata(display_name)}</wp:author_display_name></wp:author>"""


def category(slug, name, parent="", term_id=1):
    return f"""
    <wp:category><wp:term_id>{term_id}</wp:term_id><wp:category_nicename>{cdata(slug)}</wp:category_nicename>
    <wp:category_parent>{cdata(parent)}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"""


def item(
    wp_id,
    title="A post",
    content="<p>Some words.</p>",
    *,
    slug=None,
    status="publish",
    post_type="post",
    date="2023-06-05 09:00:00",
    creator="jane",
    excerpt="",
    categories=(),
    password="",
    sticky=False,
    link=None,
    parent=0,
    attachment_url="",
    meta=(),
    coauthors=(),
    omit=(),
    extra=(),
):
    slug = f"post-{wp_id}" if slug is None else slug
    year, month, day = date[:4], date[5:7], date[8:10]
    link = link if link is not None else f"{SITE}/{year}/{month}/{day}/{slug}/"
    fields = {
        "title": f"<title>{escape(title)}</title>",
        "link": f"<link>{escape(link)}</link>",
        "creator": f"<dc:creator>{cdata(creator)}</dc:creator>",
        "content": f"<content:encoded>{cdata(content)}</content:encoded>",
        "excerpt": f"<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>",
        "post_id": f"<wp:post_id>{wp_id}</wp:post_id>",
        "post_date": f"<wp:post_date>{cdata(date)}</wp:post_date>",
        "post_date_gmt": f"<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>",
        "post_name": f"<wp:post_name>{cdata(slug)}</wp:post_name>",
        "status": f"<wp:status>{cdata(status)}</wp:status>",
        "post_parent": f"<wp:post_parent>{parent}</wp:post_parent>",
        "post_type": f"<wp:post_type>{cdata(post_type)}</wp:post_type>",
        "post_password": f"<wp:post_password>{cdata(password)}</wp:post_password>",
        "is_sticky": f"<wp:is_sticky>{1 if sticky else 0}</wp:is_sticky>",
    }
    if attachment_url:
        fields["attachment_url"] = f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>"
    parts = [value for key, value in fields.items() if key not in omit]
    for cat_slug, cat_name in categories:
        nicename = escape(cat_slug)
        parts.append(
            f'<category domain="category" nicename="{nicename}">{cdata(cat_name)}</category>'
        )
    for login in coauthors:
        parts.append(f'<category domain="author" nicename="cap-{login}">{cdata(login)}</category>')
    for key, value in meta:
        parts.append(
            f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
            f"<wp:meta_value>{cdata(str(value))}</wp:meta_value></wp:postmeta>"
        )
    parts.extend(extra)  # raw elements, e.g. <pubDate> or <wp:post_modified>
    return "<item>" + "\n".join(parts) + "</item>"


def export(items=(), authors=None, categories=(), version="1.2", site=SITE):
    if authors is None:
        authors = [author("jane", "Jane Doe")]
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
    xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:wfw="http://wellformedweb.org/CommentAPI/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
    <title>Old blog &amp; notes</title>
    <link>{site}</link>
    <description>Notes</description>
    <language>en-GB</language>
    <wp:wxr_version>{version}</wp:wxr_version>
    <wp:base_site_url>{site}</wp:base_site_url>
    <wp:base_blog_url>{site}</wp:base_blog_url>
    {"".join(authors)}
    {"".join(categories)}
    {"".join(items)}
</channel>
</rss>""".encode()
