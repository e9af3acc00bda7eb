"""Grow a copy of the demo site to 1,000 more essays, for measuring pages at size.

400 essays share one demo topic and 400 discuss one method guide (100 of them both), so
the topic page, the method page and the essay index's topic filter each have a lot to
list. Run by bench/run.py on its own database; never on the site's.
"""

import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.signal_handlers import disable_reference_index_auto_update  # noqa: E402

from blog.models import BlogIndexPage, EssayMethodLink, EssayPage  # noqa: E402
from engagement.models import MethodPage  # noqa: E402
from site_project.core import invalidation  # noqa: E402
from site_project.taxonomy.models import Topic  # noqa: E402

ESSAYS = 1000
TOPIC_SLUG = "communities"
METHOD_SLUG = "world-cafe"
SHARED_TOPIC = range(0, 400)
DISCUSS_METHOD = range(300, 700)


def body(n):
    return [
        ("heading", {"text": "Where this started", "level": "h2"}),
        ("paragraph", f"<p>Essay {n} on how councils and communities decide together.</p>" * 4),
        ("heading", {"text": "What changed", "level": "h2"}),
        ("paragraph", "<p>Engagement that is honest about what is still open to change.</p>"),
    ]


def main():
    if EssayPage.objects.filter(slug=f"bench-essay-{ESSAYS - 1}").exists():
        print("Large site already built.")
        return
    blog = BlogIndexPage.objects.get()
    method = MethodPage.objects.get(slug=METHOD_SLUG)
    topic = Topic.objects.get(slug=TOPIC_SLUG)
    other_topics = list(Topic.objects.exclude(pk=topic.pk))
    images = list(get_image_model().objects.all())
    start = datetime.date(2015, 1, 1)
    with invalidation.bulk(), disable_reference_index_auto_update():
        for n in range(ESSAYS):
            with transaction.atomic():
                essay = EssayPage(
                    title=f"Benchmark essay {n}",
                    slug=f"bench-essay-{n}",
                    summary=f"What benchmark essay {n} argues, in a sentence or two.",
                    date=start + datetime.timedelta(days=n * 3),
                    hero_image=images[n % len(images)] if images else None,
                    body=body(n),
                    live=False,
                )
                blog.add_child(instance=essay)
                topics = [other_topics[n % len(other_topics)]]
                if n in SHARED_TOPIC:
                    topics.append(topic)
                essay.topics.set(topics)
                if n in DISCUSS_METHOD:
                    essay.method_links.add(EssayMethodLink(method=method))
                essay.save_revision().publish()
            if n % 100 == 99:
                print(f"  {n + 1} essays", flush=True)
    call_command("rebuild_references_index", verbosity=0)
    print(f"Large site built: {ESSAYS} more essays, topic {TOPIC_SLUG!r}, method {METHOD_SLUG!r}.")


if __name__ == "__main__":
    main()
