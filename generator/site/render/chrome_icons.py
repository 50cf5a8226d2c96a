"""Material's chrome icons drawn from one cached stylesheet instead of inline SVG.

Material writes every icon of its header, drawer and footer (logo, menu, search,
palette toggles, repository, back to top, previous/next) as inline ``<svg>`` on every
page: 12 icons, about 4.3 KB per page, 44 MB on a site of 10,000 pages. ``IconSheet``
replaces each such icon outside the article with an empty ``<svg>`` of the same
``viewBox`` and a class, and keeps the icon's drawing once, as a CSS mask in
``ICON_CSS`` (a data URL): the element keeps its place and Material's size rules, and
is painted in the current text colour, as the inline icon was (``fill: currentcolor``).
Icons inside the article (charts, content) are left as they are.

Class names are taken from the icon's bytes, so the same icon has the same name on
every page and in every build, and a page rendered alone (``mkdocs serve --dirty``)
matches the stylesheet written before; ``write`` keeps the rules already in the file.
Called from the MkDocs hook (``on_post_page``, ``on_post_build``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote

ICON_CSS = "stylesheets/chrome-icons.css"  # site-relative
_SVG = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([0-9. ]+)">(?:(?!<svg\b).)*?</svg>', re.S)
_ARTICLE = re.compile(r'<article class="md-content__inner[^>]*>.*?</article>', re.S)
_MAIN_CSS = re.compile(r'<link rel="stylesheet" href="([^"]*?)assets/stylesheets/main\.[^"]*\.css">')
_RULE = re.compile(r"^svg\.(mi-[0-9a-f]+)\{--mi:url\(\"(data:[^\"]*)\"\)\}$", re.M)
_BASE_RULE = ("svg.mi{background-color:currentcolor;-webkit-mask:var(--mi) center/contain no-repeat;"
              "mask:var(--mi) center/contain no-repeat}")


def _name(svg: str) -> str:
    return "mi-" + hashlib.sha1(svg.encode("utf-8")).hexdigest()[:10]


def data_url(svg: str) -> str:
    """``svg`` as a data URL usable inside a double-quoted CSS ``url("…")``."""
    return "data:image/svg+xml," + quote(svg.replace('"', "'"), safe=" /:=.,-'!()")


class IconSheet:
    """The icons replaced so far (class name → data URL), and the stylesheet they make."""

    def __init__(self) -> None:
        self.icons: dict[str, str] = {}

    def _replace(self, match: re.Match) -> str:
        svg = match.group(0)
        name = _name(svg)
        self.icons.setdefault(name, data_url(svg))
        return f'<svg viewBox="{match.group(1)}" class="mi {name}"></svg>'

    def page(self, html: str) -> str:
        """``html`` with the inline icons outside its article replaced, and a link to the
        stylesheet after Material's own (left as it is when the page has no such link)."""
        css = _MAIN_CSS.search(html)
        if css is None:
            return html
        out, last = [], 0
        for art in _ARTICLE.finditer(html):
            out.append(_SVG.sub(self._replace, html[last:art.start()]))
            out.append(art.group(0))
            last = art.end()
        out.append(_SVG.sub(self._replace, html[last:]))
        page = "".join(out)
        link = f'<link rel="stylesheet" href="{css.group(1)}{ICON_CSS}">'
        return page.replace(css.group(0), css.group(0) + link, 1) if page != html else html

    def css(self, existing: str = "") -> str:
        """The stylesheet: the rules of ``existing`` (a file written before) and of the
        icons seen, sorted by name."""
        rules = dict(_RULE.findall(existing))
        rules.update(self.icons)
        body = "\n".join(f'svg.{name}{{--mi:url("{url}")}}' for name, url in sorted(rules.items()))
        return f"/* Material's chrome icons (generator/site/render/chrome_icons.py) */\n{_BASE_RULE}\n{body}\n"

    def write(self, site_dir: Path) -> None:
        """Write the stylesheet into the built site (nothing when no icon was replaced)."""
        if not self.icons:
            return
        path = Path(site_dir) / ICON_CSS
        existing = path.read_text(encoding="utf-8") if path.is_file() else ""
        text = self.css(existing)
        if text != existing:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
