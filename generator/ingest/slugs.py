"""Report slugs: URL-safe ASCII ids derived from the file name.

- ASCII file names are lowercased, runs of other characters become ``-``:
  ``2024-etuoke-qi.txt`` → ``2024-etuoke-qi``;
- Chinese is spelled in pinyin (no tones) and a four-digit year moves to the front:
  ``内蒙古自治区_2010.md`` → ``2010-nei-meng-gu-zi-zhi-qu``;
- ``site_config/reports.yaml`` may set ``slug`` for a file; it wins.

Uniqueness across a set of reports is ``unique_slugs``' job.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..pinyin import lazy_pinyin

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def text_slug(text: str) -> str:
    """ASCII slug of any text (Chinese spelled in pinyin)."""
    spelled = _HAN_RUN.sub(lambda m: " " + " ".join(lazy_pinyin(m.group(0))) + " ", text)
    words = [w for w in _NON_SLUG.split(spelled.lower()) if w]
    year = next((i for i, w in enumerate(words) if _YEAR.match(w)), None)
    if _HAN_RUN.search(text) and year:
        words.insert(0, words.pop(year))
    return "-".join(words) or "report"


def file_slug(source: str, config=None) -> str:
    name = Path(source).name
    override = (getattr(config, "reports", None) or {}).get(name)
    if override is not None and override.fields.get("slug"):
        return text_slug(str(override.fields["slug"]))
    return text_slug(Path(source).stem)
