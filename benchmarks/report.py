"""Turn benchmark results (dicts from worker.py) into Markdown tables."""

from __future__ import annotations

import os
import platform
from datetime import datetime, timezone
from pathlib import Path

GENERATOR_STAGES = ("parse", "glossary", "render", "write")


def machine() -> dict:
    mem = 0
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        pass
    return {"cores": os.cpu_count(), "memory_gib": round(mem / 2**30, 1), "python": platform.python_version(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def generator_seconds(site: dict) -> float:
    return sum(site["stages"][k]["seconds"] for k in GENERATOR_STAGES if k in site["stages"])


def _gen_peak(site: dict) -> float:
    return max((site["stages"][k]["peak_mib"] for k in GENERATOR_STAGES if k in site["stages"]), default=0.0)


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _row(inp: str, n: int, stage: str, seconds: float | None, peak: float | None, base: float | None, note: str = ""):
    ratio = f"{seconds / base:.2f}×" if base and seconds is not None else ""
    t = f"{seconds:.2f}" if seconds is not None else ""
    p = f"{peak:.0f}" if peak else ""
    return f"| {inp} | {n} | {stage} | {t} | {p} | {ratio} | {note} |"


def stage_rows(entry: dict) -> list[str]:
    site, base = entry["site"], entry.get("baseline")
    inp, n, st = entry["input"], site["reports"], site["stages"]
    b = base["stages"]["mkdocs"]["seconds"] if base else None
    gen = generator_seconds(site)
    rows = [
        _row(inp, n, "parse", st["parse"]["seconds"], st["parse"]["peak_mib"], b),
        _row(inp, n, "glossary linking", st["glossary"]["seconds"], st["glossary"]["peak_mib"], b),
        _row(inp, n, "page generation (render + write Markdown)",
             st["render"]["seconds"] + st["write"]["seconds"], max(st["render"]["peak_mib"], st["write"]["peak_mib"]),
             b, f"render {st['render']['seconds']:.2f} s, write {st['write']['seconds']:.2f} s; {site['files']} files"),
        _row(inp, n, "**generator total (cold)**", gen, _gen_peak(site), b, "everything before MkDocs renders"),
    ]
    inc = site.get("incremental")
    if inc:
        rows.append(_row(inp, n, "incremental: one-report edit", inc["seconds"], inc["peak_mib"], b,
                         f"{100 * inc['seconds'] / gen:.0f}% of cold generator; {inc['written']} files rewritten"))
    if "mkdocs" in st:
        info = site["mkdocs"]
        index = (f"Pagefind index {_mb(info['pagefind_bytes'])}" if info.get("pagefind_bytes")
                 else f"search index {_mb(info['material_index_bytes'])}")
        hook = st.get("hook generator", {}).get("seconds", 0.0)
        rows.append(_row(inp, n, "MkDocs build", st["mkdocs"]["seconds"], st["mkdocs"]["peak_mib"], b,
                         f"HTML + {'Material search' if not info.get('pagefind_bytes') else 'no Material search'}; "
                         f"{index}; site {_mb(info['site_bytes'])}; hook's no-change generator re-run "
                         f"{hook:.2f} s not included"))
        full = gen + st["mkdocs"]["seconds"]
        if "pagefind" in st:
            rows.append(_row(inp, n, "Pagefind index (extended)", st["pagefind"]["seconds"],
                             st["pagefind"].get("peak_mib"), b, f"called by {info.get('pagefind_called_by')}"))
            full += st["pagefind"]["seconds"]
        peak = max(r.get("peak_mib", 0) for r in st.values())
        rows.append(_row(inp, n, "**full site** (generator + MkDocs)", full, peak, b, "a fresh `mkdocs build`"))
    if base:
        rows.append(_row(inp, base["reports"], "baseline: plain MkDocs, same texts", b,
                         base["stages"]["mkdocs"]["peak_mib"], b,
                         f"search index {_mb(base['mkdocs']['material_index_bytes'])}; "
                         f"site {_mb(base['mkdocs']['site_bytes'])}"))
    return rows


def stage_table(entries: list[dict]) -> str:
    head = ["| input | reports | stage | time (s) | peak RSS (MiB) | × baseline | notes |",
            "|---|---:|---|---:|---:|---:|---|"]
    rows = [r for e in entries for r in stage_rows(e)]
    return "\n".join(head + rows)


def linearity_table(rows: list[dict]) -> str:
    out = ["| synthetic reports | generator (s) | ms per report | peak RSS (MiB) |", "|---:|---:|---:|---:|"]
    out += [f"| {r['reports']} | {r['seconds']:.2f} | {r['ms_per_report']:.1f} | {r['peak_mib']:.0f} |" for r in rows]
    return "\n".join(out)


def glossary_table(rows) -> str:
    if isinstance(rows, str):
        return f"glossary-size flatness: {rows}"
    if not rows:
        return "glossary-size flatness: no rows"
    keys = list(rows[0].keys())
    out = ["| " + " | ".join(keys) + " |", "|" + "---:|" * len(keys)]
    for r in rows:
        out.append("| " + " | ".join(f"{r[k]:.3f}" if isinstance(r[k], float) else str(r[k]) for k in keys) + " |")
    return "\n".join(out)


def index_file_sizes(pagefind_dir: Path) -> dict:
    """Sizes of the Pagefind bundle by kind (an upper bound for any one query's download)."""
    files = [p for p in pagefind_dir.rglob("*") if p.is_file()] if pagefind_dir.is_dir() else []

    def largest(pred):
        return max((p.stat().st_size for p in files if pred(p)), default=0)

    return {"largest_index_chunk": largest(lambda p: p.suffix == ".pf_index"),
            "largest_fragment": largest(lambda p: p.suffix == ".pf_fragment"),
            "meta_bytes": sum(p.stat().st_size for p in files if p.suffix == ".pf_meta"),
            "wasm_bytes": largest(lambda p: p.name.startswith("wasm.")),
            "js_bytes": sum(p.stat().st_size for p in files if p.name in ("pagefind.js", "pagefind-worker.js")),
            "index_chunks": sum(1 for p in files if p.suffix == ".pf_index"),
            "fragments": sum(1 for p in files if p.suffix == ".pf_fragment")}


def query_table(q: dict) -> str:
    out = [f"Pagefind at {q['reports']} reports: bundle {_mb(q['pagefind_bytes'])}, "
           f"{q['index_chunks']} index chunks (largest {q['largest_index_chunk'] / 1e3:.0f} kB), "
           f"{q['fragments']} fragments (largest {q['largest_fragment'] / 1e3:.0f} kB), "
           f"meta {q['meta_bytes'] / 1e3:.0f} kB, wasm {q['wasm_bytes'] / 1e3:.0f} kB, js {q['js_bytes'] / 1e3:.0f} kB"]
    if "browser" in q:
        out.append(f"(no browser measurement: {q['browser']})")
        return "\n".join(out)
    out += ["", "| query | downloaded for the query | requests | first result | results |", "|---|---:|---:|---|---|"]
    for r in q.get("queries", []):
        first = r["first"].split("/", 3)[-1] if r["first"] else "(none)"
        out.append(f"| {r['query']} | {r['bytes'] / 1e3:.0f} kB | {r['requests']} | /{first} | {r['meta']} |")
    return "\n".join(out)
