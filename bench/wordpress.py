"""Time import_wordpress on a realistic export: 300 posts (a few drafts and scheduled
ones), three levels of categories, two authors, an image in every third post, links
between posts, headings, lists, quotes, tables and embeds; then read every imported
essay once and check none fails to render.

    python bench/wordpress.py [--posts 300]

Runs on its own throw-away SQLite database and media folder in a temporary directory;
never on the site's. Prints the import time and the render check."""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="wp-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "site_project.settings.dev"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.embeds.embeds import get_embed_hash  # noqa: E402
from wagtail.embeds.models import Embed  # noqa: E402

from blog.models import WordPressImport  # noqa: E402
from tests import builders, wxr  # noqa: E402

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def categories():
    out, n = [], 10
    for a in range(4):
        out.append(wxr.category(f"area-{a}", f"Area {a}", term_id=(n := n + 1)))
        for b in range(3):
            out.append(
                wxr.category(f"sub-{a}-{b}", f"Sub {a}.{b}", f"area-{a}", term_id=(n := n + 1))
            )
            out.append(
                wxr.category(f"leaf-{a}-{b}", f"Leaf {a}.{b}", f"sub-{a}-{b}", term_id=(n := n + 1))
            )
    return out


def post_html(n, posts):
    other = (n * 7) % posts + 1
    day = 1 + other % 28
    parts = [
        "<!-- wp:paragraph -->",
        f"<p>Post {n} looks at how councils and residents decide together, and what "
        f'<a href="{wxr.SITE}/2022/01/{day:02d}/post-{other}/">post {other}</a> got wrong. '
        "<strong>Honest engagement</strong> says what is still open to change.</p>",
        "<!-- /wp:paragraph -->",
        "<h2>Where this started</h2>",
        "<p>" + "A longer paragraph about engagement practice and its history. " * 12 + "</p>",
        "<ul><li>Start early</li><li>Pay participants</li><li>Report back</li></ul>",
        "<blockquote><p>Nothing about us without us.</p><cite>A slogan</cite></blockquote>",
        "<h3>What changed</h3>",
        "<p>" + "Another paragraph, with <em>emphasis</em> and a link to "
        '<a href="https://example.org/report">a report</a>. ' * 6 + "</p>",
    ]
    if n % 3 == 0:
        parts.append(
            f'<figure class="wp-block-image"><img class="wp-image-{10000 + n}" '
            f'src="{wxr.SITE}/wp-content/uploads/2022/01/photo-{n}-1024x683.jpg" alt="Photo {n}">'
            f"<figcaption>Residents at event {n}</figcaption></figure>"
        )
    if n % 10 == 0:
        parts.append(f"<p>{VIDEO}</p>")
    if n % 7 == 0:
        parts.append(
            "<table><thead><tr><th>Method</th><th>People</th></tr></thead><tbody>"
            "<tr><td>Jury</td><td>24</td></tr><tr><td>Survey</td><td>500</td></tr></tbody></table>"
        )
    return "\n".join(parts)


def build_export(posts, uploads):
    items = []
    for n in range(1, posts + 1):
        day = 1 + n % 28
        status = "draft" if n % 25 == 0 else "future" if n % 40 == 0 else "publish"
        date = f"2022-01-{day:02d} 09:00:00" if status != "future" else "2099-01-01 09:00:00"
        cats = [(f"leaf-{n % 4}-{n % 3}", "Leaf"), (f"area-{n % 4}", "Area")]
        items.append(
            wxr.item(
                n,
                f"Post {n}: engagement &amp; its discontents",
                post_html(n, posts),
                slug=f"post-{n}",
                date=date,
                status=status,
                creator="jane" if n % 2 else "raj",
                categories=cats,
                meta=[("_thumbnail_id", 10000 + n)] if n % 3 == 0 else [],
            )
        )
        if n % 3 == 0:
            relative = f"2022/01/photo-{n}.jpg"
            (uploads / relative).parent.mkdir(parents=True, exist_ok=True)
            PILImage.new("RGB", (1200, 800), (n % 255, 90, 120)).save(uploads / relative, "JPEG")
            items.append(
                wxr.item(
                    10000 + n,
                    f"Photo {n}",
                    post_type="attachment",
                    status="inherit",
                    excerpt=f"Residents at event {n}",
                    meta=[
                        ("_wp_attached_file", relative),
                        ("_wp_attachment_image_alt", f"Photo {n}"),
                    ],
                )
            )
    return wxr.export(
        items=items,
        authors=[wxr.author("jane", "Jane Doe"), wxr.author("raj", "Raj Patel", 2)],
        categories=categories(),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    builders.site_sections()
    uploads = WORK / "uploads"
    export = WORK / "export.xml"
    export.write_bytes(build_export(args.posts, uploads))
    print(f"Export: {args.posts} posts, {export.stat().st_size // 1024} KB, in {WORK}")
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("import_wordpress", str(export), "--uploads", str(uploads), stdout=quiet)
    took = time.perf_counter() - started
    print(f"Import: {took:.1f} s ({os.cpu_count()} CPUs)")
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("import_wordpress", str(export), "--uploads", str(uploads), stdout=quiet)
    print(f"Re-run (nothing changed): {time.perf_counter() - started:.1f} s")
    # Render every imported essay, with the video's embed known so nothing is fetched.
    Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO),
        defaults={"url": VIDEO, "html": "<iframe></iframe>", "type": "video"},
    )
    client = Client()
    failures = 0
    pages = [m.page.specific for m in WordPressImport.objects.filter(page__isnull=False)]
    with override_settings(ALLOWED_HOSTS=["*"], PAGE_CACHE=False):
        for page in pages:
            if not page.live:
                continue
            if client.get(page.url).status_code != 200:
                failures += 1
                print(f"  failed to render: {page.url}")
    print(f"Rendered {sum(p.live for p in pages)} live essays: {failures} failed")
    shutil.rmtree(WORK, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
