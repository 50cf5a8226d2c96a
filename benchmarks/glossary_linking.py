"""Benchmark: linking every report against glossaries of growing size.

    python benchmarks/glossary_linking.py [--sizes 100,1000,5000] [--repeat 3]

Reports: the shared corpus (../shared/corpus/nmg) when present, the seeds otherwise,
parsed with ``generator.ingest``; raw non-empty lines stand in for paragraphs when
ingest cannot be imported. Glossaries: the real candidate phrases of the corpus
(quoted phrases and numeral formulas) and generated numeral formulas (X个YZ from
common characters), deterministic for a given size, in two series:

- ``fixed``: the 100 most frequent real phrases in every glossary, the rest generated
  filler. The texts and the matches stay the same, only the glossary grows: this
  is the flatness measure (time must stay within ±20%).
- ``real``: as many real phrases as the size allows. Every added term is used
  somewhere, so the number of occurrences grows with the glossary and so does
  the (per-occurrence) time: shown for honesty, not a flatness measure.

``rows()`` returns the measurements so the project-wide benchmark can import it.
Time is the best of ``repeat`` runs of: build the automaton, then find every
occurrence in every paragraph and 名词解释 entry and apply the link policy; both
wall time and this process's CPU time are given (the latter is steadier on a
machine shared with other jobs).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.glossary.matcher import Matcher  # noqa: E402
from generator.glossary.occurrences import occurrence_rows  # noqa: E402
from generator.model import Paragraph, Report  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "nmg"
SEEDS = ROOT / "seeds"
NUMERALS = "一二两三四五六七八九十"
COMMON = "发展建设工作推进全面加强提升服务保障创新改革生态安全民族团结产业经济社会治理城乡文化教育医疗"


def load_corpus() -> tuple[str, list[Report]]:
    """(label, reports): the shared corpus if present, else the seeds."""
    folder, label = (CORPUS, "corpus") if CORPUS.is_dir() else (SEEDS, "seeds")
    try:
        from generator.config import load_config
        from generator.ingest import load_reports

        reports, _ = load_reports(folder, load_config(ROOT))
        return label, reports
    except ImportError:  # ingest not available: one paragraph per non-empty line
        reports = []
        for path in sorted(folder.glob("*.md")) + sorted(folder.glob("*.txt")):
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            report = Report(source=str(path), slug=path.stem)
            report.preamble = [Paragraph(t, f"l{i}", i) for i, t in enumerate(lines, 1) if t.strip()]
            reports.append(report)
        return label, reports


def candidate_phrases(reports: list[Report]) -> list[str]:
    """Phrases the corpus quotes or builds as numeral formulas, most frequent first."""
    from generator.glossary import build_glossary

    from generator.glossary.candidates import candidates

    return [c.phrase for c in candidates(reports, build_glossary([], None))]


def synthetic_surfaces(n: int, phrases: list[str], real: int | None = None) -> dict[str, str]:
    """``n`` surface forms: ``real`` real phrases (all that fit when None), then generated ones."""
    out: dict[str, str] = {}
    for phrase in phrases[:real]:
        if len(out) == n:
            return out
        out.setdefault(phrase, f"t{len(out)}")
    i = 0
    while len(out) < n:
        a, b = divmod(i, len(COMMON))
        form = NUMERALS[a % len(NUMERALS)] + "个" + COMMON[b] + COMMON[(b * 7 + a) % len(COMMON)] + str(a // 10 or "")
        out.setdefault(form, f"t{len(out)}")
        i += 1
    return out


def link_all(reports: list[Report], surfaces: dict[str, str]) -> int:
    """Build the automaton and find every occurrence (section policy); the count found."""
    matcher = Matcher(surfaces)
    return sum(len(occurrence_rows(r, "section", matcher, matcher.lookup)) for r in reports)


def rows(sizes=(100, 500, 1000, 2000, 5000), repeat: int = 3, series=("fixed", "real")) -> list[dict]:
    """One row per series and glossary size: terms, reports, characters, seconds, occurrences."""
    label, reports = load_corpus()
    chars = sum(len(p.text) for r in reports for _, p in r.paragraphs()) + \
        sum(len(e.definition) for r in reports for e in r.glossary)
    phrases = candidate_phrases(reports)
    out = []
    for kind, n in [(kind, n) for kind in series for n in sizes]:
        surfaces = synthetic_surfaces(n, phrases, real=100 if kind == "fixed" else None)
        best, best_cpu, found = float("inf"), float("inf"), 0
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            found = link_all(reports, surfaces)
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - start_cpu)
        out.append({"series": kind, "source": label, "reports": len(reports), "chars": chars, "terms": n,
                    "seconds": round(best, 3), "cpu_seconds": round(best_cpu, 3), "occurrences": found})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,1000,2000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    table = rows(tuple(int(s) for s in args.sizes.split(",")), args.repeat)
    print(f"{'series':>6} {'terms':>6} {'reports':>7} {'chars':>9} {'wall s':>7} {'cpu s':>7} "
          f"{'cpu vs first':>12} {'occurrences':>11}")
    base: dict[str, float] = {}
    for row in table:
        first = base.setdefault(row["series"], row["cpu_seconds"] or 1e-9)
        print(f"{row['series']:>6} {row['terms']:>6} {row['reports']:>7} {row['chars']:>9} {row['seconds']:>7.3f} "
              f"{row['cpu_seconds']:>7.3f} {row['cpu_seconds'] / first:>11.2f}x {row['occurrences']:>11}")
    print(f"(texts: {table[0]['source']}; best of {args.repeat} runs; cpu s = this process's CPU time,"
          " steadier than wall time on a shared machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
