"""A small iCalendar (RFC 5545) writer for all-day events: just what the engagement
plan's calendar needs.

Why not a library: the plan's calendar is one fixed shape (all-day events with a
summary, a description and a link), and the parts of RFC 5545 that shape needs are
a few lines each: CRLF line endings, lines folded at 75 octets without splitting a
character (§3.1), TEXT escaping of backslashes, semicolons, commas and newlines
(§3.3.11), DATE values (§3.3.4) and a UTC DTSTAMP (§3.8.7.2). The tests parse every
file back with the `icalendar` package, so a mistake here fails there, while the
site itself needs no extra dependency at run time."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

CRLF = "\r\n"
MAX_LINE_OCTETS = 75


@dataclass
class AllDayEvent:
    uid: str
    summary: str
    first_day: date
    last_day: date  # inclusive: the event covers first_day to last_day
    description: str = ""
    url: str = ""


def escape_text(value):
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped,
    other control characters dropped."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if ch == "\n" or ch == "\t" or ch.isprintable())
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """Split a content line into lines of at most 75 octets, each continuation starting
    with a space (RFC 5545 §3.1), never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        # Continuation lines start with a space, which counts towards their 75 octets.
        limit = MAX_LINE_OCTETS if not parts else MAX_LINE_OCTETS - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += ch
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def date_value(day):
    return day.strftime("%Y%m%d")


def utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(events, *, name, prodid, stamp):
    """The calendar as text. `stamp` (an aware datetime) is every event's DTSTAMP: when
    the information it comes from last changed, so the same plan gives the same file."""
    if not isinstance(stamp, datetime) or stamp.tzinfo is None:
        raise ValueError("DTSTAMP needs an aware datetime")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{utc_stamp(stamp)}",
            f"DTSTART;VALUE=DATE:{date_value(event.first_day)}",
            # DTEND is exclusive: the day after the last day.
            f"DTEND;VALUE=DATE:{date_value(event.last_day + timedelta(days=1))}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        # Weeks-long steps should not mark anyone as busy.
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
