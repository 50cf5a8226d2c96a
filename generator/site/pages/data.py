"""数据 page: data/index.md, documenting the open data files served beside it (data/*.csv,
data/*.jsonl, written by site/build.py from generator/export/)."""

from __future__ import annotations

from typing import Iterator

from ...export.columns import FILES
from ..context import Page, SiteContext
from ..render import markdown as md
from ..render import urls

_INTRO = ("本站的全部数据可以下载，供研究与核对：报告目录、逐段原文、术语与释义、术语出现位置、主要预期目标与实际值。"
          "文件均为 UTF-8 编码，第一行为列名（JSON Lines 文件每行一个对象）；同样的输入总是生成同样的文件。"
          "锚点与网址和站内页面一致，可以直接引用到段落。")
_HOWTO = ("在本地也可以生成同样的文件：python -m generator export --out 目录。"
          "用 pandas 读取的示例见项目说明（README）。")


def _render() -> str:
    page = urls.DATA_INDEX
    blocks = [md.heading(1, "数据"), md.block("p", "", md.escape_text(_INTRO), cite=False)]
    blocks.append(md.table(["文件", "内容"], ([md.link(f.name, urls.href(page, urls.data_file(f.name))),
                                              md.escape_text(f.title)] for f in FILES)))
    for f in FILES:
        blocks.append(md.heading(2, f.name, "file-" + f.name.replace(".", "-").replace("_", "-")))
        blocks.append(md.block("p", "", md.escape_text(f.title + "。") + " "
                               + md.link("下载", urls.href(page, urls.data_file(f.name))), cite=False))
        blocks.append(md.table(["列", "说明"], ([f"<code>{md.escape_text(c)}</code>", md.escape_text(d)]
                                               for c, d in f.columns)))
    blocks.append(md.block("p", "", md.escape_text(_HOWTO), cite=False))
    return md.join_blocks(blocks)


def pages(ctx: SiteContext) -> Iterator[Page]:
    yield Page(urls.DATA_INDEX, _render(), "数据")
