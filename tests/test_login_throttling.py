"""Password guessing is refused: the admin sign-in, and the password forms of private
pages and documents, pause after a handful of wrong attempts for one account (or form)
or from one address, say so clearly, and an administrator can lift the pause."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.files.base import ContentFile
from django.db.models import F
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from site_project.core.lockouts import LockoutViewSet, is_locked_out
from site_project.core.throttling import client_ip, lockout_response

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-9"
LIMIT = 5


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_superuser=True
    )


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_right_password_is_refused_after_too_many_wrong_ones_for_the_account(client, editor):
    # Each guess from a different address: the account itself is what gets paused.
    for number in range(LIMIT - 1):
        assert sign_in(client, "editor", "wrong", address=f"198.51.100.{number}").status_code == 200
    # The guess that reaches the limit is answered with the pause...
    assert sign_in(client, "editor", "wrong", address="198.51.100.99").status_code == 429
    # ...and so is the right password, from anywhere, while it lasts.
    response = sign_in(client, "editor", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    assert not signed_in(client)
    text = response.content.decode()
    assert "Too many attempts" in text
    assert "paused for 15 minutes" in text
    assert response["Retry-After"] == "900"


def test_one_address_trying_many_accounts_is_refused_even_for_a_real_account(client, editor):
    for number in range(LIMIT):
        sign_in(client, f"guess{number}", "wrong", address="203.0.113.7")
    assert sign_in(client, "editor", PASSWORD, address="203.0.113.7").status_code == 429
    assert not signed_in(client)
    # Someone else, elsewhere, signs in as usual.
    response = sign_in(client, "editor", PASSWORD, address="192.0.2.50")
    assert response.status_code == 302
    assert signed_in(client)


def test_fewer_wrong_passwords_than_the_limit_still_let_the_right_one_in(client, editor):
    for _ in range(LIMIT - 1):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_starts_the_count_again(client, editor):
    for _ in range(LIMIT - 1):
        sign_in(client, "editor", "wrong")
    sign_in(client, "editor", PASSWORD)
    client.logout()
    for _ in range(LIMIT - 1):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_an_unknown_username_and_a_wrong_password_get_the_same_answers(client, editor):
    unknown = sign_in(client, "nobody", "wrong", address="198.51.100.1")
    wrong = sign_in(client, "editor", "wrong", address="198.51.100.2")
    assert unknown.status_code == wrong.status_code == 200
    assert unknown.context["form"].errors == wrong.context["form"].errors
    for _ in range(LIMIT - 1):
        sign_in(client, "nobody", "wrong", address="198.51.100.1")
        sign_in(client, "editor", "wrong", address="198.51.100.2")
    unknown = sign_in(client, "nobody", "wrong", address="198.51.100.3")
    wrong = sign_in(client, "editor", "wrong", address="198.51.100.4")
    assert unknown.status_code == wrong.status_code == 429
    assert unknown.content == wrong.content


def test_the_pause_ends_when_the_cool_off_time_has_passed(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", PASSWORD).status_code == 429
    # Sixteen minutes later.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_count(client, editor):
    for number in range(LIMIT):
        sign_in(client, f"guess{number}", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    assert sign_in(client, "editor", PASSWORD).status_code == 429


def test_behind_a_configured_proxy_the_address_it_added_is_the_one_counted(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    # The left-most entry is whatever the client sent; the right-most is nginx's.
    assert client_ip(request) == "203.0.113.9"
    junk = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="junk")
    assert client_ip(junk) == "10.0.0.2"
    settings.CLIENT_IP_HEADER = ""
    assert client_ip(request) == "10.0.0.2"


def test_the_proxys_address_is_found_without_spaces_and_a_missing_header_is_no_error(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    tight = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4,203.0.113.9"
    )
    assert client_ip(tight) == "203.0.113.9"
    # A request that did not come through the proxy (a health probe, say).
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


# Private pages and documents ------------------------------------------------------------


@pytest.fixture
def private_essay(site):
    essay = site["essay"]
    restriction = PageViewRestriction.objects.create(
        page=essay, restriction_type="password", password=PASSWORD
    )
    return essay, f"/_util/authenticate_with_password/{restriction.id}/{essay.id}/"


def enter_password(client, form_url, password, return_url, address="203.0.113.7"):
    return client.post(
        form_url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address
    )


def test_a_private_page_password_form_pauses_after_too_many_wrong_passwords(client, private_essay):
    essay, form_url = private_essay
    for _ in range(LIMIT - 1):
        response = enter_password(client, form_url, "wrong", essay.url)
        assert response.status_code == 200
    response = enter_password(client, form_url, "wrong", essay.url)
    assert response.status_code == 429
    assert "The password was wrong too many times" in response.content.decode()
    # Even the right password waits now, and the page stays closed.
    assert enter_password(client, form_url, PASSWORD, essay.url).status_code == 429
    assert essay.title not in client.get(essay.url).content.decode()


def test_a_paused_page_password_form_says_so_in_the_sites_layout(client, private_essay):
    essay, form_url = private_essay
    for _ in range(LIMIT):
        enter_password(client, form_url, "wrong", essay.url)
    refused = enter_password(client, form_url, PASSWORD, essay.url).content.decode()
    assert "<title>Too many attempts · Engaging Communities</title>" in refused
    assert "The password was wrong too many times" in refused


def test_the_form_itself_is_paused_whichever_addresses_the_guesses_come_from(client, private_essay):
    essay, form_url = private_essay
    for number in range(LIMIT):
        enter_password(client, form_url, "wrong", essay.url, address=f"198.51.100.{number}")
    assert enter_password(client, form_url, PASSWORD, essay.url).status_code == 429


def test_each_password_form_has_its_own_count_and_showing_a_form_counts_nothing(
    client, private_essay, site
):
    essay, form_url = private_essay
    other = site["older"]
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type="password", password=PASSWORD
    )
    other_form = f"/_util/authenticate_with_password/{restriction.id}/{other.id}/"
    for number in range(LIMIT):
        # Each wrong guess from its own address: only the form's count grows.
        enter_password(client, form_url, "wrong", essay.url, address=f"198.51.100.{number}")
        client.get(other_form, REMOTE_ADDR="203.0.113.7")
    assert enter_password(client, form_url, PASSWORD, essay.url).status_code == 429
    assert enter_password(client, other_form, PASSWORD, other.url).status_code == 302


def test_the_right_page_password_still_opens_the_page_below_the_limit(client, private_essay):
    essay, form_url = private_essay
    for _ in range(LIMIT - 1):
        enter_password(client, form_url, "wrong", essay.url)
    response = enter_password(client, form_url, PASSWORD, essay.url)
    assert response.status_code == 302
    assert essay.title in client.get(essay.url).content.decode()


def test_a_private_document_password_form_pauses_after_too_many_wrong_passwords(client, db):
    private = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Budget", file=ContentFile(b"secret figures", name="budget.txt"), collection=private
    )
    form_url = f"/documents/authenticate_with_password/{restriction.id}/"
    for _ in range(LIMIT):
        enter_password(client, form_url, "wrong", document.url)
    assert enter_password(client, form_url, PASSWORD, document.url).status_code == 429
    assert b"secret figures" not in b"".join(client.get(document.url))


# The admin's list of lockouts -----------------------------------------------------------


def test_an_administrator_sees_a_lockout_and_lifting_it_lets_the_editor_in(
    client, editor, django_user_model
):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong", address="198.51.100.23")
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    other = Client()
    other.force_login(admin)
    listing = other.get("/admin/lockouts/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "editor" in text
    assert "198.51.100.23" in text
    attempt = AccessAttempt.objects.get(username="editor")
    delete_url = f"/admin/lockouts/delete/{attempt.pk}/"
    assert delete_url in text
    assert other.post(delete_url).status_code == 302
    assert sign_in(client, "editor", PASSWORD, address="198.51.100.23").status_code == 302


def test_lockouts_are_not_shown_to_editors_without_permission(client, django_user_model):
    AccessAttempt.objects.create(
        username="editor", ip_address="198.51.100.23", failures_since_start=LIMIT
    )
    plain = django_user_model.objects.create_user("plain", "p@example.org", "x")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain)
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    attempt = AccessAttempt.objects.get()
    client.post(f"/admin/lockouts/delete/{attempt.pk}/")
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_an_editor_given_the_lift_permission_sees_and_lifts_lockouts_and_adds_none(
    client, django_user_model
):
    AccessAttempt.objects.create(
        username="editor", ip_address="198.51.100.23", failures_since_start=LIMIT
    )
    helper = django_user_model.objects.create_user("helper", "h@example.org", "x")
    helper.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="delete_accessattempt"),
        Permission.objects.get(codename="add_accessattempt"),  # never offered here
    )
    client.force_login(helper)
    listing = client.get("/admin/lockouts/")
    assert listing.status_code == 200 and "198.51.100.23" in listing.content.decode()
    assert "/admin/lockouts/new/" not in listing.content.decode()
    attempt = AccessAttempt.objects.get()
    assert client.post(f"/admin/lockouts/delete/{attempt.pk}/").status_code == 302
    assert not AccessAttempt.objects.exists()


def test_a_record_shows_as_refused_now_only_within_the_cool_off_time_at_the_limit(settings):
    now = timezone.now()
    recent = now - settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
    lapsed = now - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    attempts = [
        AccessAttempt(attempt_time=recent, failures_since_start=LIMIT),
        AccessAttempt(attempt_time=recent, failures_since_start=LIMIT + 3),
        AccessAttempt(attempt_time=recent, failures_since_start=LIMIT - 1),
        AccessAttempt(attempt_time=lapsed, failures_since_start=LIMIT),
    ]
    assert [is_locked_out(attempt) for attempt in attempts] == [True, True, False, False]


def admin_view(callback, user, url, **kwargs):
    request = RequestFactory().get(url)
    request.user, request.session = user, {}
    request._messages = FallbackStorage(request)
    response = callback(request, **kwargs)
    response.render()
    return response


def test_the_lockouts_admin_lists_and_lifts_only_under_its_own_title(django_user_model):
    """No add or edit pages (records come only from failed sign-ins), and no "usage"
    page: a record is used by nothing. (A new viewset, as the registered one built its
    URLs when the URLconf was loaded.)"""
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    attempt = AccessAttempt.objects.create(
        username="editor", ip_address="198.51.100.23", failures_since_start=LIMIT
    )
    index, results, delete = LockoutViewSet().get_urlpatterns()
    assert [(str(p.pattern), p.name) for p in (index, results, delete)] == [
        ("", "index"),
        ("results/", "index_results"),
        ("delete/<int:pk>/", "delete"),
    ]
    listing = admin_view(index.callback, admin, "/admin/lockouts/").content.decode()
    assert "<title>Sign-in lockouts - Wagtail</title>" in listing
    assert "198.51.100.23" in listing
    just_rows = admin_view(results.callback, admin, "/admin/lockouts/results/").content.decode()
    assert "198.51.100.23" in just_rows
    assert "<title>" not in just_rows
    url = f"/admin/lockouts/delete/{attempt.pk}/"
    confirm = admin_view(delete.callback, admin, url, pk=attempt.pk)
    assert confirm.status_code == 200
    assert "/admin/lockouts/usage/" not in confirm.content.decode()


def test_the_lockout_page_has_the_sites_own_layout_and_says_how_long(site, settings):
    settings.AXES_COOLOFF_TIME = timedelta(hours=2)
    response = lockout_response(RequestFactory().post("/admin/login/"))
    assert response.status_code == 429
    assert response["Retry-After"] == "7200"
    text = response.content.decode()
    assert "<title>Too many attempts · Engaging Communities</title>" in text
    assert '<a href="/essays/">Essays</a>' in text
    assert (
        "Signing in failed too many times, so signing in to this account, or from this "
        "connection, is paused for 120 minutes." in text
    )
