"""Settings → Import from WordPress: in the admin menu of superusers only."""

import json
import re

import pytest
from django.contrib.auth.models import Group, User

pytestmark = pytest.mark.django_db


def settings_menu(client, user):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    assert props, "the admin sidebar's menu data"
    return json.dumps(json.loads(props.group(1)))


def test_superusers_find_the_wordpress_import_under_settings(client, sections):
    menu = settings_menu(client, User.objects.create_superuser("root", password="pw"))
    assert '"wordpress-import"' in menu
    assert '"Import from WordPress"' in menu
    assert '"/admin/wordpress-import/"' in menu
    assert '"download"' in menu
    # Beside the other tools that move content in: after Redirects (order 900).
    names = re.findall(r'"name": "([^"]+)"', menu)
    place = names.index("wordpress-import")
    assert names[place - 1 : place + 2] == ["redirects", "wordpress-import",
                                            "promoted-search-results"]  # fmt: skip


def test_editors_do_not_see_the_wordpress_import(client, sections):
    editor = User.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    menu = settings_menu(client, editor)
    assert "wordpress-import" not in menu
