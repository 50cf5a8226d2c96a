"""The 引用 buttons and the source-quality notices of report pages in headless Chromium.

- the paragraph button copies that paragraph's citation (clipboard permission granted);
- without navigator.clipboard (plain http, a file) the select + execCommand fallback copies
  the same text; the button says 已复制 and works from the keyboard;
- the card's button copies the whole report's citation;
- paragraph numbers are not part of a text selection;
- 乌兰察布 2024 shows its notices at the top, linked to the notes at their places.

Fixtures: tests/browser_support.py (one strict build of the seed site per session).
"""

from __future__ import annotations

import re

import pytest

from browser_support import expect, new_page

pytestmark = pytest.mark.browser

NMG = "reports/2024-neimenggu-zizhiqu/"
WLCB = "reports/2024-wulanchabu-shi/"
HEAD = ("内蒙古自治区人民政府. 政府工作报告——2024年1月30日在内蒙古自治区第十四届人民代表大会"
        "第二次会议上[R/OL]. 2024")
PUBLIC = "https://gov-reports.github.io/gov-report-site/"


def open_report(page, site_url: str, path: str):
    page.goto(site_url + path)
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("[data-n] > .cite-btn").first).to_be_attached()


def test_paragraph_button_copies_its_citation(page, site_url, shot):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    open_report(page, site_url, NMG)
    para = page.locator('[data-n="12"]')
    anchor = para.get_attribute("id")
    para.hover()
    button = para.get_by_role("button", name="复制第12段的引用")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_attribute("data-label", "已复制")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{HEAD}: 第12段. {PUBLIC}{NMG}#{anchor}"
    shot("copied")


def test_fallback_without_clipboard_api_copies_the_same_text_from_the_keyboard(chromium, site_url):
    page = new_page(chromium, site_url)
    try:
        # A page without the Clipboard API; record what the copy command copies.
        page.add_init_script("""
            Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});
            document.addEventListener('copy', e => {
              const el = document.activeElement;
              window.__copied = el && 'value' in el ? el.value.slice(el.selectionStart, el.selectionEnd) : '';
            });
        """)
        open_report(page, site_url, NMG)
        para = page.locator('[data-n="3"]')
        anchor = para.get_attribute("id")
        button = para.get_by_role("button", name="复制第3段的引用")
        button.focus()
        expect(button).to_be_visible()  # keyboard focus shows it
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("data-label", "已复制")
        assert page.evaluate("window.__copied") == f"{HEAD}: 第3段. {PUBLIC}{NMG}#{anchor}"
        expect(page.locator("#cite-status")).to_contain_text("已复制")
        assert page.site_errors == []
    finally:
        page.context.close()


def test_card_copies_the_whole_report_citation(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    open_report(page, site_url, NMG)
    card = page.locator("dl.report-meta")
    expect(card.locator(".cite-text")).to_have_text(f"{HEAD}. {PUBLIC}{NMG}")
    card.get_by_role("button", name="复制整篇报告的引用").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{HEAD}. {PUBLIC}{NMG}"


def test_selected_text_leaves_out_numbers_and_buttons(page, site_url):
    open_report(page, site_url, NMG)
    para = page.locator('[data-n="12"]')
    text = page.evaluate("""el => { const r = document.createRange(); r.selectNodeContents(el);
        const s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); }""",
                         para.element_handle())
    assert not text.startswith("12") and "引用" not in text and "已复制" not in text
    # the number is shown, before the text
    before = page.evaluate("el => getComputedStyle(el, '::before').content", para.element_handle())
    assert before == '"12"'


@pytest.mark.parametrize("width", [1280, 390])
def test_wulanchabu_notices_at_top_and_at_place(chromium, site_url, shots_dir, width):
    page = new_page(chromium, site_url)
    try:
        page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
        open_report(page, site_url, WLCB)
        box = page.locator(".source-notices")
        expect(box).to_contain_text("原文质量提示")
        expect(box).to_contain_text("原文从第一部分中间的(三)开始")
        expect(box).to_contain_text("删去了重复段落4处")
        page.screenshot(path=str(shots_dir / f"wulanchabu-{width}-top.png"))
        # the splice of the first plan item into the 2023 review is pointed out there
        first_plan = page.locator("[id='p3-1-1']")
        note = page.locator("[id='p3-1-1'] + p.source-note")
        expect(note).to_contain_text("“更加统一、干劲更")
        box.get_by_role("link", name="见正文").nth(2).click()
        expect(page).to_have_url(re.compile(r"#p3-1-1$"))
        expect(first_plan).to_be_in_viewport()
        page.screenshot(path=str(shots_dir / f"wulanchabu-{width}-splice.png"))
        # a removal note links to its entry in the 整理记录
        page.locator("p.source-note").get_by_role("link", name=re.compile("整理记录第2条")).click()
        expect(page.locator("[id='removed-2']")).to_be_in_viewport()
        expect(page.locator("[id='removed-2']")).to_contain_text("重复段落")
        # nothing runs past the screen
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.site_errors == []
    finally:
        page.context.close()
