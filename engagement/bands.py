"""Participant-number bands for filtering, computed from a method's numbers.

Bands are contiguous (no gap between 20 and 50, unlike some catalogues), so every
group size falls in exactly one band. A method matches every band its range
overlaps; a method with no numbers (open to anyone) matches them all."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    slug: str
    label: str
    low: int
    high: int | None  # None: no upper limit


BANDS = [
    Band("up-to-15", "Up to 15 people", 1, 15),
    Band("16-50", "16 to 50 people", 16, 50),
    Band("51-250", "51 to 250 people", 51, 250),
    Band("251-1000", "251 to 1,000 people", 251, 1000),
    Band("over-1000", "More than 1,000 people", 1001, None),
]
BANDS_BY_SLUG = {band.slug: band for band in BANDS}
