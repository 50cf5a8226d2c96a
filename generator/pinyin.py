"""pypinyin, with the few readings it gets wrong for names this site uses.

Every module that spells Chinese in pinyin (addresses, sort keys, letter groups)
imports ``lazy_pinyin`` and ``Style`` from here, so a correction applies everywhere.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin, load_phrases_dict

# pypinyin reads 勒 as "lei" (勒紧); in Mongolian place names it is "lè".
load_phrases_dict({
    "锡林郭勒": [["xī"], ["lín"], ["guō"], ["lè"]],
    "郭勒": [["guō"], ["lè"]],
})

__all__ = ["Style", "lazy_pinyin"]
