"""Report slugs: URL-safe ASCII ids derived from the file name.

- the words of ``generator.pinyin.slug_words``: letters and digits lowercased (accents
  and width folded), Chinese spelled in pinyin (no tones), anything else a ``-``:
  ``2024-etuoke-qi.txt`` → ``2024-etuoke-qi``;
- in a Chinese name a four-digit year moves to the front:
  ``内蒙古自治区_2010.md`` → ``2010-nei-meng-gu-zi-zhi-qu``;
- ``site_config/reports.yaml`` may set ``slug`` for a file; it wins.

Uniqueness across a set of reports is ``unique_slugs``' job.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..config import SiteConfig
from ..pinyin import slug_words
from ..text import HAN_RE

_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def text_slug(text: str) -> str:
    """ASCII slug of any text (``pinyin_slug``), a four-digit year moved to the front
    when the text is Chinese."""
    words = slug_words(text)
    year = next((i for i, w in enumerate(words) if _YEAR.match(w)), None)
    if HAN_RE.search(text) and year:
        words.insert(0, words.pop(year))
    return "-".join(words) or "report"


def file_slug(source: str, config: Optional[SiteConfig] = None) -> str:
    name = Path(source).name
    override = config.reports.get(name) if config is not None else None
    if override is not None and override.fields.get("slug"):
        return text_slug(str(override.fields["slug"]))
    return text_slug(Path(source).stem)
