"""The synthetic corpus: N distinct, real regions, deterministic; and the generator takes any folder."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402


def test_synthetic_corpus_is_distinct_real_and_deterministic(tmp_path):
    a = synth.write_corpus(tmp_path / "a", 40, include_corpus=False)
    b = synth.write_corpus(tmp_path / "b", 40, include_corpus=False)
    assert len(a) == 40 == len({p.name for p in a})
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    names = {d.name for d in synth.load_divisions()}
    regions = [p.stem.rsplit("_", 1)[0] for p in a]
    assert all(r in names for r in regions)
    texts = {p.read_text(encoding="utf-8") for p in a}
    assert len(texts) == 40  # no two pages alike
    first = a[0].read_text(encoding="utf-8")
    assert synth.short_name(regions[0]) in first


def test_build_runs_on_any_folder_including_an_unknown_region(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    seed = (ROOT / "seeds" / "2024-etuoke-qi.txt").read_text(encoding="utf-8")
    # 青岚旗 is made up: neither the dataset nor site_config/regions.yaml knows it.
    (reports / "2023-qinglan-qi.txt").write_text(seed.replace("鄂托克旗", "青岚旗").replace("鄂托克", "青岚"),
                                                   encoding="utf-8")
    (reports / "2024-yuquan-qu.txt").write_text((ROOT / "seeds" / "2022-yuquan-qu.txt").read_text(encoding="utf-8"),
                                                encoding="utf-8")
    out = tmp_path / "docs"
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--reports", str(reports), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    pages = sorted(p.name for p in (out / "reports").glob("*.md") if p.name != "index.md")
    assert len(pages) == 2, pages
    assert any("青岚旗" in (out / "reports" / p).read_text(encoding="utf-8") for p in pages)
