"""Every limited text field in the admin says its limit (site_project/core/forms.py):
the editor's own help text is kept and the limit added after it, a help text that
already names the limit is left alone, and the browser is given the counter's
attribute instead of a `maxlength` that would cut what an editor pastes."""

from django import forms

from site_project.core.forms import LIMIT_ATTR, state_limits


class Example(forms.Form):
    plain = forms.CharField(max_length=50)
    helped = forms.CharField(max_length=80, help_text="  The name readers see ")
    stated = forms.CharField(max_length=280, help_text="At most 280 characters, shown in lists.")
    bracketed = forms.CharField(max_length=10, help_text="Short (a word)")
    asked = forms.CharField(max_length=12, help_text="What is it?")
    handle = forms.CharField(max_length=15, help_text="Your name on X")
    area = forms.CharField(max_length=500, widget=forms.Textarea)
    email = forms.EmailField(max_length=254)  # an input, but not a TextInput
    hidden = forms.CharField(max_length=5, widget=forms.HiddenInput)
    unlimited = forms.CharField(help_text="Any length")
    number = forms.IntegerField(max_value=9, help_text="How many")


def stated():
    form = Example()
    state_limits(form)
    return form.fields


def test_a_field_without_help_text_gets_the_limit_as_its_help_text():
    assert stated()["plain"].help_text == "Up to 50 characters."


def test_the_editors_help_text_is_kept_with_a_full_stop_and_the_limit_after_it():
    fields = stated()
    assert fields["helped"].help_text == "The name readers see. Up to 80 characters."
    # Ending in a bracket or a question mark, it needs no full stop.
    assert fields["bracketed"].help_text == "Short (a word) Up to 10 characters."
    assert fields["asked"].help_text == "What is it? Up to 12 characters."
    assert fields["handle"].help_text == "Your name on X. Up to 15 characters."


def test_a_help_text_that_already_names_the_limit_is_left_alone():
    assert stated()["stated"].help_text == "At most 280 characters, shown in lists."


def test_visible_text_fields_get_the_counter_and_no_maxlength():
    fields = stated()
    for name, limit in (("plain", "50"), ("area", "500"), ("email", "254")):
        attrs = fields[name].widget.attrs
        assert attrs[LIMIT_ATTR] == limit
        assert "maxlength" not in attrs


def test_fields_without_a_limit_or_not_typed_into_are_left_as_they_are():
    fields = stated()
    assert fields["unlimited"].help_text == "Any length"
    assert LIMIT_ATTR not in fields["unlimited"].widget.attrs
    assert fields["number"].help_text == "How many"
    assert LIMIT_ATTR not in fields["number"].widget.attrs
    assert LIMIT_ATTR not in fields["hidden"].widget.attrs
