"""The "Should we engage?" page: a short decision aid before the method finder.

Editors write the questions, the rules that turn answers into a verdict, and the
reasons, on one page (DecisionAidPage, under the library hub). The reader answers with
a plain GET form; the answers stay in the address, so a result can be shared. How rules
combine, and which rules are refused as contradictory, is in engagement/verdict.py."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from site_project.blocks.content import SIMPLE_TEXT_FEATURES
from site_project.core.forms import SitePageForm
from site_project.core.models import BasePage, editor_tabs
from site_project.core.visibility import visible
from site_project.taxonomy.models import EngagementLevel

from . import verdict as rules_engine
from .bands import BANDS
from .finder import BUDGET_CHOICES, WEEKS_CHOICES

KEY_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
KEY_MESSAGE = "Use lower-case letters, digits and hyphens only, e.g. “open-to-change”."

# The method finder's filters an answer can set, as "name=value": the finder's own
# choices (engagement/finder.py, engagement/bands.py), so they always match it.
FINDER_FILTERS = (
    [(f"people={band.slug}", f"Group size: {band.label}") for band in BANDS]
    + [(f"budget={value}", f"Budget: {label}") for value, label in BUDGET_CHOICES]
    + [(f"weeks={value}", f"Time: {label}") for value, label in WEEKS_CHOICES]
)
FINDER_PARAMS = ("level", "people", "budget", "weeks")  # the finder's own order
FILTER_WORDS = {"people": "group size", "budget": "budget", "weeks": "time"}

RULES_HELP = """
<p>A rule applies when <i>all</i> its conditions hold. A condition names a question's key
and one or more of its answer values, separated by commas; it holds when the reader gave
<i>any</i> of them.</p>
<p><b>Not yet</b> beats every level: if any rule that applies says “Not yet”, that is the
verdict, and its reason is shown as what to do first.</p>
<p>Otherwise the verdict is <b>the lowest level</b> among the rules that apply (“At most
Consult”), or the highest level below when none of them sets one.</p>
<p><b>No limit</b> only adds its reason and principles.</p>
<p>Readers see the reasons of the rules that set the verdict, then those of the “No
limit” rules that apply, with their principles, each once (drafts and private pages are
left out). A level that a lower one overrides is not mentioned.</p>
<p>Saving is refused, naming the rule, when two rules have exactly the same conditions;
when a rule could never decide the verdict because a rule with the same or fewer
conditions is always stricter; when a level is not below the highest level; or when a
condition names a question key or answer that does not exist.</p>
"""


# -- blocks ------------------------------------------------------------------------------


class AnswerOptionBlock(blocks.StructBlock):
    value = blocks.RegexBlock(
        regex=KEY_PATTERN,
        max_length=rules_engine.MAX_VALUE_LENGTH,
        error_messages={"invalid": KEY_MESSAGE},
        help_text="Stable value kept in shared addresses and named by rules. "
        "Change it and old links and rules stop matching.",
    )
    label = blocks.CharBlock(
        max_length=80, help_text="The answer as readers see it; keep it short."
    )
    finder = blocks.ChoiceBlock(
        choices=FINDER_FILTERS,
        required=False,
        label="Method finder filter",
        help_text="Optional: the finder filter this answer sets in the link to the finder.",
    )

    class Meta:
        icon = "radio-full"
        label_format = "{label}"


class QuestionBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_PATTERN,
        max_length=30,
        error_messages={"invalid": KEY_MESSAGE},
        help_text="Short, stable name used in the page's address and by the rules, "
        "e.g. “time”. Change it and shared links and rules stop matching.",
    )
    text = blocks.CharBlock(max_length=160, help_text="The question, in plain words.")
    help_text = blocks.CharBlock(
        required=False, max_length=240, help_text="Optional hint shown under the question."
    )
    options = blocks.ListBlock(
        AnswerOptionBlock(), min_num=2, max_num=6, label="Answers", collapsed=True
    )

    class Meta:
        icon = "help"
        label_format = "{key}: {text}"
        description = "A question with two to six answers, one chosen."


def verdict_choices():
    """Not yet, each level of the spectrum as a ceiling, or no limit. Read when the
    form is shown, so new or renamed levels appear at once."""
    try:
        levels = list(EngagementLevel.objects.values_list("slug", "name"))
    except DatabaseError:  # before the first migration
        levels = []
    return [
        (rules_engine.NOT_YET, "Not yet"),
        *[(slug, f"At most {name}") for slug, name in levels],
        (rules_engine.NO_LIMIT, "No limit: only show the reason"),
    ]


class ConditionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=30, label="Question key", help_text="The key of a question, e.g. “time”."
    )
    answers = blocks.CharBlock(
        max_length=200,
        help_text="One or more of its answer values, separated by commas; the condition "
        "holds when the reader gave any of them.",
    )

    class Meta:
        icon = "tick"
        label_format = "{question} is {answers}"


class RuleBlock(blocks.StructBlock):
    conditions = blocks.ListBlock(
        ConditionBlock(),
        min_num=1,
        max_num=rules_engine.MAX_QUESTIONS,
        help_text="The rule applies when all of these hold.",
    )
    verdict = blocks.ChoiceBlock(
        choices=verdict_choices,
        default=rules_engine.NOT_YET,
        help_text="“Not yet” beats any level; otherwise the lowest level among the rules "
        "that apply wins.",
    )
    reason = blocks.TextBlock(
        max_length=500,
        help_text="Why, in a sentence or two, to the reader. For “Not yet”, say what to do first.",
    )
    principles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="engagement.PrinciplePage", label="Principle"),
        min_num=0,
        max_num=4,
        label="Principles at stake",
        help_text="Linked under the verdict whenever this rule applies (only while live).",
    )

    class Meta:
        icon = "tasks"
        label_format = "{verdict}: {reason}"
        description = "Conditions on the answers, a verdict and the reason for it."


# -- raw StreamField data to plain objects -------------------------------------------------


def _items(raw_list):
    """A ListBlock's raw items, in either of the formats Wagtail stores."""
    values = []
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            values.append(item["value"])
        else:
            values.append(item)
    return values


def _stream_values(stream, block_type):
    if stream is None:
        return []
    return [item.get("value") or {} for item in stream.raw_data if item.get("type") == block_type]


def questions_from(stream):
    questions = []
    for value in _stream_values(stream, "question"):
        options = tuple(
            rules_engine.Option(
                value=(o.get("value") or "").strip(),
                label=o.get("label") or "",
                finder=o.get("finder") or "",
            )
            for o in _items(value.get("options"))
            if isinstance(o, dict)
        )
        questions.append(
            rules_engine.Question(
                key=(value.get("key") or "").strip(),
                text=value.get("text") or "",
                help_text=value.get("help_text") or "",
                options=options,
            )
        )
    return questions


def raw_rules_from(stream):
    """[(conditions [(key, answers text)], verdict, reason, principle ids)]"""
    found = []
    for value in _stream_values(stream, "rule"):
        conditions = [
            (c.get("question") or "", c.get("answers") or "")
            for c in _items(value.get("conditions"))
            if isinstance(c, dict)
        ]
        principles = [pk for pk in _items(value.get("principles")) if isinstance(pk, int)]
        verdict, reason = value.get("verdict") or "", value.get("reason") or ""
        found.append((conditions, verdict, reason, principles))
    return found


def rules_from(stream):
    """Rules ready to apply. A condition the page could not have been saved with (an
    unknown answer value, say) simply never holds."""
    rules = []
    for number, (conditions, verdict, reason, principles) in enumerate(raw_rules_from(stream), 1):
        built = [
            rules_engine.Condition(key.strip(), frozenset(rules_engine.split_answers(answers)))
            for key, answers in conditions
        ]
        rules.append(rules_engine.Rule(number, built, verdict, reason, principles))
    return rules


# -- checking on save ----------------------------------------------------------------------


def find_problems(questions_stream, rules_stream, highest_level):
    problems = rules_engine.Problems()
    questions = questions_from(questions_stream)
    rules_engine.check_questions(questions, problems)
    levels = {level.slug: level for level in EngagementLevel.objects.all()}
    raw = [(conditions, verdict) for conditions, verdict, _r, _p in raw_rules_from(rules_stream)]
    rules_engine.check_rules(questions, raw, levels, highest_level, problems)
    return problems


def _as_block_errors(problems):
    """The problems as Wagtail's nested block errors, so each shows on its own block."""
    errors = {}
    if problems.questions:
        question_errors = {}
        for index, entry in problems.questions.items():
            fields = {}
            if "key" in entry:
                fields["key"] = ValidationError(entry["key"])
            if "options" in entry:
                fields["options"] = ListBlockValidationError(
                    block_errors={
                        i: StructBlockValidationError(
                            block_errors={"value": ValidationError(message)}
                        )
                        for i, message in entry["options"].items()
                    }
                )
            question_errors[index] = StructBlockValidationError(block_errors=fields)
        errors["questions"] = StreamBlockValidationError(
            block_errors=question_errors, non_block_errors=problems.question_summary
        )
    if problems.rules:
        rule_errors = {}
        for index, entry in problems.rules.items():
            fields = {}
            if "conditions" in entry:
                fields["conditions"] = ListBlockValidationError(
                    block_errors={
                        i: StructBlockValidationError(
                            block_errors={
                                part: ValidationError(message) for part, message in parts.items()
                            }
                        )
                        for i, parts in entry["conditions"].items()
                    }
                )
            if "verdict" in entry:
                fields["verdict"] = ValidationError(entry["verdict"])
            rule_errors[index] = StructBlockValidationError(
                block_errors=fields, non_block_errors=entry.get("rule", [])
            )
        errors["rules"] = StreamBlockValidationError(
            block_errors=rule_errors, non_block_errors=problems.rule_summary
        )
    return errors


class DecisionAidPageForm(SitePageForm):
    """Checks the questions and rules together once each is valid on its own, and puts
    every problem on the block that has it."""

    def clean(self):
        cleaned_data = super().clean()
        # The model's own check (for pages saved in code) is left to this form.
        self.instance._rules_checked_by_form = True
        if "questions" in cleaned_data and "rules" in cleaned_data:
            problems = find_problems(
                cleaned_data["questions"], cleaned_data["rules"], cleaned_data.get("highest_level")
            )
            for name, error in _as_block_errors(problems).items():
                self.add_error(name, error)
        return cleaned_data


# -- the page ------------------------------------------------------------------------------


class DecisionAidPage(BasePage):
    """A few questions before choosing a method: whether to engage now, and how much
    influence is really on offer."""

    summary = models.CharField(
        max_length=200,
        help_text="One or two sentences inviting people in; shown on the home page, the "
        "library and the method finder, and in search results.",
    )
    intro = RichTextField(
        features=SIMPLE_TEXT_FEATURES, blank=True, help_text="Shown above the questions."
    )
    explainer = RichTextField(
        "how the suggestion is reached",
        features=SIMPLE_TEXT_FEATURES,
        blank=True,
        help_text="Shown under every suggestion: where the rules come from and their limits.",
    )
    questions = StreamField(
        [("question", QuestionBlock())],
        min_num=1,
        max_num=rules_engine.MAX_QUESTIONS,
        use_json_field=True,
        help_text=f"At most {rules_engine.MAX_QUESTIONS}, so the form stays short. Readers "
        "must answer every question to get a suggestion.",
    )
    highest_level = models.ForeignKey(
        EngagementLevel,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="highest level",
        help_text="The verdict when no rule that applies sets a lower level.",
    )
    meanwhile_level = models.ForeignKey(
        EngagementLevel,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="level while waiting",
        help_text="With a “Not yet” verdict, the link to the finder offers methods at this "
        "level meanwhile (usually Inform). Leave empty for no link.",
    )
    rules = StreamField(
        [("rule", RuleBlock())],
        blank=True,
        use_json_field=True,
        help_text="Checked in order; the order only sets the order of the reasons shown.",
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.AutocompleteField("summary"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("explainer"),
    ]
    question_panels = [FieldPanel("questions")]
    rule_panels = [
        HelpPanel(content=RULES_HELP, heading="How rules work"),
        MultiFieldPanel(
            [FieldPanel("highest_level"), FieldPanel("meanwhile_level")],
            heading="Levels",
        ),
        FieldPanel("rules"),
    ]
    edit_handler = editor_tabs(
        content_panels,
        rule_panels,
        facts_panels=question_panels,
        facts_heading="Questions",
        taxonomy_heading="Rules",
    )
    base_form_class = DecisionAidPageForm
    parent_page_types = ["engagement.EngagementIndexPage"]
    subpage_types = []
    max_count = 1
    serve_select_related = ("promote_image", "highest_level", "meanwhile_level")
    template = "engagement/decision_aid_page.html"

    class Meta:
        verbose_name = "decision aid (“Should we engage?”)"

    def clean(self):
        super().clean()
        if getattr(self, "_rules_checked_by_form", False):
            return
        errors = _as_block_errors(find_problems(self.questions, self.rules, self.highest_level))
        if errors:
            raise ValidationError(errors)

    @cached_property
    def question_list(self):
        return questions_from(self.questions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        questions = self.question_list
        answers = rules_engine.read_answers(request.GET, questions)
        # Flag what is missing only once the reader has answered something.
        problems = {q.key: note for q, note in answers.unclear}
        if answers.started:
            problems.update({q.key: "" for q in answers.missing})
        context.update(
            answers=answers,
            rows=[
                {
                    "question": q,
                    "value": answers.values.get(q.key, ""),
                    "flagged": q.key in problems,
                    "note": problems.get(q.key, ""),
                }
                for q in questions
            ],
            # Every set of answers has its own address; search engines need only the form.
            noindex=bool(request.GET),
        )
        if answers.complete:
            context.update(self.result(request, questions, answers))
        return context

    def result(self, request, questions, answers):
        levels = {level.slug: level for level in EngagementLevel.objects.all()}
        highest = self.highest_level
        if highest is None:  # its level was deleted: the top of the spectrum
            on_spectrum = [level for level in levels.values() if level.on_spectrum]
            highest = max(on_spectrum, key=lambda level: level.rank, default=None)
        from .models import PrinciplePage  # models.py imports this module

        outcome = rules_engine.decide(rules_from(self.rules), answers.values, levels, highest)
        principles = {
            page.pk: page
            for page in visible(PrinciplePage.objects.filter(pk__in=outcome.principles), request)
            .defer_streamfields()
            .select_related("framework")
        }
        finder_level = self.meanwhile_level if outcome.not_yet else outcome.level
        return {
            "outcome": outcome,
            "principles": [principles[pk] for pk in outcome.principles if pk in principles],
            "finder_link": self.finder_link(request, finder_level, answers),
            "answer_rows": [(q, answers.chosen[q.key]) for q in questions],
        }

    def finder_link(self, request, level, answers):
        """(address, [filter labels]) of the method finder with the level and the
        filters the answers set, or None when there is no level or no finder."""
        from .models import MethodIndexPage

        if level is None:
            return None
        finder = visible(MethodIndexPage.objects.all(), request).first()
        url = finder.get_url(request) if finder else None
        if not url:
            return None
        known = dict(FINDER_FILTERS)
        params = {"level": level.slug}
        for option in answers.chosen.values():
            name, _, value = option.finder.partition("=")
            if option.finder in known and name in FINDER_PARAMS and name not in params:
                params[name] = value
        names = [name for name in FINDER_PARAMS if name in params]
        applied = [FILTER_WORDS[name] for name in names if name in FILTER_WORDS]
        return {
            "url": f"{url}?{urlencode([(name, params[name]) for name in names])}",
            "level": level,
            "filters": " and ".join([", ".join(applied[:-1]), applied[-1]])
            if len(applied) > 1
            else "".join(applied),
        }

    def shown_on_pages(self):
        """Pages besides its ancestors that link to it (home/affected.py): the finder."""
        from .models import MethodIndexPage

        return list(MethodIndexPage.objects.all())
