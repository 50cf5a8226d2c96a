"""Gather definitions from both sources and merge them into one Term per key.

Sources:

- official: every entry of a report's own 名词解释 (``Report.glossary``);
- curated: ``site_config/glossary.yaml`` (``SiteConfig.glossary``).

Entries merge on the normalized key (``normalize``); a curated alias also merges an
official entry spelled that way into the curated term. Definitions are ordered
official first (by year, region level, report slug, entry order), then curated (file order).
"""

from __future__ import annotations

import unicodedata
from typing import Optional

from ..config import CuratedEntry, Topic
from ..model import REGION_LEVELS, Definition, Report, Term
from ..pinyin import Style, ascii_fold, keep, lazy_pinyin, pinyin_slug
from ..text import HAN_RE, unique_name
from .categories import assign_categories
from .normalize import normalize, strip_quotes


# --------------------------------------------------------------------------- pinyin


def slug_of(headword: str) -> str:
    """``三北工程`` -> ``san-bei-gong-cheng``; non-Han characters ASCII-folded."""
    return pinyin_slug(headword, "term")


def pinyin_of(headword: str) -> str:
    """Tone-marked pinyin, one syllable per Han character: ``sān běi gōng chéng``."""
    out = []
    for piece in lazy_pinyin(headword, style=Style.TONE, errors=keep):
        if HAN_RE.search(piece) is None and piece.strip():
            cleaned = "".join(c for c in unicodedata.normalize("NFKC", piece) if c.isalnum())
            if cleaned:
                out.append(cleaned)
        elif piece.strip():
            out.append(piece)
    return " ".join(out)


def sort_key(term: Term) -> tuple:
    """Pinyin order (tone number breaks ties), then the headword itself."""
    syllables = lazy_pinyin(term.headword, style=Style.TONE3, errors=ascii_fold)
    return (tuple(s for s in syllables if s), term.headword, term.key)


# --------------------------------------------------------------------------- labels


def official_label(report: Report) -> str:
    """How readers see an official definition's source: 鄂托克旗 2024年政府工作报告 名词解释."""
    return f"{report.full_title(' ')} 名词解释"


def _report_order(report: Report) -> tuple:
    """Older reports first; within a year the higher region level (province) first."""
    level = report.region.level if report.region else ""
    rank = REGION_LEVELS.index(level) if level in REGION_LEVELS else len(REGION_LEVELS)
    return (report.year or 0, rank, report.slug)


# --------------------------------------------------------------------------- merge


def collect_terms(reports: list[Report], curated: list[CuratedEntry],
                  categories: Optional[dict[str, str]] = None, topics: Optional[list[Topic]] = None) -> dict[str, Term]:
    """Every term from the curated file and the reports' 名词解释, merged by key; categories
    by the rules of ``categories`` (generator/glossary/categories.py)."""
    terms: dict[str, Term] = {}
    alias_to_key: dict[str, str] = {}
    curated_defs: dict[str, list[Definition]] = {}

    for entry in curated:
        key = normalize(entry.term)
        if not key:
            continue
        term = terms.get(key)
        if term is None:
            term = terms[key] = Term(key=key, headword=entry.term.strip(), slug="", pinyin="",
                                     category=entry.category)
        elif not term.category:
            term.category = entry.category
        if entry.short and not term.curated_short:
            term.curated_short = entry.short
        for alias in entry.aliases:
            norm = normalize(alias)
            if norm and norm != key and alias not in term.aliases:
                term.aliases.append(alias)
            if norm and norm != key:
                alias_to_key.setdefault(norm, key)
        curated_defs.setdefault(key, []).append(Definition(
            text=entry.definition, origin="curated", source=entry.source, config_line=entry.line))

    official_defs: dict[str, list[Definition]] = {}
    for report in sorted(reports, key=_report_order):
        for found in report.glossary:
            norm = normalize(found.term)
            text = found.definition.strip()
            if not norm or not text:
                continue
            key = norm if norm in terms else alias_to_key.get(norm, norm)
            if key not in terms:
                terms[key] = Term(key=key, headword=strip_quotes(found.term), slug="", pinyin="")
            official_defs.setdefault(key, []).append(Definition(
                text=text, origin="official", source=official_label(report), report_slug=report.slug,
                anchor=found.anchor, term_as_written=found.term, region=report.region_name,
                year=report.year))

    for key, term in terms.items():
        term.definitions = official_defs.get(key, []) + curated_defs.get(key, [])
        term.pinyin = pinyin_of(term.headword)
    assign_categories(terms, categories or {}, topics or [])
    assign_slugs(terms)
    return terms


def assign_slugs(terms: dict[str, Term]) -> None:
    """Pinyin slugs, unique: on a collision the keys in sorted order get -2, -3 …
    (a slug some headword spells by itself is never given to another term)."""
    by_base: dict[str, list[str]] = {}
    for key, term in terms.items():
        by_base.setdefault(slug_of(term.headword), []).append(key)
    taken = set(by_base)
    counters: dict[str, int] = {}
    for base in sorted(by_base):
        first, *rest = sorted(by_base[base])
        terms[first].slug = base
        for key in rest:
            terms[key].slug = unique_name(base, taken, counters)


def surface_map(terms: dict[str, Term]) -> dict[str, str]:
    """Every spelling that links to a term: key, headword, aliases, official spellings."""
    out: dict[str, str] = {}
    for key in sorted(terms):  # a term's own spellings first: they beat another term's alias
        out.setdefault(key, key)
        out.setdefault(terms[key].headword, key)
    for key in sorted(terms):
        term = terms[key]
        for form in [*term.aliases, *(d.term_as_written for d in term.definitions if d.term_as_written)]:
            out.setdefault(form, key)
    return out
