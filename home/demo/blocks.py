"""Small helpers for writing StreamField content as readable Python.

Each helper returns one block in Wagtail's raw JSON shape ({"type": ..., "value": ...}).
Pages that do not exist yet are named with `Ref("method", "citizens-assembly")`, and
rich text may contain `[[method:citizens-assembly|link text]]`; `resolve()` swaps both
for real page ids once the pages have been created.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """A page named by kind ("method", "principle", "essay", "page") and slug."""

    kind: str
    slug: str


_LINK = re.compile(r"\[\[(\w+):([\w-]+)\|([^\]]+)\]\]")


def html(*paragraphs):
    """Paragraphs (plain strings) as rich text; a string starting with '<' is kept as is."""
    return "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def para(*paragraphs):
    return {"type": "paragraph", "value": html(*paragraphs)}


def quote(text, attribution="", source="", source_url=""):
    return {
        "type": "quote",
        "value": {
            "quote": text,
            "attribution": attribution,
            "source": source,
            "source_url": source_url,
        },
    }


def callout(text, title="", kind="note"):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html(text)}}


def key_points(*points, title="Key points"):
    return {"type": "key_points", "value": {"title": title, "points": list(points)}}


def method_card(slug, note=""):
    return {"type": "method_card", "value": {"method": Ref("method", slug), "note": note}}


def references(*refs, title="References"):
    """Each reference is a citation string or a (citation, url) pair."""
    items = []
    for ref in refs:
        citation, url = (ref, "") if isinstance(ref, str) else ref
        items.append({"citation": citation, "url": url, "accessed": None})
    return {"type": "references", "value": {"title": title, "references": items}}


def faq(question, answer):
    return {"type": "faq", "value": {"question": question, "answer": html(answer)}}


def call_to_action(title, text, page, button_text="Find out more"):
    value = {"title": title, "text": text, "page": page, "url": "", "button_text": button_text}
    return {"type": "call_to_action", "value": value}


# Method guide blocks -------------------------------------------------------------


def when_to_use(use_when, avoid_when):
    return {
        "type": "when_to_use",
        "value": {"use_when": list(use_when), "avoid_when": list(avoid_when)},
    }


def steps(*items, title="How it works"):
    """Each step is (title, what happens, who, how long in words, (shortest, longest)
    in weeks): the weeks date engagement plans; a decimal is part of a week (0.3 is two
    days) and 0 a few hours."""
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [
                {
                    "title": t,
                    "what_happens": html(what),
                    "who": who,
                    "duration": duration,
                    # As the editor's form stores them: decimals as text.
                    "min_weeks": str(low),
                    "max_weeks": str(high),
                }
                for t, what, who, duration, (low, high) in items
            ],
        },
    }


def strengths_limitations(strengths, limitations):
    return {
        "type": "strengths_limitations",
        "value": {"strengths": list(strengths), "limitations": list(limitations)},
    }


def case_study(title, place, year, outcome, **extra):
    """Optional keywords: commissioner, question, people_involved, level_achieved,
    source, source_url."""
    value = {
        "title": title,
        "place": place,
        "year": year,
        "commissioner": "",
        "question": "",
        "people_involved": "",
        "level_achieved": "",
        "outcome": html(outcome),
        "source": "",
        "source_url": "",
    }
    unknown = set(extra) - set(value)
    if unknown:
        raise TypeError(f"Unknown case study fields: {sorted(unknown)}")
    value.update(extra)
    return {"type": "case_study", "value": value}


def per_person(item, low, high, note=""):
    """A cost line whose figures are for each participant (plans multiply them)."""
    return {"item": item, "low": low, "high": high, "per_person": True, "note": note}


def cost_breakdown(*lines, note="", caption="Where the money goes"):
    """Each line is (item, low, high), (item, low, high, note), or `per_person(...)`."""
    rows = []
    for line in lines:
        if isinstance(line, dict):
            rows.append(line)
            continue
        item, low, high, *rest = line
        rows.append(
            {
                "item": item,
                "low": low,
                "high": high,
                "per_person": False,
                "note": rest[0] if rest else "",
            }
        )
    return {"type": "cost_breakdown", "value": {"caption": caption, "lines": rows, "note": note}}


# Principle blocks ----------------------------------------------------------------


def indicators(*items, title="You'll know it's working when…"):
    return {"type": "indicators", "value": {"title": title, "items": list(items)}}


def questions(*items, title="Questions to ask"):
    return {"type": "questions", "value": {"title": title, "items": list(items)}}


def barriers_enablers(barriers, enablers):
    return {
        "type": "barriers_enablers",
        "value": {"barriers": list(barriers), "enablers": list(enablers)},
    }


def practice_example(title, text, organisation="", source_url=""):
    return {
        "type": "practice_example",
        "value": {
            "title": title,
            "organisation": organisation,
            "text": html(text),
            "source_url": source_url,
        },
    }


# Resolving references to pages ---------------------------------------------------


def resolve(data, page_ids):
    """A copy of `data` with every Ref and [[kind:slug|text]] link turned into page ids.

    `page_ids` maps (kind, slug) to a page id; an unknown name raises KeyError, so a
    typo in the content fails loudly instead of producing a dead link.
    """
    if isinstance(data, Ref):
        return page_ids[(data.kind, data.slug)]
    if isinstance(data, str):
        return _LINK.sub(
            lambda m: f'<a linktype="page" id="{page_ids[(m[1], m[2])]}">{m[3]}</a>', data
        )
    if isinstance(data, dict):
        return {key: resolve(value, page_ids) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [resolve(item, page_ids) for item in data]
    return data


def linked_names(data):
    """Every (kind, slug) named in `data`, by Ref or by rich-text link."""
    found = set()
    if isinstance(data, Ref):
        found.add((data.kind, data.slug))
    elif isinstance(data, str):
        found.update((m[1], m[2]) for m in _LINK.finditer(data))
    elif isinstance(data, dict):
        for value in data.values():
            found |= linked_names(value)
    elif isinstance(data, list | tuple):
        for item in data:
            found |= linked_names(item)
    return found
