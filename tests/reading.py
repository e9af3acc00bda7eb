"""Reading a page as a reader does, for tests that check its exact words."""

import re
from html import unescape

NOTICE = re.compile(r'<p class="notice" role="status">([^<]*)</p>')


def notices(html):
    """The notes a listing shows above its items (a page number it could not honour, a
    filter with nothing in it), as plain text, in order."""
    return [unescape(note) for note in NOTICE.findall(html)]
