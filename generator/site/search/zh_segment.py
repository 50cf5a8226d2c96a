"""Segment a Chinese query the way Pagefind segmented the pages it indexed.

Pagefind's extended binary (1.5.x) cuts Chinese with charabia 0.9, which runs jieba-rs
(``cut``, HMM off) on each run of text between separators and then cuts every word of
more than two characters again, greedily, into dictionary bigrams, trigrams or single
characters (charabia ``segmenter/chinese.rs``: ``cut_for_search``). The browser, though,
cuts the query with ``Intl.Segmenter`` (ICU), which disagrees: 营商环境 is 营商 + 环境 in
the index and 营 + 商 + 环境 in Chromium, so ``营`` also matches 营口市, and an exact
phrase query finds nothing.

This module gives the browser the index's own dictionary: jieba's ``dict.txt`` (the
file jieba-rs 0.8.1 embeds, but for one line Python jieba 0.42 has twice), split into small shards by a
word's first two characters (its only one for a one-character word; ``shard_of``, ``SHARDS``
files under ``pagefind/zh-dict/``). ``assets/pagefind-search.js`` fetches the shards of the
query's characters and character pairs — every dictionary word that can be part of the
query starts with one of its pairs — (about 1.5 kB each) and runs the same two steps, so a query becomes the words the index holds, and a
Chinese query can be searched as an exact phrase. ``segment`` is the same algorithm in
Python, for tests and tools.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Keyed by a word's first character only, a 14-character query fetched 250 kB of shards
# (1,024 shards; 一… 55 kB): most words of a common character are not in the query.
SHARDS = 4096
PAIR = 65599  # shard of a word = (first code point × PAIR + second code point) % SHARDS
DICT_DIR = "zh-dict"  # under the Pagefind bundle folder
# The characters jieba keeps together in one block (jieba-rs RE_HAN_DEFAULT, BMP part).
_BLOCK = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFFa-zA-Z0-9+#&._%\-]+")
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")


def shard_of(word: str) -> int:
    """The shard holding ``word`` (assets/pagefind-search.js: ``shardOf``, the same rule)."""
    key = ord(word[0]) if len(word) == 1 else ord(word[0]) * PAIR + ord(word[1])
    return key % SHARDS


@lru_cache(maxsize=1)
def dictionary() -> tuple[dict[str, int], int]:
    """(word -> frequency, total frequency) of the dictionary Pagefind segments with."""
    text = (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")
    freq: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) >= 2:
            freq[parts[0]] = int(parts[1])  # as jieba-rs: a repeated word keeps its last frequency
    return freq, sum(freq.values())


def write_shards(bundle_dir: Path) -> int:
    """Write the dictionary shards into ``bundle_dir/zh-dict/``; return the bytes written.

    Each shard is ``total`` on its first line, then ``word freq`` lines.
    """
    freq, total = dictionary()
    shards: list[list[str]] = [[] for _ in range(SHARDS)]
    for word, f in freq.items():
        shards[shard_of(word)].append(f"{word} {f}")
    out = Path(bundle_dir) / DICT_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for i, lines in enumerate(shards):
        data = f"{total}\n" + "\n".join(lines) + "\n"
        (out / f"{i}.txt").write_text(data, encoding="utf-8")
        written += len(data.encode("utf-8"))
    return written


def _jieba_cut(block: str, freq: dict[str, int], logtotal: float) -> list[str]:
    """jieba-rs ``cut_dag_no_hmm`` on one block."""
    n = len(block)
    dag = []
    for k in range(n):
        ends = [j for j in range(k + 1, n + 1) if block[k:j] in freq]
        dag.append(ends or [k + 1])
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for k in range(n - 1, -1, -1):
        route[k] = max((math.log(freq.get(block[k:j], 1)) - logtotal + route[j][0], j) for j in dag[k])
    words, x, left = [], 0, None
    while x < n:
        y = route[x][1]
        piece = block[x:y]
        if len(piece) == 1 and piece.isascii() and piece.isalnum():
            left = x if left is None else left
        else:
            if left is not None:
                words.append(block[left:x])
                left = None
            words.append(piece)
        x = y
    if left is not None:
        words.append(block[left:])
    return words


def _cut_for_search(word: str, freq: dict[str, int]) -> list[str]:
    """charabia's second cut of a word longer than two characters."""
    if len(word) <= 2 or (word.isascii() and word.isalnum()):
        return [word]
    out, i = [], 0
    while i < len(word):
        for size in (2, 3):
            piece = word[i:i + size]
            if len(piece) == size and piece in freq:
                out.append(piece)
                i += size
                break
        else:
            out.append(word[i])
            i += 1
    return out


def segment(text: str) -> list[str]:
    """The index words of ``text`` (lower-cased), as Pagefind's extended indexer cuts them.

    Only runs of Han characters and ASCII letters/digits give words; everything else
    separates them (charabia's separators are punctuation and spaces).
    """
    freq, total = dictionary()
    logtotal = math.log(total)
    words: list[str] = []
    for block in _BLOCK.findall(text):
        for piece in re.split(r"[._%&#+\-]+", block):  # charabia separators inside jieba's block
            if not piece:
                continue
            for word in _jieba_cut(piece, freq, logtotal):
                words.extend(w.lower() for w in _cut_for_search(word, freq))
    return words


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))
