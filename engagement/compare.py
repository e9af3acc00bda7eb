"""Side-by-side comparison of two to four methods, chosen by slug in `?m=`."""

from dataclasses import dataclass, field

from django.core.validators import slug_unicode_re

MAX_COMPARE = 4
MIN_COMPARE = 2


@dataclass
class Comparison:
    methods: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    refused: bool = False
    requested: list = field(default_factory=list)

    @property
    def ready(self):
        return not self.refused and len(self.methods) >= MIN_COMPARE


def build_comparison(query_dict, methods_queryset):
    """Resolve requested slugs to live methods, keeping the reader's order."""
    raw = [value.strip() for value in query_dict.getlist("m")[:50] if value.strip()]
    comparison = Comparison()
    seen = []
    for slug in raw:
        if slug in seen:
            comparison.notes.append(f"“{slug[:60]}” was listed twice; it is shown once.")
        else:
            seen.append(slug)
    comparison.requested = seen
    if len(seen) > MAX_COMPARE:
        comparison.refused = True
        comparison.notes.append(
            f"You can compare up to {MAX_COMPARE} methods at a time, and you chose {len(seen)}. "
            "Untick some and try again."
        )
        seen = seen[: MAX_COMPARE * 3]
    # Only well-formed slugs reach the database (PostgreSQL rejects e.g. NUL bytes).
    found = {
        m.slug: m
        for m in methods_queryset.filter(slug__in=[s for s in seen if slug_unicode_re.match(s)])
        .select_related("min_level", "max_level", "family")
        .prefetch_related("purposes")
    }
    for slug in seen:
        if slug in found:
            comparison.methods.append(found[slug])
        else:
            shown = "".join(ch for ch in slug[:60] if ch.isprintable())
            comparison.notes.append(
                f"We couldn't find a method called “{shown}”, so it was left out."
            )
    if comparison.refused:
        comparison.methods = comparison.methods[:MAX_COMPARE]
    return comparison
