"""The browser side of the Pagefind switch: one script, written into the built site.

The script keeps Material's own search box and result list (same place in the header,
same look, same translations read from Material's ``__config``) and only swaps what
answers the query: Pagefind's JS API instead of Material's lunr worker. Material's
search component is switched off on the element (see ``pagefind.py``), so the two never
both listen.

The search box markup is a Python string (Material's markup, inserted into the header);
the script is a real file, ``assets/pagefind-search.js``, shipped as package data
(pyproject ``[tool.setuptools.package-data]``) and read with importlib.resources.
"""

from __future__ import annotations

from importlib import resources

SCRIPT_NAME = "assets/javascripts/pagefind-search.js"

# Material's search box, as partials/search.html renders it with the zh translations.
# Inserted only when the Material search plugin is disabled and the header has no box.
SEARCH_MARKUP = """<label class="md-header__button md-icon" for="__search"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg></label>
<div class="md-search" data-pf-search role="dialog">
  <label class="md-search__overlay" for="__search"></label>
  <div class="md-search__inner" role="search">
    <form class="md-search__form" name="pf-search">
      <input type="text" class="md-search__input" name="query" aria-label="搜索" placeholder="搜索" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" required>
      <label class="md-search__icon md-icon" for="__search"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg></label>
      <nav class="md-search__options" aria-label="搜索"><button type="reset" class="md-search__icon md-icon" title="清空当前内容" aria-label="清空当前内容" tabindex="-1"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg></button></nav>
    </form>
    <div class="md-search__output">
      <div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>
        <div class="md-search-result">
          <div class="md-search-result__meta">键入以开始搜索</div>
          <ol class="md-search-result__list" role="presentation"></ol>
        </div>
      </div>
    </div>
  </div>
</div>
"""


def asset(name: str) -> str:
    """A script shipped as package data under ``assets/``."""
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def presplit_js() -> str:
    """The ``Intl.Segmenter`` wrapper (``assets/pagefind-presplit.js``): it lets Pagefind
    search a query as the words our script cut it into. Prepended to Pagefind's worker."""
    return asset("pagefind-presplit.js")


def search_js() -> str:
    """The browser script: ``assets/pagefind-presplit.js`` (for Pagefind's main-thread
    fallback) followed by ``assets/pagefind-search.js``."""
    return presplit_js() + "\n" + asset("pagefind-search.js")
