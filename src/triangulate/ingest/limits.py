"""Every bound that reading a source observes, in one place.

A source over a limit fails by name with the limit in its reason ("text too long (N characters;
the limit is M)"), except an HTML page over the element or size limit for the main-text
extractor: it is read with a cheap extraction instead.  Text is never truncated: a document
that is only part of its source would be analysed as if it were the whole.
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
"""A file or a download larger than this is refused."""

MAX_RAW_TEXT_CHARS = 2_000_000
"""Text before cleaning (boilerplate included): refused above this before cleaning starts."""

MAX_TEXT_CHARS = 1_000_000
"""Cleaned text of one document (a long news feature has about 50,000 characters)."""

MAX_HTML_ELEMENTS = 25_000
"""Elements handed to trafilatura (a heavy news page has about 5,000; 25,000 take 3 s)."""

MAX_HTML_CHARS = 3_000_000
"""Characters of HTML handed to trafilatura."""

MAX_PDF_PAGES = 300
MAX_PDF_PAGE_CHARS = 20_000
"""Characters drawn on one PDF page (a dense page of small print has about 10,000).  pdfminer's
layout grows with the square of the lines drawn over one another: 20,000 characters drawn on
one spot take about 8 s."""

MAX_PDF_INFLATED_BYTES = 100 * 1024 * 1024
"""PDF streams other than images, once inflated (content streams, fonts, forms), all together."""

MAX_ZIP_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000

MAX_COMPRESSION_RATIO = 100
COMPRESSION_RATIO_FLOOR_BYTES = 1024 * 1024
"""A ZIP or PDF that inflates to more than the floor is refused above the ratio (a bomb)."""

MAX_FEED_PROLOG_CHARS = 65_536
"""What may come before a feed's root element (XML declaration, comments, DOCTYPE)."""

EARLIEST_PUBLISHED_YEAR = 1800
LATEST_PUBLISHED_DAYS_AHEAD = 1
"""A publication date after today plus this many days is not believed (time zones)."""
