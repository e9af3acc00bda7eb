"""The method guide's admin form: the finder's facets are required to publish."""

from .review import ReviewedPageForm

# Facets a published guide needs so the finder's purpose and topic filters can find it.
REQUIRED_TO_PUBLISH = {
    "purposes": "Choose at least one purpose before publishing, so the finder can find it.",
    "topics": "Choose at least one topic before publishing, so the finder can find it.",
}


def heads_for_publishing(data, page):
    """Whether this submission of the edit form can put the page live, now or later:
    Publish (also when scheduled with a go-live date), Submit for moderation (or
    restart the workflow), Approve from the editor, or saving a draft while the page
    is in moderation, since a moderator approves the latest draft as it stands.
    Requesting changes or cancelling the workflow is not publishing."""
    if data.get("action-cancel-workflow"):
        return False
    if data.get("action-workflow-action"):  # approve, or request changes
        return data.get("workflow-action-name") == "approve"
    if data.get("action-publish") or data.get("action-submit"):
        return True
    if data.get("action-restart-workflow"):
        return True
    return bool(page.pk and page.workflow_in_progress)


class MethodPageForm(ReviewedPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if heads_for_publishing(self.data, self.instance):
            for name, message in REQUIRED_TO_PUBLISH.items():
                if name in self.fields and not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        return cleaned_data
