"""Replace Wagtail's placeholder welcome page with our HomePage as the site root."""

import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    placeholder_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=placeholder_type, slug="home", depth=2).delete()

    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    homepage = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=locale,
        translation_key=uuid.uuid4(),
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": homepage.pk},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
