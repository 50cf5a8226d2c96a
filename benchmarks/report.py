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
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def generator_seconds(site: dict, key: str = "seconds") -> float:
    return sum(site["stages"][k][key] for k in GENERATOR_STAGES if k in site["stages"])


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _row(inp: str, n: int, stage: str, row: dict | None, base: dict | None, note: str = "") -> str:
    """One table row; ``row``/``base`` hold seconds (wall), cpu and peak_mib."""
    row = row or {}
    wall, cpu, peak = row.get("seconds"), row.get("cpu"), row.get("peak_mib")
    key = "cpu" if cpu is not None and base and base.get("cpu") else "seconds"  # older results: wall only
    ratio = f"{row[key] / base[key]:.2f}×" if base and base.get(key) and row.get(key) is not None else ""
    t = f"{wall:.2f}" if wall is not None else ""
    c = f"{cpu:.2f}" if cpu is not None else ""
    p = f"{peak:.0f}" if peak else ""
    return f"| {inp} | {n} | {stage} | {t} | {c} | {p} | {ratio} | {note} |"


def _pct(part: dict, whole: dict) -> str:
    key = "cpu" if part.get("cpu") is not None and whole.get("cpu") else "seconds"
    return f"{100 * part[key] / whole[key]:.0f}% ({'CPU' if key == 'cpu' else 'wall'})"


def _sum(*rows: dict) -> dict:
    rows = [r for r in rows if r]
    cpu = sum(r["cpu"] for r in rows) if all("cpu" in r for r in rows) else None
    return {"seconds": sum(r.get("seconds", 0.0) for r in rows), "cpu": cpu,
            "peak_mib": max((r.get("peak_mib", 0.0) for r in rows), default=0.0)}


def stage_rows(entry: dict) -> list[str]:
    site, base = entry["site"], entry.get("baseline")
    inp, n, st = entry["input"], site["reports"], site["stages"]
    b = base["stages"]["mkdocs"] if base else None
    gen = _sum(*(st[k] for k in GENERATOR_STAGES if k in st))
    modules = ", ".join(f"{k} {v:.1f} s" for k, v in list(site.get("render_by_module", {}).items())[:3])
    rows = [
        _row(inp, n, "parse", st["parse"], b),
        _row(inp, n, "glossary linking", st["glossary"], b),
        _row(inp, n, "page generation (render + write Markdown)", _sum(st["render"], st["write"]), b,
             f"render {st['render']['seconds']:.2f} s ({modules}), write {st['write']['seconds']:.2f} s; "
             f"{site['files']} files"),
        _row(inp, n, "**generator total (cold)**", gen, b, "everything before MkDocs renders"),
    ]
    inc = site.get("incremental")
    if inc:
        reuse = ""
        if "rendered" in inc:
            reuse = f"; {inc['reparsed']} report parsed, {inc['rendered']} pages re-rendered"
        rows.append(_row(inp, n, "incremental: one-report edit", inc, b,
                         f"{_pct(inc, gen)} of cold generator; "
                         f"{inc['written']} files rewritten{reuse}"))
    if "mkdocs" in st:
        info = site["mkdocs"]
        index = (f"Pagefind index {_mb(info['pagefind_bytes'])}" if info.get("pagefind_bytes")
                 else f"Material search index {_mb(info['material_index_bytes'])}")
        hook = st.get("hook generator", {}).get("seconds", 0.0)
        rows.append(_row(inp, n, "MkDocs build", st["mkdocs"], b,
                         f"{index}; site {_mb(info['site_bytes'])}; {info['warnings']} MkDocs warnings; "
                         f"the hook's no-change generator re-run ({hook:.2f} s) not included"))
        parts = [gen, st["mkdocs"]]
        if "pagefind" in st:
            rows.append(_row(inp, n, "Pagefind index (extended)", st["pagefind"], b,
                             f"called by {info.get('pagefind_called_by')}"))
            parts.append(st["pagefind"])
        rows.append(_row(inp, n, "**full site** (generator + MkDocs)", _sum(*parts), b, "a fresh `mkdocs build`"))
    if base:
        rows.append(_row(inp, base["reports"], "baseline: plain MkDocs, same texts", b, b,
                         f"Material search index {_mb(base['mkdocs']['material_index_bytes'])}; "
                         f"site {_mb(base['mkdocs']['site_bytes'])}"))
    return rows


def stage_table(entries: list[dict]) -> str:
    head = ["| input | reports | stage | wall (s) | CPU (s) | peak RSS (MiB) | × baseline (CPU) | notes |",
            "|---|---:|---|---:|---:|---:|---:|---|"]
    rows = [r for e in entries for r in stage_rows(e)]
    return "\n".join(head + rows)


def weight_table(entries: list[dict]) -> str:
    """Page weight and site size of each built input (benchmarks/chrome.py)."""
    out = ["| input | reports | pages | largest chrome | median chrome | largest page | pages > 300 KB "
           "| site without search index | search index | source text | site ÷ source | full site CPU (s) "
           "| peak RSS (MiB) |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for e in entries:
        w = e["site"].get("mkdocs", {}).get("weight")
        if not w or not w.get("pages"):
            continue
        st = e["site"]["stages"]
        cpu = sum(st[k]["cpu"] for k in (*GENERATOR_STAGES, "mkdocs", "pagefind") if k in st)
        peak = max(st[k]["peak_mib"] for k in (*GENERATOR_STAGES, "mkdocs") if k in st)
        src = e.get("source_bytes") or 0
        ratio = f"{w['site_without_index_bytes'] / src:.2f}×" if src else ""
        out.append(f"| {e['input']} | {e['site']['reports']} | {w['pages']} | {w['chrome_max'] / 1024:.1f} KB "
                   f"(`{w['chrome_max_page']}`) | {w['chrome_median'] / 1024:.1f} KB | {w['page_max'] / 1024:.0f} KB "
                   f"(`{w['page_max_page']}`) | {w['pages_over_300k']} | {_mb(w['site_without_index_bytes'])} "
                   f"| {_mb(w['search_index_bytes'])} | {_mb(src)} | {ratio} | {cpu:.0f} | {peak:.0f} |")
    return "\n".join(out)


def linearity_table(rows: list[dict]) -> str:
    out = ["| synthetic reports | generator wall (s) | CPU (s) | CPU ms per report | peak RSS (MiB) |",
           "|---:|---:|---:|---:|---:|"]
    out += [f"| {r['reports']} | {r['seconds']:.2f} | {r['cpu']:.2f} | {r['ms_per_report']:.1f} | {r['peak_mib']:.0f} |"
            for r in rows]
    return "\n".join(out)


def glossary_table(rows) -> str:
    """Rows of glossary_linking.rows(); "vs 100 terms" compares CPU time within a series."""
    if isinstance(rows, str):
        return f"glossary-size flatness: {rows}"
    out = ["| series | glossary terms | reports | wall (s) | CPU (s) | CPU vs 100 terms | occurrences |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    first: dict[str, float] = {}
    for r in rows:
        base = first.setdefault(r["series"], r["cpu_seconds"] or 1e-9)
        out.append(f"| {r['series']} | {r['terms']} | {r['reports']} | {r['seconds']:.3f} | {r['cpu_seconds']:.3f} "
                   f"| {r['cpu_seconds'] / base:.2f}× | {r['occurrences']} |")
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


def all_tables(results: dict) -> str:
    """Every table for a results dict as run.py --json writes it."""
    m = results.get("machine", {})
    parts = [f"Machine: {m.get('cores')} cores, {m.get('memory_gib')} GiB, Python {m.get('python')}; "
             f"{m.get('date')}; load average at start {m.get('load', '?')}", stage_table(results.get("inputs", [])),
             weight_table(results.get("inputs", []))]
    if "linearity" in results:
        parts.append(linearity_table(results["linearity"]))
    if "glossary" in results:
        parts.append(glossary_table(results["glossary"]))
    if "query" in results:
        parts.append(query_table(results["query"]))
    return "\n\n".join(parts)
