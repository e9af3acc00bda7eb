"""The plan's iCalendar writer (engagement/ics.py), line by line: calendar apps read
these exact properties, so the whole file is checked, not just what a parser accepts."""

import datetime

import pytest

from engagement import ics

# In summer, so that a stamp left in London time (UTC+1) would differ from UTC.
STAMP = datetime.datetime(
    2027, 7, 2, 4, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=3))
)


def test_a_calendar_of_two_all_day_events_line_by_line():
    events = [
        ics.AllDayEvent(
            uid="one@example.org",
            summary="Frame, the charge",
            first_day=datetime.date(2027, 3, 1),
            last_day=datetime.date(2027, 3, 31),
            description="Who: you; when: now",
            url="https://example.org/plan/?m=a&start=2027-03-01",
        ),
        ics.AllDayEvent(
            uid="two@example.org",
            summary="Feed back",
            first_day=datetime.date(2027, 12, 31),
            last_day=datetime.date(2027, 12, 31),
        ),
    ]
    text = ics.calendar(events, name="Plan; draft", prodid="-//Example//Plan//EN", stamp=STAMP)
    assert text.split("\r\n") == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Example//Plan//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Plan\\; draft",
        "BEGIN:VEVENT",
        "UID:one@example.org",
        "DTSTAMP:20270702T010506Z",
        "DTSTART;VALUE=DATE:20270301",
        "DTEND;VALUE=DATE:20270401",
        "SUMMARY:Frame\\, the charge",
        "DESCRIPTION:Who: you\\; when: now",
        "URL:https://example.org/plan/?m=a&start=2027-03-01",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:two@example.org",
        "DTSTAMP:20270702T010506Z",
        "DTSTART;VALUE=DATE:20271231",
        "DTEND;VALUE=DATE:20280101",
        "SUMMARY:Feed back",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]


def test_a_calendar_needs_an_aware_date_time_stamp():
    for stamp in (datetime.datetime(2027, 1, 1), datetime.date(2027, 1, 1)):
        with pytest.raises(ValueError, match="^DTSTAMP needs an aware datetime$"):
            ics.calendar([], name="x", prodid="x", stamp=stamp)


def test_text_keeps_tabs_turns_every_line_break_into_n_and_drops_other_controls():
    assert ics.escape_text("a\tb\rc\r\nd\ne\x07f\x1bg") == "a\tb\\nc\\nd\\ne" + "fg"
    assert ics.escape_text(12) == "12"


def test_lines_fold_at_exactly_75_octets_then_74_after_the_leading_space():
    line = "".join(str(n % 10) for n in range(75 + 74 + 10))
    assert ics.fold(line).split("\r\n") == [line[:75], " " + line[75:149], " " + line[149:]]
    assert ics.fold(line[:75]) == line[:75]
    assert ics.fold(line[:76]) == line[:75] + "\r\n " + line[75]


def test_a_character_is_never_split_across_folded_lines():
    line = "X" + "€" * 30  # 1 + 90 octets: 24 euros fit after the X, then 24 more
    assert ics.fold(line).split("\r\n") == ["X" + "€" * 24, " " + "€" * 6]
    line = "XY" + "€" * 30
    assert ics.fold(line).split("\r\n") == ["XY" + "€" * 24, " " + "€" * 6]
    line = "XYZ" + "€" * 60  # 75 octets, then 24 euros (72 octets) after each space
    assert ics.fold(line).split("\r\n") == ["XYZ" + "€" * 24, " " + "€" * 24, " " + "€" * 12]
