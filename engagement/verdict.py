"""For "Should we engage?": reading a reader's answers, turning them into a verdict, and
checking that an editor's rules can never contradict each other.

Plain Python over plain data (no database, no Wagtail), so every path is easy to test.
The page (engagement/decision.py) turns its StreamFields into these objects.

How rules work (the same words are in the admin and the README):

- A rule has one or more conditions. A condition names a question by its key and one or
  more of its answers; it holds when the reader gave any of those answers. A rule
  applies when all of its conditions hold.
- A rule's verdict is "Not yet", "At most <level>", or "No limit" (its reason is shown,
  nothing else changes).
- "Not yet" beats any level: if any rule that applies says "Not yet", that is the
  verdict, and those rules' reasons say what to do first.
- Otherwise the verdict is "Engage at <level>": the lowest level among the rules that
  apply, or the page's highest level when none of them sets one.
- The reasons shown are those of the rules that set the verdict, then those of the
  "No limit" rules that apply; the principles at stake are those of the rules shown,
  each once.

Rules that contradict each other are refused when the page is saved:

- two rules with exactly the same conditions (merge them into one);
- a rule that can never decide the verdict because, whenever it applies, a rule with
  the same or fewer conditions applies too and gives a stricter verdict;
- a level at or above the page's highest level (it could never change anything);
- a condition naming a question or an answer that does not exist.
"""

from dataclasses import dataclass, field

NOT_YET = "not-yet"
NO_LIMIT = "note"

MAX_QUESTIONS = 8
# Longest answer value that can be real (option values are slugs of up to 40 characters).
MAX_VALUE_LENGTH = 40
# How much of a value we did not recognise is repeated back to the reader.
ECHO_LENGTH = 40


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    # The method finder's filter this answer sets, as "name=value" (e.g. "budget=5000").
    finder: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    help_text: str = ""
    options: tuple = ()

    def option(self, value):
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Condition:
    key: str
    values: frozenset


@dataclass
class Rule:
    number: int  # 1-based, as editors see rules listed
    conditions: list  # of Condition
    verdict: str  # NOT_YET, NO_LIMIT or a level's slug
    reason: str = ""
    principles: list = field(default_factory=list)  # page ids, or pages

    def applies(self, answers):
        return all(answers.get(c.key) in c.values for c in self.conditions)

    def condition_map(self):
        """{question key: the answers it accepts}, a key named twice narrowed to both."""
        found = {}
        for condition in self.conditions:
            if condition.key in found:
                found[condition.key] = found[condition.key] & condition.values
            else:
                found[condition.key] = condition.values
        return found


# -- reading answers -----------------------------------------------------------------


def printable(value, limit=ECHO_LENGTH):
    """A value safe and short enough to repeat to the reader: control characters
    (NUL included) dropped, runs of spaces closed up, cut to `limit` characters."""
    cleaned = "".join(ch for ch in value if ch.isprintable())
    cleaned = " ".join(cleaned.split())
    return cleaned[:limit] + ("…" if len(cleaned) > limit else "")


@dataclass
class Answers:
    """A reader's answers: the recognised ones, the questions still unanswered and the
    values we could not use (with a note each)."""

    chosen: dict  # question key -> Option
    missing: list  # Questions with no answer
    unclear: list  # (Question, note) for answers we could not use

    @property
    def values(self):
        return {key: option.value for key, option in self.chosen.items()}

    @property
    def complete(self):
        return not self.missing and not self.unclear

    @property
    def started(self):
        return bool(self.chosen or self.unclear)


def read_answers(query, questions):
    """Parse `query` (a QueryDict or any mapping with getlist) against `questions`.

    Never raises: a missing answer, an answer that is not one of the options, the same
    question answered twice with different answers, or a huge or binary value is
    reported and treated as unanswered. Parameters that name no question are ignored."""
    chosen, missing, unclear = {}, [], []
    for question in questions:
        values = [v.strip() for v in query.getlist(question.key)]
        values = [v for v in values if v]
        if not values:
            missing.append(question)
            continue
        if len(set(values)) > 1:
            unclear.append((question, "Two different answers were given"))
            continue
        value = values[0]
        option = question.option(value)  # none for a value longer than any option's
        if option is None:
            shown = printable(value)
            note = "We didn't recognise " + (f"the answer “{shown}”" if shown else "it")
            unclear.append((question, note))
            continue
        chosen[question.key] = option
    return Answers(chosen, missing, unclear)


# -- the verdict -----------------------------------------------------------------------


@dataclass
class Verdict:
    not_yet: bool
    level: object  # the level of "Engage at", or None for "Not yet"
    deciding: list  # Rules that set the verdict: what to do first, or why this level
    notes: list  # "No limit" rules that apply: also worth knowing
    principles: list  # principle ids or pages of the rules shown, in order, each once


def strictness(verdict, ranks):
    """Lower is stricter: "Not yet" 0, then the level's rank; None for "No limit" or a
    level that no longer exists."""
    if verdict == NOT_YET:
        return 0
    return ranks.get(verdict)


def decide(rules, answers, levels, highest):
    """The verdict for `answers` ({question key: option value}).

    `levels` maps level slugs to level objects with `slug` and `rank`; `highest` is the
    level given when no rule that applies sets a lower one. The rules shown are those
    that set the verdict, then the "No limit" ones; a level that a lower one overrides
    (or any level, when the verdict is "Not yet") is not shown."""
    applying = [rule for rule in rules if rule.applies(answers)]
    notes = [rule for rule in applying if rule.verdict == NO_LIMIT]
    deciding = [rule for rule in applying if rule.verdict == NOT_YET]
    not_yet, level = bool(deciding), None
    if not not_yet:
        level = highest
        for rule in applying:
            candidate = levels.get(rule.verdict)
            if candidate is not None and (level is None or candidate.rank < level.rank):
                level = candidate
        deciding = [rule for rule in applying if level is not None and rule.verdict == level.slug]
    principles = []
    for rule in deciding + notes:
        for principle in rule.principles:
            if principle not in principles:
                principles.append(principle)
    return Verdict(not_yet, level, deciding, notes, principles)


# -- checking an editor's questions and rules ------------------------------------------


@dataclass
class Problems:
    """What is wrong, placed where the editor can fix it.

    questions: {question index: {"key": msg} or {"options": {option index: msg}}}
    rules: {rule index: {"conditions": {condition index: {"question"|"answers": msg}},
                         "verdict": msg, "rule": [msgs about the whole rule]}}
    summary: one line per problem, for the top of the field."""

    questions: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    question_summary: list = field(default_factory=list)
    rule_summary: list = field(default_factory=list)

    def question(self, index, message, option=None):
        entry = self.questions.setdefault(index, {})
        if option is None:
            entry.setdefault("key", message)
        else:
            entry.setdefault("options", {}).setdefault(option, message)
        self.question_summary.append(f"Question {index + 1}: {message}")

    def condition(self, rule_index, condition_index, part, message):
        conditions = self.rules.setdefault(rule_index, {}).setdefault("conditions", {})
        conditions.setdefault(condition_index, {}).setdefault(part, message)
        self.rule_summary.append(f"Rule {rule_index + 1}: {message}")

    def verdict(self, rule_index, message):
        self.rules.setdefault(rule_index, {}).setdefault("verdict", message)
        self.rule_summary.append(f"Rule {rule_index + 1}: {message}")

    def rule(self, rule_index, message):
        self.rules.setdefault(rule_index, {}).setdefault("rule", []).append(message)
        self.rule_summary.append(f"Rule {rule_index + 1}: {message}")


def split_answers(text):
    """An editor's "options, separated, by commas" as a list of values."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _listing(values):
    values = [f"“{v}”" for v in values]
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else "".join(values)


def check_questions(questions, problems):
    """Keys unique, option values unique within each question."""
    seen = {}
    for index, question in enumerate(questions):
        if question.key in seen:
            problems.question(
                index,
                f"The key “{question.key}” is already used by question {seen[question.key] + 1}. "
                "Each question needs its own key.",
            )
        else:
            seen[question.key] = index
        values = set()
        for o_index, option in enumerate(question.options):
            if option.value in values:
                problems.question(
                    index,
                    f"The answer value “{option.value}” is used twice in this question.",
                    option=o_index,
                )
            values.add(option.value)
    if len(questions) > MAX_QUESTIONS:
        problems.question_summary.append(
            f"Keep to {MAX_QUESTIONS} questions at most, so the form fits on a phone."
        )
        problems.questions.setdefault(MAX_QUESTIONS, {}).setdefault(
            "key", f"Question {MAX_QUESTIONS + 1} is one too many."
        )


def _verdict_name(verdict, level_names):
    if verdict == NOT_YET:
        return "Not yet"
    return f"At most {level_names.get(verdict, verdict)}"


def check_rules(questions, raw_rules, levels, highest, problems):
    """Check rules whose conditions are still as the editor typed them.

    `raw_rules` is a list of (conditions, verdict) with conditions a list of
    (question key, "comma, separated, answers"). Returns the Rules built from those
    that are sound (for the pairwise checks)."""
    by_key = {q.key: q for q in questions}
    ranks = {slug: level.rank for slug, level in levels.items()}
    names = {slug: level.name for slug, level in levels.items()}
    sound = []
    for r_index, (conditions, verdict) in enumerate(raw_rules):
        ok = True
        built, keys = [], set()
        if not conditions:
            problems.rule(r_index, "Give the rule at least one condition.")
            ok = False
        for c_index, (key, answers_text) in enumerate(conditions):
            key = (key or "").strip()
            question = by_key.get(key)
            if question is None:
                known = _listing(list(by_key)) if by_key else "none yet"
                missing = f"No question has the key “{key}”." if key else "Name a question."
                problems.condition(r_index, c_index, "question", f"{missing} The keys are {known}.")
                ok = False
                continue
            if key in keys:
                problems.condition(
                    r_index,
                    c_index,
                    "question",
                    f"This rule already has a condition on “{key}”: list all the answers "
                    "it accepts in that one condition.",
                )
                ok = False
                continue
            keys.add(key)
            values = split_answers(answers_text)
            allowed = [o.value for o in question.options]
            unknown = [v for v in values if v not in allowed]
            if not values or unknown:
                what = f"“{unknown[0]}” is not an answer to “{key}”" if unknown else "Name one"
                problems.condition(
                    r_index,
                    c_index,
                    "answers",
                    f"{what}. Its answers are {_listing(allowed)}.",
                )
                ok = False
                continue
            built.append(Condition(key, frozenset(values)))
        if verdict not in (NOT_YET, NO_LIMIT):
            if verdict not in ranks:
                problems.verdict(r_index, "Choose a verdict: this level no longer exists.")
                ok = False
            elif highest is not None and ranks[verdict] >= highest.rank:
                problems.verdict(
                    r_index,
                    f"{names[verdict]} is not below the highest level ({highest.name}), so this "
                    "rule could never change the verdict. Choose a lower level, or “No limit”.",
                )
                ok = False
        if ok:
            sound.append(Rule(r_index + 1, built, verdict))
    _check_pairs(sound, ranks, names, problems)
    return sound


def _implies(specific, general):
    """Whether `specific` applying means `general` applies too."""
    return all(key in specific and specific[key] <= values for key, values in general.items())


def _check_pairs(rules, ranks, names, problems):
    maps = [rule.condition_map() for rule in rules]
    for j, later in enumerate(rules):
        for i in range(j):
            earlier = rules[i]
            if maps[i] == maps[j]:
                problems.rule(
                    later.number - 1,
                    f"It has exactly the same conditions as rule {earlier.number}. "
                    "Merge the two into one rule with one verdict and one reason.",
                )
                break
        else:
            _check_never_decides(rules, maps, j, ranks, names, problems)


def _check_never_decides(rules, maps, j, ranks, names, problems):
    rule = rules[j]
    mine = strictness(rule.verdict, ranks)
    if mine is None:  # "No limit" only adds its reason
        return
    for i, other in enumerate(rules):
        if i == j:
            continue
        theirs = strictness(other.verdict, ranks)
        if theirs is None or theirs >= mine:
            continue
        if _implies(maps[j], maps[i]):
            problems.rule(
                rule.number - 1,
                f"It can never decide the verdict: whenever it applies, rule {other.number} "
                f"applies too and is stricter ({_verdict_name(other.verdict, names)}). "
                "Make this rule's verdict at least as strict, or narrow rule "
                f"{other.number}'s conditions.",
            )
            return
