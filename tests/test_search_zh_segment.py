"""zh_segment: the query cut the way Pagefind's extended indexer cut the pages."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from generator.site.search import zh_segment
from generator.site.search.zh_segment import segment

# (text, the words Pagefind 1.5.2 indexed it as): charabia runs jieba-rs without HMM, then
# cuts words of 3+ characters into dictionary bigrams/trigrams/characters.
KNOWN = {
    "营商环境": ["营商", "环境"],
    "三北工程": ["三北", "工程"],
    "新质生产力": ["新", "质", "生产", "力"],  # jieba: 新/质/生产力, then 生产力 -> 生产 力
    "高质量发展": ["高质", "量", "发展"],  # jieba: 高质量/发展; 高质 is a dictionary word
    "黄河流域生态保护": ["黄河", "流域", "生态", "保护"],
    "内蒙古自治区": ["内蒙", "古", "自治", "区"],
    "2024年": ["2024", "年"],
}


@pytest.mark.parametrize("text", sorted(KNOWN))
def test_known_cuts(text):
    assert segment(text) == KNOWN[text]


def test_punctuation_and_spaces_separate():
    assert segment("“三北”工程，5G 网络") == ["三北", "工程", "5g", "网络"]


def test_dictionary_is_jieba_rs_dictionary():
    freq, total = zh_segment.dictionary()
    # jieba-rs 0.8.1 embeds jieba's dict.txt without its one repeated line (B超): 349,045
    # words, total frequency 60,101,964 (read from the binary Pagefind 1.5.2 ships).
    assert len(freq) == 349045 and total == 60101964 and freq["营商"] > 0


def test_shards_hold_every_word_once(tmp_path):
    written = zh_segment.write_shards(tmp_path)
    files = sorted((tmp_path / zh_segment.DICT_DIR).glob("*.txt"))
    assert len(files) == zh_segment.SHARDS and written == sum(f.stat().st_size for f in files)
    freq, total = zh_segment.dictionary()
    shard = (tmp_path / zh_segment.DICT_DIR / f"{zh_segment.shard_of('营商')}.txt").read_text(encoding="utf-8")
    lines = shard.splitlines()
    assert lines[0] == str(total) and f"营商 {freq['营商']}" in lines
    # Each fetch stays small: a query of n characters fetches at most 2n − 1 shards, of
    # about 1.5 kB on average (keyed by the first character alone, 一… was 55 kB).
    sizes = sorted(f.stat().st_size for f in files)
    assert sum(sizes) / len(sizes) < 2_500 and sizes[-1] < 16_000, (sum(sizes) / len(sizes), sizes[-1])
    # every word is in the shard of its first two characters
    assert zh_segment.shard_of("营商") == (ord("营") * zh_segment.PAIR + ord("商")) % zh_segment.SHARDS
    assert zh_segment.shard_of("营") == ord("营") % zh_segment.SHARDS


def test_segment_matches_a_pagefind_index(tmp_path):
    """Against Pagefind itself: index a page, read back the words it stored (the fragment
    keeps them apart with zero-width spaces) and cut the same runs with segment()."""
    from generator.site.search import pagefind

    if not pagefind.pagefind_available() or not pagefind.extended_available():
        pytest.skip("Pagefind (extended) is not installed: pip install -e '.[pagefind]'")
    from conftest import SEED_FILES

    text = SEED_FILES["neimenggu"].read_text(encoding="utf-8")
    paras = "".join(f"<p>{line}</p>" for line in text.splitlines()[:400] if line.strip())
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f'<html lang="zh"><body data-pagefind-body>{paras}</body></html>',
                                     encoding="utf-8")
    pagefind.index_site(site)
    raw = gzip.decompress(next((site / "pagefind" / "fragment").glob("*.pf_fragment")).read_bytes())
    content = json.loads(raw[raw.index(b"{"):])["content"]
    runs = [r for r in re.split(r"[^\u4e00-\u9fff\u200b]+", content) if "\u200b" in r]
    assert len(runs) > 200
    for run in runs:
        words = [w for w in run.split("\u200b") if w]
        assert segment("".join(words)) == words, run
