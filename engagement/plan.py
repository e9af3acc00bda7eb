"""An engagement plan made from one to three method guides: a dated timeline, a budget
for the reader's numbers and a checklist, all from the query string
(`?m=citizens-jury&start=2027-03-01&people=30&budget=40000`). Nothing is stored: the
same address always gives the same plan, until an editor changes a guide.

How the guides' figures become a plan:

- **Dates.** Each step of a guide's "How it works" block has a shortest and longest
  time in weeks. The plan dates every step on its *longest* time, so a plan that holds
  on paper still holds when recruitment or sign-off runs slow (rushed engagement is the
  failure the Gunning principles warn about); it also says when the work would end if
  every step took its shortest time. A week is seven days, and decimals count too
  (0.5 weeks is four days, rounded half up). A step of 0 weeks takes a few hours: it
  is placed on the next free day and the step after it may start that same day (an
  event's rounds, then its harvest). A step without weeks is placed the same way, with
  a note asking the reader to allow time for it.
- **Several methods** run one after another, in the order the reader lists them: the
  usual reason to combine methods is that one feeds the next (focus groups test the
  question a jury then answers).
- **Follow-up and feedback.** After each method: share a summary of what you heard with
  its participants within two weeks. After the last step: feed back to everyone what
  changed, and why, within twelve weeks (the UK Government's Consultation Principles ask
  for a published response within 12 weeks).
- **Budget.** The guides' cost lines, with lines marked "per person" multiplied by the
  number of people; the total range is the sum of the lines' lows and highs (a line
  without an upper figure leaves the total open-ended). A guide without cost lines
  falls back on its overall cost range.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from urllib.parse import urlencode

from django.core.validators import slug_unicode_re
from django.http import HttpResponse, HttpResponseRedirect
from django.http.request import split_domain_port
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Page

from site_project.blocks.method import MAX_STEP_WEEKS
from site_project.core.visibility import visible_links

from . import ics

MAX_METHODS = 3
# Follow-up milestones, in days after the last step of a method / of the whole plan.
SUMMARY_AFTER_DAYS = 14
FEEDBACK_AFTER_DAYS = 12 * 7
# What the form accepts.
MAX_PEOPLE = 1_000_000
MAX_BUDGET = 100_000_000
YEARS_BACK, YEARS_AHEAD = 1, 10
MAX_ECHO = 40  # characters of a reader's input quoted back in a message

DATE_RE = re.compile(r"^(\d{1,6})-(\d{1,2})-(\d{1,2})$")
MONEY_RE = re.compile(r"^(\d+)(?:\.\d{1,2})?$")
MAX_DIGITS = 15


def long_date(day):
    """1 March 2027: the form dates take on the page, in messages and in the calendar."""
    return f"{day.day} {day:%B %Y}"


def date_range(first, last):
    """1 March 2027; 24 to 27 May 2027; 1 March to 11 April 2027; 28 December 2027 to
    3 January 2028."""
    if first == last:
        return long_date(first)
    if first.year != last.year:
        return f"{long_date(first)} to {long_date(last)}"
    if first.month != last.month:
        return f"{first.day} {first:%B} to {long_date(last)}"
    return f"{first.day} to {long_date(last)}"


def echo(value):
    """A reader's input, made safe to quote back: printable, short."""
    shown = "".join(ch for ch in value if ch.isprintable())
    return shown[:MAX_ECHO] + ("…" if len(shown) > MAX_ECHO else "")


def weeks_to_days(weeks):
    """Days in `weeks` (a number, possibly a decimal), rounded half up, within what the
    editor's form allows (0 to MAX_STEP_WEEKS); None, or anything not a number, is None."""
    if weeks is None:
        return None
    try:
        value = Decimal(str(weeks))
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    value = min(max(value, Decimal(0)), Decimal(MAX_STEP_WEEKS))
    return int((value * 7).to_integral_value(rounding=ROUND_HALF_UP))


def describe_days(days):
    if days == 0:
        return "the same day"
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"about {round(days / 7)} weeks"


# ---------- The reader's input ----------


@dataclass
class PlanInput:
    slugs: list = field(default_factory=list)
    start: date | None = None
    people: int | None = None
    budget: int | None = None
    raw: dict = field(default_factory=dict)  # what the reader typed, for the form
    errors: dict = field(default_factory=dict)  # field name -> message
    notes: list = field(default_factory=list)  # about the methods asked for
    refused: bool = False

    def query(self, **extra):
        """The plan's query string from the values understood (for links and the .ics)."""
        pairs = [("m", slug) for slug in self.slugs]
        if self.start:
            pairs.append(("start", self.start.isoformat()))
        if self.people is not None:
            pairs.append(("people", str(self.people)))
        if self.budget is not None:
            pairs.append(("budget", str(self.budget)))
        pairs += list(extra.items())
        return urlencode(pairs)


def date_window(today):
    return date(today.year - YEARS_BACK, 1, 1), date(today.year + YEARS_AHEAD, 12, 31)


def parse_start(raw, today):
    """(date, None) or (None, message)."""
    match = DATE_RE.match(raw)
    if not match:
        return None, (
            f"We couldn't read “{echo(raw)}” as a date. Give the start date as "
            "year-month-day, for example 2027-03-01."
        )
    year, month, day = (int(part) for part in match.groups())
    earliest, latest = date_window(today)
    if year > 9999:
        return None, (
            f"Plans can start between {long_date(earliest)} and {long_date(latest)}; "
            f"the year {year} is outside that."
        )
    try:
        start = date(year, month, day)
    except ValueError:
        if 1 <= month <= 12 and year >= 1:
            month_name = date(year, month, 1).strftime("%B")
            return None, f"There is no {day} {month_name} {year}. Check the day of the month."
        return None, f"“{echo(raw)}” is not a real date: the month must be 1 to 12."
    if not earliest <= start <= latest:
        return None, (
            f"Plans can start between {long_date(earliest)} and {long_date(latest)}; "
            f"{long_date(start)} is outside that."
        )
    return start, None


def _digits(text):
    return text.isascii() and text.isdigit()


def parse_people(raw):
    cleaned = raw.replace(",", "").replace(" ", "")
    digits = cleaned.removeprefix("-")
    if not _digits(digits):
        return None, (
            f"We couldn't read “{echo(raw)}” as a number of people. Give a whole number, "
            "for example 30."
        )
    if cleaned.startswith("-") or len(digits) > MAX_DIGITS or not 1 <= int(digits) <= MAX_PEOPLE:
        return None, f"The number of people must be between 1 and {MAX_PEOPLE:,}."
    return int(digits), None


def parse_budget(raw):
    cleaned = raw.replace(",", "").replace(" ", "").removeprefix("£")
    amount = cleaned.removeprefix("-")
    match = MONEY_RE.match(amount) if amount.isascii() else None
    if not match:
        return None, (
            f"We couldn't read “{echo(raw)}” as a budget. Give it in pounds, for example 40000."
        )
    pounds = match.group(1)
    if cleaned.startswith("-") or len(pounds) > MAX_DIGITS or int(pounds) > MAX_BUDGET:
        return None, f"The budget must be between £0 and £{MAX_BUDGET:,}."
    return int(pounds), None


def parse_input(query_dict, today):
    plan_input = PlanInput()
    raw_slugs = [value.strip() for value in query_dict.getlist("m")[:50] if value.strip()]
    for slug in raw_slugs:
        if slug in plan_input.slugs:
            plan_input.notes.append(f"“{echo(slug)}” was listed twice; it is planned once.")
        else:
            plan_input.slugs.append(slug)
    if len(plan_input.slugs) > MAX_METHODS:
        plan_input.refused = True
        plan_input.notes.append(
            f"A plan can combine up to {MAX_METHODS} methods, and you chose "
            f"{len(plan_input.slugs)}. Untick some and try again."
        )
        plan_input.slugs = plan_input.slugs[: MAX_METHODS * 3]
    parsers = {
        "start": lambda raw: parse_start(raw, today),
        "people": parse_people,
        "budget": parse_budget,
    }
    for name, parse in parsers.items():
        raw = query_dict.get(name, "").strip()[:200]
        plan_input.raw[name] = raw
        if not raw:
            continue
        value, error = parse(raw)
        if error:
            plan_input.errors[name] = error
        else:
            setattr(plan_input, name, value)
    return plan_input


# ---------- The timeline ----------


@dataclass
class Entry:
    """One line of the timeline: a step of a guide, or a milestone."""

    title: str
    kind: str = "step"  # or "milestone"
    who: str = ""
    duration: str = ""  # the guide's own words
    min_days: int = 0
    max_days: int = 0
    undated: bool = False  # the guide gives no weeks for it
    offset: int = 0  # days from the start to its first day
    last_offset: int = 0  # ... and to its last day
    note: str = ""
    start: date | None = None
    end: date | None = None

    @property
    def first_week(self):
        return self.offset // 7 + 1

    @property
    def last_week(self):
        return self.last_offset // 7 + 1

    @property
    def planned_length(self):
        return describe_days(self.max_days)

    @property
    def one_day(self):
        return self.offset == self.last_offset

    @property
    def dates(self):
        return date_range(self.start, self.end) if self.start else ""

    @property
    def weeks(self):
        if self.first_week == self.last_week:
            return f"Week {self.first_week}"
        return f"Weeks {self.first_week} to {self.last_week}"


@dataclass
class MethodPlan:
    method: object
    entries: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    cost_groups: list = field(default_factory=list)
    avoid: list = field(default_factory=list)  # the guide's "when not to use it"


def guide_steps(method):
    """The guide's steps as timeline entries (every steps block, in order)."""
    entries = []
    for block in method.body:
        if block.block_type != "steps":
            continue
        for step in block.value["steps"]:
            low = weeks_to_days(step.get("min_weeks"))
            high = weeks_to_days(step.get("max_weeks"))
            if low is None and high is None:
                entry = Entry(step["title"], undated=True)
            else:
                low = high if low is None else low
                high = low if high is None else high
                entry = Entry(step["title"], min_days=min(low, high), max_days=max(low, high))
            entry.who = step.get("who") or ""
            entry.duration = step.get("duration") or ""
            entries.append(entry)
    return entries


def schedule(entries, first_free_day, length):
    """Place `entries` one after another from `first_free_day` (an offset in days), each
    taking `length(entry)` days; yield (entry, its first day, its last day). A step of
    0 days takes a few hours of the next free day, and leaves that day free."""
    cursor = first_free_day
    for entry in entries:
        days = length(entry)
        first = cursor
        last = first + max(days, 1) - 1
        if days:
            cursor = last + 1
        yield entry, first, last


def lay_out(method_plans):
    """Offsets for every step, planned on the longest times; returns (last day offset on
    the longest times, last day offset on the shortest times)."""
    longest = shortest = 0  # the day the next method starts
    planned_end = quickest_end = -1
    for method_plan in method_plans:
        steps = [e for e in method_plan.entries if e.kind == "step"]
        for entry, first, last in schedule(steps, longest, lambda e: e.max_days):
            entry.offset, entry.last_offset = first, last
            planned_end = max(planned_end, last)
        for _entry, _first, last in schedule(steps, shortest, lambda e: e.min_days):
            quickest_end = max(quickest_end, last)
        longest, shortest = planned_end + 1, quickest_end + 1
        if steps:
            note = (
                "Within two weeks of the last step: thank people and show them what they "
                "said, before any decision is made."
            )
            follow_up = method_plan.method.follow_up
            if follow_up:
                note += f" The guide's follow-up: {follow_up.rstrip('.')}."
            method_plan.entries.append(
                Entry(
                    "Share a summary of what you heard with the participants",
                    kind="milestone",
                    offset=planned_end + SUMMARY_AFTER_DAYS,
                    last_offset=planned_end + SUMMARY_AFTER_DAYS,
                    note=note,
                )
            )
    return max(planned_end, 0), max(quickest_end, 0)


# ---------- The budget ----------


@dataclass
class CostLine:
    item: str
    low: int | None
    high: int | None
    per_person: bool = False
    note: str = ""
    people: int | None = None

    @property
    def scaled(self):
        """Whether the line's figures are multiplied here (per person, people known)."""
        return self.per_person and self.people is not None

    def total(self, figure):
        if figure is None:
            return None
        if self.per_person:
            return figure * self.people if self.people is not None else None
        return figure

    @property
    def total_low(self):
        return self.total(self.low)

    @property
    def total_high(self):
        return self.total(self.high)


@dataclass
class CostGroup:
    caption: str
    lines: list
    source: str = ""  # the breakdown's note: where the figures come from, and when
    overall_source: str = ""  # the guide's overall cost source and year


@dataclass
class Budget:
    groups: list = field(default_factory=list)
    low: int = 0
    high: int | None = 0
    per_person_low: int = 0
    per_person_high: int | None = 0
    needs_people: bool = False  # per-person lines, but no number of people
    budget: int | None = None

    @property
    def has_costs(self):
        return any(group.lines for group in self.groups)

    @property
    def verdict(self):
        """'below', 'within', 'covers', or '' when it cannot be said."""
        if self.budget is None or not self.has_costs or self.needs_people:
            return ""
        if self.budget < self.low:
            return "below"
        if self.high is None or self.budget < self.high:
            return "within"
        return "covers"

    @property
    def shortfall(self):
        return self.low - self.budget if self.verdict == "below" else 0


def cost_groups(method, people):
    groups = []
    for block in method.body:
        if block.block_type != "cost_breakdown":
            continue
        value = block.value
        lines = [
            CostLine(
                line["item"],
                line.get("low"),
                line.get("high"),
                per_person=bool(line.get("per_person")),
                note=line.get("note") or "",
                people=people,
            )
            for line in value["lines"]
        ]
        groups.append(CostGroup(value["caption"], lines, value.get("note") or ""))
    if not groups and (method.cost_min is not None or method.cost_max is not None):
        groups.append(
            CostGroup(
                "The guide's overall range",
                [CostLine("The whole process", method.cost_min, method.cost_max, people=people)],
                method.cost_covers,
            )
        )
    overall = ", ".join(
        str(part) for part in (method.cost_source, method.cost_year) if part not in ("", None)
    )
    for group in groups:
        group.overall_source = overall
    return groups


def add_up(budget, groups):
    for group in groups:
        budget.groups.append(group)
        for line in group.lines:
            low, high = line.low or 0, line.high
            if line.per_person and line.people is None:
                budget.needs_people = True
                budget.per_person_low += low
                budget.per_person_high = (
                    None
                    if high is None or budget.per_person_high is None
                    else budget.per_person_high + high
                )
                continue
            budget.low += line.total(low)
            budget.high = (
                None if high is None or budget.high is None else budget.high + line.total(high)
            )


# ---------- The checklist ----------


@dataclass
class PrincipleCheck:
    principle: object
    reasons: list = field(default_factory=list)  # (method title, note)


def principle_checks(links, methods):
    """(principles supported, principles put at risk), each once, with every method's
    reason, in the order the methods and their guides list them."""
    order = {method.pk: n for n, method in enumerate(methods)}
    titles = {method.pk: method.title for method in methods}
    found = {"supports": {}, "risks": {}}
    # `links` come in each guide's own order (Orderable's sort_order); a stable sort
    # puts them in the plan's order of methods and keeps that order within each.
    for link in sorted(links, key=lambda link: order[link.page_id]):
        checks = found[link.effect]  # "supports" or "risks": the field's only choices
        check = checks.setdefault(link.principle_id, PrincipleCheck(link.principle))
        check.reasons.append((titles[link.page_id], link.note))
    return list(found["supports"].values()), list(found["risks"].values())


def avoid_points(method):
    return [
        point
        for block in method.body
        if block.block_type == "when_to_use"
        for point in block.value["avoid_when"]
    ]


# ---------- The plan ----------


@dataclass
class Plan:
    given: PlanInput
    methods: list = field(default_factory=list)
    method_plans: list = field(default_factory=list)
    follow_up: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)
    supports: list = field(default_factory=list)
    risks: list = field(default_factory=list)
    planned_end: date | None = None
    quickest_end: date | None = None
    planned_weeks: int = 0
    quickest_weeks: int = 0
    past_the_calendar: bool = False  # the dates would run past the year 9999

    @property
    def ready(self):
        return bool(self.methods) and not self.given.refused

    @property
    def dated(self):
        return self.ready and self.given.start is not None and not self.past_the_calendar

    @property
    def heading(self):
        if not self.ready:
            return "Plan an engagement"
        return ", then ".join(method.title for method in self.methods)

    def entries(self):
        for method_plan in self.method_plans:
            for entry in method_plan.entries:
                yield method_plan.method, entry
        for entry in self.follow_up:
            yield None, entry


def resolve_methods(plan_input, methods_queryset):
    """Live, public guides for the slugs asked for, in the reader's order; notes for the rest."""
    wanted = [slug for slug in plan_input.slugs if slug_unicode_re.match(slug)]
    found = {method.slug: method for method in methods_queryset.filter(slug__in=wanted)}
    methods, notes = [], []
    for slug in plan_input.slugs:
        if slug in found:
            methods.append(found[slug])
        else:
            notes.append(f"We couldn't find a method called “{echo(slug)}”, so it was left out.")
    return methods[:MAX_METHODS], notes


def principle_links(methods, request):
    from .models import MethodPrincipleLink  # models import this module

    links = (
        MethodPrincipleLink.objects.filter(page__in=[method.pk for method in methods])
        .select_related("principle")
        .defer("principle__body")
    )
    return visible_links(links, "principle", request)


def people_note(method, people):
    """A note when the reader's number of people is outside the guide's usual range."""
    fewest, most = method.participants_min, method.participants_max
    if people is None or not ((fewest and people < fewest) or (most and people > most)):
        return None
    if fewest and most:
        usual = f"{fewest:,} to {most:,}"
    else:
        usual = f"at least {fewest:,}" if fewest else f"up to {most:,}"
    return (
        f"The guide says {method.title} usually involves {usual} people; "
        f"you are planning for {people:,}."
    )


def plan_method(method, people):
    method_plan = MethodPlan(method, entries=guide_steps(method), avoid=avoid_points(method))
    if not method_plan.entries:
        method_plan.notes.append("This guide has no steps yet, so the plan has no dates for it.")
    elif any(entry.undated for entry in method_plan.entries):
        method_plan.notes.append(
            "Some steps have no times in weeks in the guide yet: each is placed on the next "
            "free day and given no time of its own. Allow time for them."
        )
    if note := people_note(method, people):
        method_plan.notes.append(note)
    method_plan.cost_groups = cost_groups(method, people)
    return method_plan


def date_everything(plan, planned_end, quickest_end):
    start = plan.given.start
    try:
        for _method, entry in plan.entries():
            entry.start = start + timedelta(days=entry.offset)
            entry.end = start + timedelta(days=entry.last_offset)
        if plan.follow_up:
            plan.planned_end = start + timedelta(days=planned_end)
            plan.quickest_end = start + timedelta(days=quickest_end)
    except OverflowError:  # thousands of steps: no real guide has that many
        for _method, entry in plan.entries():
            entry.start = entry.end = None
        plan.planned_end = plan.quickest_end = None
        plan.past_the_calendar = True
        plan.notes.append("These guides' steps run past the calendar's end, so they are undated.")


def build_plan(request, methods_queryset, today=None):
    today = today or timezone.localdate()
    given = parse_input(request.GET, today)
    plan = Plan(given)
    plan.methods, notes = resolve_methods(given, methods_queryset)
    plan.notes = given.notes + notes
    plan.budget.budget = given.budget
    if not plan.ready:
        return plan
    for method in plan.methods:
        method_plan = plan_method(method, given.people)
        add_up(plan.budget, method_plan.cost_groups)
        plan.method_plans.append(method_plan)
    planned_end, quickest_end = lay_out(plan.method_plans)
    if any(mp.entries for mp in plan.method_plans):
        plan.follow_up = [
            Entry(
                "Feed back to participants what changed, and why",
                kind="milestone",
                offset=planned_end + FEEDBACK_AFTER_DAYS,
                last_offset=planned_end + FEEDBACK_AFTER_DAYS,
                note="Within twelve weeks of the last step: what the decision-makers did "
                "with what people said, including what they chose not to do and why.",
            )
        ]
        plan.planned_weeks = (planned_end + 7) // 7
        plan.quickest_weeks = (quickest_end + 7) // 7
    plan.supports, plan.risks = principle_checks(
        principle_links(plan.methods, request), plan.methods
    )
    if given.start is not None:
        date_everything(plan, planned_end, quickest_end)
    return plan


# ---------- Responses ----------


def plan_response(page, request, methods_queryset):
    """The plan as a page: the form, and the plan once there is a method to plan."""
    today = timezone.localdate()
    plan = build_plan(request, methods_queryset, today)
    earliest, latest = date_window(today)
    everything = {m.slug: m for m in methods_queryset.order_by("title").only("title", "slug")}
    checked = [slug for slug in plan.given.slugs if slug in everything]
    # Ticked methods first, in the plan's order, so sending the form again keeps it.
    choices = [everything[slug] for slug in checked]
    choices += [m for slug, m in everything.items() if slug not in checked]
    title = f"Engagement plan: {plan.heading}" if plan.ready else plan.heading
    context = {
        **Page.get_context(page, request),
        "plan": plan,
        "given": plan.given,
        "choices": choices,
        "checked": checked,
        "calendar_query": plan.given.query(),  # the page offers it only for a dated plan
        "page_title": title,
        "meta_description": "A dated timeline, budget and checklist for "
        f"{plan.heading if plan.ready else 'an engagement method'}, "
        "made from the method guides.",
        "noindex": True,
        "max_methods": MAX_METHODS,
        "max_people": MAX_PEOPLE,
        "max_budget": MAX_BUDGET,
        "date_min": earliest,
        "date_max": latest,
        "summary_weeks": SUMMARY_AFTER_DAYS // 7,
        "feedback_weeks": FEEDBACK_AFTER_DAYS // 7,
    }
    response = TemplateResponse(request, "engagement/plan.html", context)
    # Every combination of parameters is a page: keep them out of search engines.
    response["X-Robots-Tag"] = "noindex"
    return response


def calendar_uid_base(plan):
    key = "|".join([*(m.slug for m in plan.methods), plan.given.start.isoformat()])
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def calendar_events(plan, request, plan_url):
    base = calendar_uid_base(plan)
    host, _port = split_domain_port(request.get_host())
    events = []
    for n, (method, entry) in enumerate(plan.entries(), start=1):
        if entry.kind == "step" and entry.undated:
            continue
        summary = f"{method.title}: {entry.title}" if method is not None else entry.title
        details = []
        if entry.who:
            details.append(f"Who: {entry.who}")
        if entry.kind == "step":
            details.append(f"Planned length: {entry.planned_length}")
            if entry.duration:
                details.append(f"The guide says: {entry.duration}")
        if entry.note:
            details.append(entry.note)
        details.append(f"The whole plan: {plan_url}")
        events.append(
            ics.AllDayEvent(
                uid=f"{base}-{n}@{host}",
                summary=summary,
                first_day=entry.start,
                last_day=entry.end,
                description="\n".join(details),
                url=plan_url,
            )
        )
    return events


def calendar_response(page, request, methods_queryset):
    """The plan's steps and milestones as an iCalendar file; without a complete plan, the
    plan page, which says what is missing."""
    plan = build_plan(request, methods_queryset)
    plan_path = page.get_url(request) + "plan/"
    if not plan.dated:
        query = request.GET.urlencode()
        return HttpResponseRedirect(plan_path + (f"?{query}" if query else ""))
    plan_url = request.build_absolute_uri(f"{plan_path}?{plan.given.query()}")
    stamps = [m.last_published_at for m in plan.methods if m.last_published_at]
    text = ics.calendar(
        calendar_events(plan, request, plan_url),
        name=f"Engagement plan: {plan.heading}",
        prodid="-//Engaging Communities//Engagement plan//EN",
        stamp=max(stamps) if stamps else timezone.now(),
    )
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    filename = f"engagement-plan-{plan.given.start.isoformat()}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response
