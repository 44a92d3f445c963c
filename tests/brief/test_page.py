"""``/brief``: the page in three languages for any spelling, the 404 page, escaping, no other host, the CSP."""

from __future__ import annotations

import dataclasses
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from dash import Dash

from dashboard.brief.content import build_brief
from dashboard.brief.page import Resources, brief_page
from dashboard.brief.pdf import offline_css, offline_html
from dashboard.brief.svg import coverage_bar, line_chart, locator_map, nice_ticks
from dashboard.data import DataStore
from dashboard.figures import RenderContext

from ..conftest import store_frame

ASSETS = Path(__file__).resolve().parents[2] / "assets"


class Page(HTMLParser):
    """Every address (``src``, ``href``, ``action``...), every script and inline event handler of a page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.scripts: list[dict] = []
        self.handlers: list[str] = []
        self.tags: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        self.addresses += [v for k, v in attrs if k in ("src", "href", "action", "srcset", "poster", "data") and v]
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self.scripts.append(values)


def get(app: Dash, query: str, **headers):
    return app.server.test_client().get("/brief" + query, headers=headers)


@pytest.mark.parametrize(
    ("language", "name", "value", "khatlon"),
    [
        ("en", "Dusti", "45.6 % of households", "42.0\u00a0%"),
        ("ru", "Дусти", "45,6 % домохозяйств", "42,0\u00a0%"),
        ("tg", "Дӯстӣ", "45,6 %", "42,0\u00a0%"),
    ],
)
def test_the_brief_in_each_language(brief_app: Dash, language: str, name: str, value: str, khatlon: str) -> None:
    response = get(brief_app, f"?district=dusti&lang={language}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert f'<html lang="{language}">' in text
    assert f'<h1 class="unit-name">{name}' in text
    assert f'<td class="value">{value}' in text and f'<td class="khatlon">{khatlon}</td>' in text
    ctx = RenderContext(language)
    assert f"⚠ {ctx.t('Illustrative data — not official statistics')}" in text
    assert ctx.t("Data as of {date}", date=ctx.t.date("2026-11-28")) in text


@pytest.mark.parametrize(
    ("spelling", "name"),
    [("Kulyab", "Kulob"), ("Куляб", "Kulob"), ("kulob", "Kulob"), ("Jilikul", "Dusti"), ("  Кӯлоб ", "Kulob")],
)
def test_any_spelling_of_a_unit(brief_app: Dash, spelling: str, name: str) -> None:
    response = brief_app.server.test_client().get("/brief", query_string={"district": spelling, "lang": "en"})
    assert response.status_code == 200
    assert f'<h1 class="unit-name">{name}' in response.get_data(as_text=True)


def test_the_language_follows_the_browser_when_the_address_names_none(brief_app: Dash) -> None:
    text = get(brief_app, "?district=kulob", **{"Accept-Language": "ru-RU,ru;q=0.9"}).get_data(as_text=True)
    assert '<html lang="ru">' in text and "Куляб" in text


@pytest.mark.parametrize(
    "query",
    [
        "?district=Atlantis&lang=ru",
        "",
        "?district=",
        "?lang=tg",
        "?district=%3Cscript%3Ealert(1)%3C/script%3E",
        "?district=" + "x" * 5000,
        "?district=dusti&district=kulob&lang=xx",  # the first value counts: Dusti, in the browser's language
    ],
)
def test_junk_gets_the_not_found_page_without_a_traceback(brief_app: Dash, query: str) -> None:
    response = get(brief_app, query)
    text = response.get_data(as_text=True)
    if "district=dusti" in query:
        assert response.status_code == 200 and '<html lang="en">' in text
        return
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Traceback" not in text and "<script>alert" not in text and "x" * 41 not in text
    language = "ru" if "lang=ru" in query else "tg" if "lang=tg" in query else "en"
    ctx = RenderContext(language)
    assert f'<html lang="{language}">' in text and ctx.t("Page not found") in text
    assert ctx.t("Back to the dashboard") in text and 'href="./?lang=' in text
    assert text.count('href="?district=') == 25  # every unit's brief offered
    if "Atlantis" in query:
        assert escape(ctx.t("District or city '{value}' not found.", value="Atlantis")) in text
    if "script" in query:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_a_name_from_the_data_cannot_inject_markup(store: DataStore) -> None:
    """A unit's name and a catalogue label are text on the page, never markup (also in the SVG's label)."""
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    units = [dataclasses.replace(u, name_en=evil) if u.unit_id == "dusti" else u for u in store.units.values()]
    indicators = {
        k: dataclasses.replace(i, label=evil + " & more", texts={}) if k == "hh_member_abroad_pct" else i
        for k, i in store.indicators.items()
    }
    hostile = DataStore(units, indicators, store_frame(store), store.boundaries, store.resolver, store.scenes)
    ctx = RenderContext("en")
    text = brief_page(build_brief(hostile, "dusti", ctx), ctx, Resources(toolbar=True))
    page = Page(text)
    assert "<script>alert" not in text and "<img" not in text and page.handlers == []
    assert page.scripts == [] and "img" not in page.tags
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more" in text


def test_no_address_of_another_host(brief_app: Dash) -> None:
    """Every src and href is relative (same origin); no scheme or host anywhere in the page."""
    for query in ("?district=dusti&lang=en", "?district=bokhtar&lang=tg", "?district=nowhere"):
        text = get(brief_app, query).get_data(as_text=True)
        page = Page(text)
        assert page.addresses
        for address in page.addresses:
            parts = urlsplit(address)
            assert not parts.scheme and not parts.netloc and not address.startswith("//"), address
        assert "://" not in text and "url(" not in text
    offline = offline_html(brief_app.store, "dusti", "tg")
    assert "://" not in offline and Page(offline).addresses == []  # the CLI's file: styles and fonts inline
    assert offline.count("data:font/woff2;base64,") == 2


def test_styles_script_and_fonts_are_the_servers_own_files(brief_app: Dash) -> None:
    client = brief_app.server.test_client()
    page = Page(get(brief_app, "?district=dusti").get_data(as_text=True))
    stylesheets = [a for a in page.addresses if ".css" in a]
    assert [urlsplit(a).path for a in stylesheets] == ["assets/fonts.css", "assets/brief/brief.css"]
    assert [urlsplit(s["src"]).path for s in page.scripts] == ["assets/brief/brief.js"]
    assert [a for a in page.addresses if "favicon" in a]  # the dashboard's icon (else a 404 in the console)
    for address in [a for a in page.addresses if a.startswith("assets/")]:
        response = client.get("/" + address)
        assert response.status_code == 200 and "immutable" in response.headers["Cache-Control"], address
    assert "assets/brief/" not in client.get("/").get_data(as_text=True)  # the dashboard does not load them


def test_the_csp_stays_strict_and_the_print_button_is_a_file(brief_app: Dash) -> None:
    response = get(brief_app, "?district=dusti")
    policy = response.headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy)[1]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    text = response.get_data(as_text=True)
    page = Page(text)
    assert all(s.get("src") for s in page.scripts) and page.handlers == []  # no inline script to allow
    assert '<button type="button" class="button print-button" id="print-brief" hidden>Print / Save as PDF' in text
    script = (ASSETS / "brief" / "brief.js").read_text(encoding="utf-8")
    assert 'getElementById("print-brief")' in script and "window.print()" in script
    assert response.headers["Cache-Control"] == "no-store"


def test_the_print_stylesheet(brief_app: Dash) -> None:
    css = (ASSETS / "brief" / "brief.css").read_text(encoding="utf-8")
    assert "@page { size: A4; margin: 12mm; }" in css
    printed = css[css.index("@media print") :]
    assert re.search(r"\.no-print, \.toolbar \{ display: none !important; \}", printed)
    assert '<nav class="toolbar no-print">' in get(brief_app, "?district=dusti").get_data(as_text=True)
    assert "Khatlon Tajik" in css and "Khatlon Tajik" in offline_css()  # the project's font, for Tajik letters
    assert "fonts.googleapis" not in css and "@import" not in css


def test_the_locator_map_highlights_one_unit(store: DataStore) -> None:
    for unit_id, element in (("dusti", "path"), ("bokhtar", "circle"), ("levakant", "path")):
        svg = locator_map(build_brief(store, unit_id, RenderContext()).locator, label="Dusti")
        selected = re.findall(r'<(\w+) [^>]*class="selected" data-unit="(\w+)"', svg)
        assert selected == [(element, unit_id)]
        rings = svg.count('r="9"')
        assert rings == (1 if unit_id == "bokhtar" else 0)  # a point is also ringed (as a tiny polygon would be)
        assert svg.count("<path") == 24 and 'role="img" aria-label="Dusti"' in svg


def test_charts_are_static_svg() -> None:
    assert nice_ticks(40.0, 48.7) == [40, 45, 50] and nice_ticks(22.1, 28.7) == [20, 22.5, 25, 27.5, 30]
    assert nice_ticks(5.0, 5.0) == [5.0, 5.5, 6.0]
    chart = line_chart(
        [2019, 2020, 2021], [([1.0, None, 3.0], "#d95f02", False), ([2.0, 2.0, 2.0], "#222", True)], str, str
    )
    assert chart.count("<polyline") == 3  # the gap splits the first line in two
    assert ">3.0</text>" in chart and ">2.0</text>" in chart  # each line's last value at its end
    assert coverage_bar(None, 40.0).count("<rect") == 2  # the track and Khatlon's tick, no bar
    assert 'width="110"' in coverage_bar(50.0, None)
