"""Which submissions of a method guide's edit form can put it live (engagement/forms.py):
only those need the finder's facets (purposes and topics), so a draft may lack them but
nothing reaches readers, now or after moderation, without them."""

import pytest

from engagement.forms import heads_for_publishing
from engagement.models import MethodPage
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(sections):
    return builders.method(sections["finder"], "A draft", live=False)


@pytest.fixture
def in_moderation(sections, admin_user):
    page = builders.method(sections["finder"], "Under review", live=False)
    page.get_workflow().start(page, admin_user)
    page.refresh_from_db()
    assert page.workflow_in_progress
    return page


@pytest.mark.parametrize(
    "data",
    [
        {"action-publish": "action-publish"},
        {"action-submit": "action-submit"},
        {"action-restart-workflow": "action-restart-workflow"},
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
    ],
)
def test_publishing_submitting_restarting_and_approving_head_for_publishing(draft, data):
    assert heads_for_publishing(data, draft) is True
    assert heads_for_publishing(data, MethodPage()) is True


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"action-workflow-action": "1", "workflow-action-name": "request_changes"},
        {"action-workflow-action": "1"},
        {"action-cancel-workflow": "1"},
        {"action-cancel-workflow": "1", "action-publish": "action-publish"},
        {"workflow-action-name": "approve"},
    ],
)
def test_saving_requesting_changes_and_cancelling_do_not(draft, data):
    assert heads_for_publishing(data, draft) is False
    assert heads_for_publishing(data, MethodPage()) is False


def test_requesting_changes_does_not_even_when_the_page_is_in_moderation(in_moderation):
    data = {"action-workflow-action": "1", "workflow-action-name": "request_changes"}
    assert heads_for_publishing(data, in_moderation) is False
    assert heads_for_publishing({"action-cancel-workflow": "1"}, in_moderation) is False


def test_saving_a_draft_while_in_moderation_does(in_moderation):
    assert heads_for_publishing({}, in_moderation) is True
