"""Admin forms that say every limit: a text field with a character limit states it in
its help text and shows a live count (static/core/admin/editor-limits.js), and going
over it is a validation error, never a silent cut by the browser."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

# The counter script reads this attribute; `maxlength` is taken off so the browser
# never truncates what an editor types or pastes.
LIMIT_ATTR = "data-max-chars"


def state_limits(form):
    for field in form.fields.values():
        if not isinstance(field, forms.CharField) or not field.max_length:
            continue
        limit = field.max_length
        if "character" not in str(field.help_text):
            note = f"Up to {limit} characters."
            text = str(field.help_text or "").strip()
            if text and text[-1] not in ".!?)":
                text += "."
            field.help_text = f"{text} {note}" if text else note
        attrs = field.widget.attrs
        if attrs.pop("maxlength", None) is not None or isinstance(
            field.widget, (forms.TextInput, forms.Textarea)
        ):
            attrs[LIMIT_ATTR] = str(limit)


class LimitsStatedMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state_limits(self)


class SitePageForm(LimitsStatedMixin, WagtailAdminPageForm):
    """The base form of every page type on the site."""


class SiteModelForm(LimitsStatedMixin, WagtailAdminModelForm):
    """The base form of snippets, settings and taxonomy terms."""
