"""Hand-built reports for the glossary tests (no tests here; the other files import it).

The real seeds are used as well once ``generator.ingest.load_reports`` works.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import CuratedEntry, SiteConfig, SiteSettings
from generator.model import GlossaryEntry, Paragraph, Region, Report, Section


def make_report(slug: str, sections: dict[str, list[str]], entries: list[tuple[str, str]] = (),
                region: str = "鄂托克旗", year: int = 2024, preamble: list[str] = (),
                level: str = "county") -> Report:
    """``sections`` maps a title to its paragraph texts; ``entries`` are (term, definition)."""
    report = Report(source=f"{slug}.txt", slug=slug, region=Region(region, level), year=year)
    report.preamble = [Paragraph(text, f"p0-{i}", 1) for i, text in enumerate(preamble, 1)]
    for n, (title, texts) in enumerate(sections.items(), 1):
        section = Section(title, 1, f"s{n}", n * 10)
        section.paragraphs = [Paragraph(text, f"p{n}-{i}", n * 10 + i) for i, text in enumerate(texts, 1)]
        report.sections.append(section)
    if entries:
        section = Section("《政府工作报告》有关名词解释", 1, "mingci-jieshi", 900, kind="glossary")
        section.entries = [GlossaryEntry(term, text, f"mc-{i}", 900 + i)
                           for i, (term, text) in enumerate(entries, 1)]
        report.sections.append(section)
    return report


def make_config(entries: list[tuple] = (), policy: str = "section") -> SiteConfig:
    """``entries``: (term, definition, aliases[, category]) curated entries."""
    curated = [CuratedEntry(e[0], e[1], "测试来源（2024）", list(e[2]), e[3] if len(e) > 3 else "", i)
               for i, e in enumerate(entries, 1)]
    return SiteConfig(Path("."), SiteSettings(link_policy=policy), [], {}, [], curated)
