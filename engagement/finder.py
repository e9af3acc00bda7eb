"""The method finder's filters: parse GET parameters leniently, filter methods, and
describe what is applied so readers can remove one filter or all of them.

Anything a reader cannot have meant (an unknown level, a page of 'abc', a budget of
'lots') is ignored and reported, never an error."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q

from site_project.taxonomy.models import EngagementLevel, Purpose, Topic

from .bands import BANDS, BANDS_BY_SLUG

BUDGET_CHOICES = [
    (1_000, "Up to £1,000"),
    (5_000, "Up to £5,000"),
    (20_000, "Up to £20,000"),
    (100_000, "Up to £100,000"),
    (250_000, "Up to £250,000"),
    (1_000_000, "Up to £1 million"),
]
WEEKS_CHOICES = [
    (2, "2 weeks or less"),
    (6, "Up to 6 weeks"),
    (12, "Up to 3 months"),
    (26, "Up to 6 months"),
    (52, "Up to a year"),
]
MAX_VALUES_PER_PARAM = 10


@dataclass
class Chip:
    label: str
    remove_url: str


class MethodFilters:
    """Reads the finder's GET parameters into clean choices and applies them."""

    params = ("level", "purpose", "topic", "people", "budget", "weeks")

    def __init__(self, query_dict):
        self.levels = list(EngagementLevel.objects.all())
        self.purposes = list(Purpose.objects.all())
        self.topics = list(Topic.objects.select_related("parent"))
        self.ignored = []
        self.level = self._one(query_dict, "level", {lv.slug: lv for lv in self.levels}, "level")
        purpose_map = {p.slug: p for p in self.purposes}
        self.selected_purposes = []
        for value in self._values(query_dict, "purpose"):
            if value in purpose_map:
                if purpose_map[value] not in self.selected_purposes:
                    self.selected_purposes.append(purpose_map[value])
            else:
                self.ignored.append(f"purpose “{value[:40]}”")
        self.topic = self._one(query_dict, "topic", {t.slug: t for t in self.topics}, "topic")
        self.band = self._one(query_dict, "people", BANDS_BY_SLUG, "group size")
        self.budget = self._one(
            query_dict, "budget", {str(v): v for v, _ in BUDGET_CHOICES}, "budget"
        )
        self.weeks = self._one(query_dict, "weeks", {str(v): v for v, _ in WEEKS_CHOICES}, "time")

    def _values(self, query_dict, name):
        values = [v.strip() for v in query_dict.getlist(name)[:MAX_VALUES_PER_PARAM]]
        return [v for v in values if v]

    def _one(self, query_dict, name, options, label):
        chosen = None
        for value in self._values(query_dict, name):
            if value in options and chosen is None:
                chosen = options[value]
            elif value not in options:
                self.ignored.append(f"{label} “{value[:40]}”")
        return chosen

    # -- applying -------------------------------------------------------------------------

    def apply(self, queryset, skip=(None, None)):
        """Filter `queryset`; `skip` is one (name, value) filter to leave out."""
        skip_name = skip[0]
        if self.level and skip_name != "level":
            queryset = queryset.filter(
                min_level__rank__lte=self.level.rank, max_level__rank__gte=self.level.rank
            )
        for purpose in self.selected_purposes:
            if skip != ("purpose", purpose.slug):
                queryset = queryset.filter(purposes=purpose)
        if self.topic and skip_name != "topic":
            family = [self.topic.pk] + [t.pk for t in self.topics if t.parent_id == self.topic.pk]
            queryset = queryset.filter(topics__in=family)
        if self.band and skip_name != "people":
            if self.band.high is not None:
                queryset = queryset.filter(
                    Q(participants_min__isnull=True) | Q(participants_min__lte=self.band.high)
                )
            queryset = queryset.filter(
                Q(participants_max__isnull=True) | Q(participants_max__gte=self.band.low)
            )
        if self.budget and skip_name != "budget":
            # A method fits if it can be done within the budget: its lowest figure, or
            # its only figure when just an upper one is published.
            queryset = queryset.filter(
                Q(cost_min__lte=self.budget) | Q(cost_min__isnull=True, cost_max__lte=self.budget)
            )
        if self.weeks and skip_name != "weeks":
            queryset = queryset.filter(min_weeks__lte=self.weeks)
        return queryset.distinct()

    # -- describing -----------------------------------------------------------------------

    @property
    def is_active(self):
        return bool(self.active_params())

    def active_params(self):
        """The applied filters as (name, value, label) triples, in form order."""
        active = []
        if self.level:
            active.append(("level", self.level.slug, f"Level: {self.level.name}"))
        for purpose in self.selected_purposes:
            active.append(("purpose", purpose.slug, f"Purpose: {purpose.name}"))
        if self.topic:
            active.append(("topic", self.topic.slug, f"Topic: {self.topic.name}"))
        if self.band:
            active.append(("people", self.band.slug, self.band.label))
        if self.budget:
            active.append(("budget", str(self.budget), dict(BUDGET_CHOICES)[self.budget]))
        if self.weeks:
            active.append(("weeks", str(self.weeks), f"Time: {dict(WEEKS_CHOICES)[self.weeks]}"))
        return active

    def querystring(self, without=None):
        pairs = [(n, v) for n, v, _ in self.active_params() if (n, v) != without]
        return urlencode(pairs)

    def chips(self, base_url):
        chips = []
        for name, value, label in self.active_params():
            query = self.querystring(without=(name, value))
            chips.append(Chip(label, f"{base_url}?{query}" if query else base_url))
        return chips

    def form_options(self):
        return {
            "levels": self.levels,
            "purposes": self.purposes,
            "topics": self.topics,
            "bands": BANDS,
            "budgets": BUDGET_CHOICES,
            "weeks": WEEKS_CHOICES,
        }

    def relaxations(self, queryset, base_url):
        """For an empty result: how many methods each single removal would bring back."""
        suggestions = []
        for name, value, label in self.active_params():
            count = self.apply(queryset, skip=(name, value)).count()
            if count:
                query = self.querystring(without=(name, value))
                suggestions.append((label, count, f"{base_url}?{query}" if query else base_url))
        return suggestions
