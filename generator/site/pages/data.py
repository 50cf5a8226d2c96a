"""数据 page: data/index.md, documenting the open data files served beside it (data/*.csv,
data/*.jsonl, the large ones as .gz; written by site/build.py from generator/export/)."""

from __future__ import annotations

from typing import Iterator

from ...export.columns import FILES
from ...export import served as serving
from ...export.served import ServedFile
from ...export.tables import data_chunks
from ..context import Page, SiteContext
from ..render import markdown as md
from ..render import urls
from . import compare

_INTRO = ("本站的全部数据可以下载，供研究与核对：报告目录、逐段原文、术语与释义、术语出现位置、主要预期目标与实际值。"
          "文件均为 UTF-8 编码，第一行为列名（JSON Lines 文件每行一个对象）；同样的输入总是生成同样的文件。"
          "锚点与网址和站内页面一致，可以直接引用到段落。")
_HOWTO = ("在本地也可以生成同样的文件：python -m generator export --out 目录（写出未压缩的文件）。"
          "用 pandas 读取的示例见项目说明（README）。")
_GZIP = ("大于 {limit} MB 的文件以 gzip 压缩提供（文件名末尾加 .gz），内容与未压缩的文件完全相同："
         "解压（gunzip、zcat）后即是原文件；Python 的 gzip 模块、pandas 的 read_csv / read_json 可直接读取压缩文件。")


_COMPARE = (
    ("index.json", "可对比的报告目录：每项为 [报告 slug, 地区, 年份]，按站内顺序。"),
    ("terms.json", "术语表：每项为 [术语 slug, 词目]；各报告文件中的术语以它在此表中的序号表示。"),
    ("<报告 slug>.json", "一篇报告的提纲：slug、label（显示名）、region、year；t 为全文用到的术语序号；"
                        "s 为章节列表，每节为 [标题, 锚点, 类别代码, 段落数, 字数, "
                        "本节术语序号, 下级章节]。对比页的脚本读取任意两篇报告的这些文件，按同样的规则对齐章节。"
                        "类别代码：" + "、".join(f"{code} {label}" for code, label in compare.KIND_LABELS.items()) + "。"),
)


def site_files(ctx: SiteContext) -> dict[str, ServedFile]:
    """The data files as served under data/ (the large ones compressed), by export name."""
    return ctx.cached("data-files", ctx.reports_key, lambda: serving.served_files(data_chunks(ctx)))


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def _size(f: ServedFile) -> str:
    if f.compressed:
        return f"gzip 压缩，{_mb(len(f.data))}（解压后 {_mb(f.plain_size)}）"
    return _mb(f.plain_size)


def _render(served: dict[str, ServedFile], comparable: bool) -> str:
    page = urls.DATA_INDEX

    def download(name: str) -> str:
        return md.link(served[name].served_name, urls.href(page, urls.data_file(served[name].served_name)))

    blocks = [md.heading(1, "数据"), md.block("p", "", md.escape_text(_INTRO), cite=False)]
    if any(f.compressed for f in served.values()):
        blocks.append(md.block("p", "", md.escape_text(_GZIP.format(limit=f"{serving.COMPRESS_OVER / 1e6:g}")), cite=False))
    blocks.append(md.table(["文件", "内容", "大小"], ([download(f.name), md.escape_text(f.title),
                                                    md.escape_text(_size(served[f.name]))] for f in FILES)))
    for f in FILES:
        blocks.append(md.heading(2, f.name, "file-" + f.name.replace(".", "-").replace("_", "-")))
        blocks.append(md.block("p", "", md.escape_text(f.title + "。") + " 下载：" + download(f.name)
                               + md.escape_text(f"（{_size(served[f.name])}）"), cite=False))
        blocks.append(md.table(["列", "说明"], ([f"<code>{md.escape_text(c)}</code>", md.escape_text(d)]
                                               for c, d in f.columns)))
    if comparable:
        blocks.append(md.heading(2, f"{compare.DATA_DIR}/（对比页面的数据）", "file-compare"))
        blocks.append(md.block("p", "", md.escape_text(
            f"对比页面（同一地区相邻两年的报告并排）所用的精简 JSON，放在 data/{compare.DATA_DIR}/ 下，"
            "不含正文，只有章节结构和术语："), cite=False))
        blocks.append(md.table(["文件", "内容"], ([f"<code>{md.escape_text(n)}</code>", md.escape_text(d)]
                                                for n, d in _COMPARE)))
    blocks.append(md.block("p", "", md.escape_text(_HOWTO), cite=False))
    return md.join_blocks(blocks)


def pages(ctx: SiteContext) -> Iterator[Page]:
    yield Page(urls.DATA_INDEX, _render(site_files(ctx), bool(compare.pairs(ctx))), "数据")
