"""Blocks for method guides and principles: the structured parts practitioners scan."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from site_project.core.linked_pages import remembered_page

from .content import (
    GROUP_EVIDENCE,
    GROUP_METHOD,
    PLACEHOLDER_PREVIEW_TEMPLATE,
    SIMPLE_TEXT_FEATURES,
)

# The spectrum is a fixed, published scale, so case studies name the level reached
# by slug; the taxonomy's EngagementLevel rows use the same slugs.
LEVEL_CHOICES = [
    ("inform", "Inform"),
    ("consult", "Consult"),
    ("involve", "Involve"),
    ("collaborate", "Collaborate"),
    ("empower", "Empower"),
    ("community-led", "Community-led"),
]


def text_list(item_label, label=None):
    """A fresh list-of-lines block whose items are labelled `item_label` in the editor.
    Each field needs its own instance: Wagtail names a block after the field it is
    assigned to, so a shared instance ends up misnamed."""
    return blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=item_label), min_num=1, label=label
    )


# Longest a single step may be given, in weeks: two years.
MAX_STEP_WEEKS = 104


class WeeksBlock(blocks.DecimalBlock):
    """A number of weeks. A stored value that is not a number (never from the editor's
    form; from an import, say) reads as empty rather than breaking the page."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (ArithmeticError, TypeError, ValueError):
            return None


def weeks_block(label, help_text):
    return WeeksBlock(
        required=False,
        min_value=0,
        max_value=MAX_STEP_WEEKS,
        decimal_places=1,
        label=label,
        help_text=help_text,
    )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label="Step title")
    what_happens = blocks.RichTextBlock(features=SIMPLE_TEXT_FEATURES)
    who = blocks.CharBlock(required=False, max_length=200, help_text="Who does this step.")
    duration = blocks.CharBlock(
        required=False,
        max_length=80,
        label="How long (in words)",
        help_text="Shown on the guide, e.g. '2–3 weeks' or 'two weekends, a month apart'.",
    )
    min_weeks = weeks_block(
        "Shortest (weeks)",
        "For dated plans: the shortest realistic time for this step, in weeks. Use "
        "decimals for less than a week (0.2 is about a day, 0.5 half a week) and 0 for a "
        "few hours on the same day as the step before.",
    )
    max_weeks = weeks_block(
        "Longest (weeks)",
        "The longest it usually takes, in weeks; plans are dated on this figure. The same "
        "as the shortest if it hardly varies.",
    )

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("min_weeks"), value.get("max_weeks")
        if low is not None and high is not None and low > high:
            raise StructBlockValidationError(
                block_errors={
                    "max_weeks": ValidationError(
                        "The longest time cannot be shorter than the shortest."
                    )
                }
            )
        return value


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="How it works", max_length=80)
    steps = blocks.ListBlock(StepBlock(label="Step"), min_num=1)

    class Meta:
        icon = "list-ol"
        group = GROUP_METHOD
        template = "blocks/steps.html"
        description = "Numbered steps: what happens, who does it, how long it takes."
        preview_value = {
            "title": "How it works",
            "steps": [
                {
                    "title": "Frame the question",
                    "what_happens": "<p>Agree a question that is genuinely open.</p>",
                    "who": "Commissioner with an oversight group",
                    "duration": "4–6 weeks",
                    "min_weeks": 4,
                    "max_weeks": 6,
                },
                {
                    "title": "Recruit",
                    "what_happens": "<p>Invite a stratified random sample.</p>",
                    "who": "Independent recruiter",
                    "duration": "6–8 weeks",
                    "min_weeks": 6,
                    "max_weeks": 8,
                },
            ],
        }


class StrengthsLimitationsBlock(blocks.StructBlock):
    strengths = text_list("Strength")
    limitations = text_list("Limitation")

    class Meta:
        label = "Strengths and limitations"
        icon = "pick"
        group = GROUP_METHOD
        template = "blocks/strengths_limitations.html"
        description = "Two side-by-side lists; they also feed the method comparison table."
        preview_value = {
            "strengths": ["Considered, informed views", "Legitimacy of a random sample"],
            "limitations": ["Costly", "Small numbers take part directly"],
        }


class WhenToUseBlock(blocks.StructBlock):
    use_when = text_list("Use it when", label="Use it when")
    avoid_when = text_list("Avoid it when", label="Avoid it when")

    class Meta:
        label = "When to use it"
        icon = "help"
        group = GROUP_METHOD
        template = "blocks/when_to_use.html"
        description = "When the method fits, and when to choose something else."
        preview_value = {
            "use_when": ["A decision involves hard trade-offs"],
            "avoid_when": ["The decision has already been made"],
        }


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    place = blocks.CharBlock(max_length=120)
    year = blocks.IntegerBlock(min_value=1900, max_value=2100)
    commissioner = blocks.CharBlock(required=False, max_length=150)
    question = blocks.CharBlock(required=False, max_length=300, help_text="What people were asked.")
    people_involved = blocks.CharBlock(
        required=False, max_length=150, help_text="e.g. '50 residents'."
    )
    level_achieved = blocks.ChoiceBlock(
        choices=LEVEL_CHOICES,
        required=False,
        help_text="The influence participants actually had, which may differ from the plan.",
    )
    outcome = blocks.RichTextBlock(features=SIMPLE_TEXT_FEATURES)
    source = blocks.CharBlock(required=False, max_length=250)
    source_url = blocks.URLBlock(required=False, label="Source web address")

    class Meta:
        icon = "doc-full"
        group = GROUP_EVIDENCE
        template = "blocks/case_study.html"
        description = "A real example: where, who asked what, and what happened as a result."
        preview_value = {
            "title": "Climate assembly",
            "place": "Camden, London",
            "year": 2019,
            "commissioner": "London Borough of Camden",
            "question": "How can we tackle the climate crisis together?",
            "people_involved": "About 50 residents",
            "level_achieved": "involve",
            "outcome": "<p>Recommendations shaped the council's climate action plan.</p>",
            "source": "Camden Council",
        }


class CostLineBlock(blocks.StructBlock):
    item = blocks.CharBlock(max_length=120)
    low = blocks.IntegerBlock(
        min_value=0, required=False, label="Lowest (£)", help_text="Lowest typical cost, £."
    )
    high = blocks.IntegerBlock(
        min_value=0, required=False, label="Highest (£)", help_text="Highest typical cost, £."
    )
    per_person = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Per person",
        help_text="Tick when the figures are for each participant (a thank-you payment, "
        "travel, a meal): plans multiply them by the number of people. Leave it unticked "
        "for a cost of the whole process.",
    )
    note = blocks.CharBlock(required=False, max_length=200)


class CostBreakdownBlock(blocks.StructBlock):
    caption = blocks.CharBlock(default="Where the money goes", max_length=150)
    lines = blocks.ListBlock(CostLineBlock(label="Cost line"), min_num=1, label="Cost lines")
    note = blocks.CharBlock(required=False, max_length=300, help_text="Source and year of figures.")

    class Meta:
        icon = "table"
        group = GROUP_METHOD
        template = "blocks/cost_breakdown.html"
        description = "Cost lines in pounds, low to high, for the whole process or per person."
        preview_value = {
            "caption": "Where the money goes",
            "lines": [
                {"item": "Recruitment", "low": 8000, "high": 20000},
                {"item": "Thank-you payments", "low": 150, "high": 300, "per_person": True},
                {"item": "Facilitation", "low": 15000, "high": 60000},
            ],
            "note": "Indicative UK figures.",
        }


class MethodChooserBlock(blocks.PageChooserBlock):
    """Chooses a method guide and loads its level range in the same query, so a body
    with several method cards costs one query for all of them (without their bodies,
    which a card does not show).

    While a page is served, methods it has loaded as cards already are reused (an
    essay's "methods discussed" includes every live, public method its cards show;
    see core/linked_pages.py): then only the others cost that query."""

    def __init__(self, **kwargs):
        super().__init__(page_type="engagement.MethodPage", **kwargs)

    def bulk_to_python(self, values):
        pages = {}
        for value in values:
            page = remembered_page(value) if value else None
            if isinstance(page, self.target_model):
                pages[value] = page
        missing = [value for value in values if value and value not in pages]
        if missing:
            methods = self.target_model.objects.select_related("min_level", "max_level")
            pages.update(methods.defer_streamfields().in_bulk(missing))
        return [pages.get(value) for value in values]


class MethodCardBlock(blocks.StructBlock):
    method = MethodChooserBlock()
    note = blocks.CharBlock(
        required=False, max_length=200, help_text="Optional: why this method matters here."
    )

    class Meta:
        icon = "link-external"
        group = GROUP_METHOD
        template = "blocks/method_card.html"
        description = "A summary card for a method guide, showing its level range."

    def get_preview_value(self):
        """A published, public method guide if there is one (the first in the tree);
        without one the preview shows a placeholder card instead."""
        methods = self.child_blocks["method"].target_model.objects
        method = (
            methods.live()
            .public()
            .select_related("min_level", "max_level")
            .defer_streamfields()
            .order_by("path")
            .first()
        )
        return self.normalize(
            {"method": method, "note": "Worth a look when the decision involves hard trade-offs."}
        )

    def get_preview_template(self, value, context=None):
        if value.get("method") is None:
            return PLACEHOLDER_PREVIEW_TEMPLATE
        return super().get_preview_template(value, context)

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        context["placeholder"] = "method_card"
        return context


class TitledListBlock(blocks.StructBlock):
    """Shared shape for the principle lists (indicators, questions)."""

    title = blocks.CharBlock(max_length=100)
    items = text_list("Item")

    class Meta:
        icon = "list-ul"
        template = "blocks/titled_list.html"


class IndicatorsBlock(TitledListBlock):
    items = text_list("Sign", label="Signs")

    class Meta:
        group = GROUP_METHOD
        description = "Signs that the principle is being lived, not just stated."
        preview_value = {
            "title": "You'll know it's working when…",
            "items": ["People can name what changed because of them"],
        }


class QuestionsBlock(TitledListBlock):
    items = text_list("Question", label="Questions")

    class Meta:
        icon = "help"
        group = GROUP_METHOD
        description = "Questions a team can ask itself before and during the work."
        preview_value = {
            "title": "Questions to ask",
            "items": ["What is genuinely open to influence?"],
        }


class BarriersEnablersBlock(blocks.StructBlock):
    barriers = text_list("Barrier")
    enablers = text_list("Enabler")

    class Meta:
        label = "Barriers and enablers"
        icon = "resubmit"
        group = GROUP_METHOD
        template = "blocks/barriers_enablers.html"
        description = "What gets in the way, and what helps."
        preview_value = {
            "barriers": ["Short-term funding cycles"],
            "enablers": ["Leadership that commits to act on what it hears"],
        }


class PracticeExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    organisation = blocks.CharBlock(required=False, max_length=150)
    text = blocks.RichTextBlock(features=SIMPLE_TEXT_FEATURES)
    source_url = blocks.URLBlock(required=False, label="Source web address")

    class Meta:
        icon = "doc-full"
        group = GROUP_EVIDENCE
        template = "blocks/practice_example.html"
        description = "A short example of the principle in practice."
        preview_value = {
            "title": "Feeding back after a budget consultation",
            "organisation": "A London borough",
            "text": "<p>The council published a 'you said, we did' page within a month.</p>",
        }
