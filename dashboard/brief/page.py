"""The brief as one HTML page (A4, printable), and the page for a unit that does not exist.

Every text is escaped here (:func:`html.escape`), names and catalogue texts included: nothing from
the data or the address reaches the page as markup. The page references no other host: styles,
script and fonts are the server's own files (relative addresses) or, for the command line's
offline file, written into the page itself (:class:`Resources`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from ..data import Status
from ..figures.render import RenderContext
from ..figures.style import KHATLON_COLOR, SELECTED_COLOR
from ..i18n import LANGUAGE_NAMES, LANGUAGES
from .content import Brief, IndicatorRow, ServiceBar, Trend
from .svg import coverage_bar, line_chart, locator_map

MAX_ECHO = 40  # characters of an unknown name quoted back on the not-found page


@dataclass(frozen=True)
class Resources:
    """How the page gets its styles and script.

    On the server: ``stylesheets`` and ``script`` are relative addresses of files under ``assets/``
    (the Content-Security-Policy allows no inline script), and ``toolbar`` shows the links back to
    the dashboard, the language switch and the print button. For the command line: ``inline_css``
    holds the styles and fonts themselves (the file works offline, without the server).
    """

    stylesheets: tuple[str, ...] = ()
    inline_css: str = ""
    script: str = ""
    icon: str = ""
    toolbar: bool = False


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _head(title: str, language: str, resources: Resources) -> str:
    links = "".join(f'<link rel="stylesheet" href="{_e(href)}">' for href in resources.stylesheets)
    inline = f"<style>{resources.inline_css}</style>" if resources.inline_css else ""
    script = f'<script src="{_e(resources.script)}" defer></script>' if resources.script else ""
    icon = f'<link rel="icon" href="{_e(resources.icon)}">' if resources.icon else ""
    return (
        f'<!doctype html><html lang="{_e(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{_e(title)}</title>{icon}{links}{inline}{script}</head>'
    )


def _query(**values: str) -> str:
    return "?" + urlencode(values)


def _toolbar(brief: Brief, ctx: RenderContext) -> str:
    """Back to the dashboard (this unit's profile), the language switch and the print button; never printed."""
    home = "./" + _query(district=brief.unit_id, tab="chart", chart="profile", lang=brief.language)
    languages = " ".join(
        f'<a href="{_e(_query(district=brief.unit_id, lang=code))}" lang="{code}"'
        + (' aria-current="page"' if code == brief.language else "")
        + f">{_e(LANGUAGE_NAMES[code])}</a>"
        for code in LANGUAGES
    )
    back, button = ctx.t("Back to the dashboard"), ctx.t("Print / Save as PDF")
    return (
        '<nav class="toolbar no-print">'
        f'<a class="home" href="{_e(home)}">← {_e(back)}</a>'
        f'<span class="languages">{languages}</span>'
        f'<button type="button" class="button print-button" id="print-brief" hidden>{_e(button)}</button></nav>'
    )


def _mark(brief: Brief, shown: bool, small: bool = True) -> str:
    """The illustrative mark, where illustrative numbers are shown."""
    if not shown:
        return ""
    return f'<span class="mark{" mark-small" if small else ""}">⚠ {_e(brief.illustrative_mark)}</span>'


def _header(brief: Brief, ctx: RenderContext) -> str:
    name = brief.name
    if brief.former_name:
        name = ctx.t("{name} (formerly {previous})", name=brief.name, previous=brief.former_name)
    where = ctx.t("Location in Khatlon")
    kicker = ctx.t("District brief") + " · " + ctx.t("Khatlon Migration Dashboard")
    locator = locator_map(brief.locator, width=160, label=where)
    return (
        '<header class="brief-header"><div class="titles">'
        f'<p class="kicker">{_e(kicker)}</p>'
        f'<h1 class="unit-name">{_e(name)}</h1>'
        f'<p class="type-line">{_e(brief.type_line)}</p>'
        f'<p class="as-of">{_e(brief.data_as_of)}</p>'
        f"{_mark(brief, brief.illustrative, small=False)}</div>"
        f'<figure class="locator-figure">{locator}'
        f"<figcaption>{_e(where)}</figcaption></figure></header>"
    )


def _row(row: IndicatorRow) -> str:
    status = f'<span class="status-word">{_e(row.status_text)}</span>'
    if row.sample_note:
        status += f'<br><span class="flag">{_e(row.sample_note)}</span>'
    marked = row.khatlon_illustrative and row.status is not Status.ILLUSTRATIVE  # the status cell speaks of the unit
    khatlon = ("⚠ " if marked else "") + row.khatlon_text
    star = "*" if row.khatlon_is_mean else ""
    classes = " ".join(c for c in (f"status-{row.status.value}", f"flag-{row.flag.value}") if c)
    return (
        f'<tr class="{classes}" data-indicator="{_e(row.indicator_id)}"><th scope="row">{_e(row.label)}</th>'
        f'<td class="value">{_e(row.value_text)}</td><td class="khatlon">{_e(khatlon)}{star}</td>'
        f'<td class="year">{row.year}</td><td class="status">{status}</td></tr>'
    )


def _indicators(brief: Brief, ctx: RenderContext) -> str:
    heads = [ctx.t("Indicator"), brief.name, ctx.t("Khatlon"), ctx.t("Year"), ctx.t("Status")]
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    note = f'<p class="note">* {_e(brief.khatlon_mean_note)}</p>' if brief.khatlon_mean_note else ""
    title = ctx.t("Key indicators against Khatlon")
    return (
        '<section class="indicators"><h2>'
        f"{_e(title)}{_mark(brief, brief.table_illustrative)}</h2>"
        f'<table class="indicator-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(_row(r) for r in brief.rows)}</tbody></table>{note}</section>"
    )


def _legend(name: str, ctx: RenderContext, line: bool = False) -> str:
    """Which colour is the unit and which Khatlon (a swatch or a line sample beside each name)."""
    if line:
        unit = f'<svg width="18" height="8" aria-hidden="true"><line x1="0" x2="18" y1="4" y2="4" stroke="{SELECTED_COLOR}" stroke-width="2"/></svg>'  # noqa: E501
        khatlon = f'<svg width="18" height="8" aria-hidden="true"><line x1="0" x2="18" y1="4" y2="4" stroke="{KHATLON_COLOR}" stroke-width="2" stroke-dasharray="4 3"/></svg>'  # noqa: E501
    else:
        unit = f'<svg width="12" height="10" aria-hidden="true"><rect width="12" height="10" fill="{SELECTED_COLOR}"/></svg>'  # noqa: E501
        khatlon = (
            f'<svg width="4" height="12" aria-hidden="true"><rect width="2" height="12" fill="{KHATLON_COLOR}"/></svg>'  # noqa: E501
        )
    khatlon_name = ctx.t("Khatlon")
    return f'<p class="legend"><span>{unit} {_e(name)}</span><span>{khatlon} {_e(khatlon_name)}</span></p>'


def _service_row(bar: ServiceBar) -> str:
    return (
        f'<tr><th scope="row">{_e(bar.label)}</th><td class="bar">{coverage_bar(bar.value, bar.khatlon)}</td>'
        f'<td class="value">{_e(bar.value_text)}</td><td class="khatlon">{_e(bar.khatlon_text)}</td></tr>'
    )


def _services(brief: Brief, ctx: RenderContext) -> str:
    if not brief.services:
        return ""
    title = ctx.t("Service coverage for migrant-sending families, {year}", year=brief.services_year)
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in ("", "0–100 %", brief.name, ctx.t("Khatlon")))
    return (
        f'<section class="services"><h2>{_e(title)}{_mark(brief, brief.services_illustrative)}</h2>'
        f"{_legend(brief.name, ctx)}"
        f'<table class="service-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(_service_row(b) for b in brief.services)}</tbody></table></section>"
    )


def _trend(trend: Trend, ctx: RenderContext) -> str:
    def number(value: float) -> str:
        return ctx.number(value, trend.decimals)

    def tick(value: float) -> str:
        return ctx.number(value, 0 if float(value).is_integer() else 1)

    chart = line_chart(
        trend.years,
        [(trend.values, SELECTED_COLOR, False), (trend.khatlon, KHATLON_COLOR, True)],
        number,
        tick,
        label=trend.label,
    )
    unit = f" ({_e(trend.unit)})" if trend.unit else ""
    return f'<figure class="trend"><figcaption>{_e(trend.label)}{unit}</figcaption>{chart}</figure>'


def _trends(brief: Brief, ctx: RenderContext) -> str:
    if not brief.trends:
        return ""
    years = [y for t in brief.trends for y in t.years]
    title = ctx.t("Headline indicators, {first}–{last}", first=min(years), last=max(years))
    illustrative = any(t.illustrative for t in brief.trends)
    return (
        f'<section class="trends"><h2>{_e(title)}{_mark(brief, illustrative)}</h2>'
        f"{_legend(brief.name, ctx, line=True)}"
        f'<div class="trend-grid">{"".join(_trend(t, ctx) for t in brief.trends)}</div></section>'
    )


def _sources(brief: Brief, ctx: RenderContext) -> str:
    licence_word, boundaries, heading = ctx.t("Licence"), ctx.t("District boundaries"), ctx.t("Sources")
    items = []
    for source in brief.sources:
        licence = f" · {_e(licence_word)}: {_e(source.licence)}" if source.licence else ""
        items.append(
            f'<li><span class="source-name">{_e(source.name)}</span>{licence}'
            f'<span class="source-indicators"> — {_e("; ".join(source.indicators))}</span></li>'
        )
    items.append(f"<li>{_e(boundaries)}: {_e(brief.boundaries_source)}</li>")
    return f'<section class="sources"><h2>{_e(heading)}</h2><ul>{"".join(items)}</ul></section>'


def brief_page(brief: Brief, ctx: RenderContext, resources: Resources) -> str:
    """The whole page of one brief."""
    kind, dashboard = ctx.t("District brief"), ctx.t("Khatlon Migration Dashboard")
    title = f"{brief.name} — {kind}"
    footer = f"{dashboard} · {brief.data_as_of}"
    return (
        _head(title, brief.language, resources)
        + f'<body class="brief lang-{_e(brief.language)}">'
        + (_toolbar(brief, ctx) if resources.toolbar else "")
        + '<main class="sheet">'
        + _header(brief, ctx)
        + _indicators(brief, ctx)
        + _services(brief, ctx)
        + _trends(brief, ctx)
        + _sources(brief, ctx)
        + f'<footer class="brief-footer">{_e(footer)}</footer></main></body></html>'
    )


def not_found_page(value: str, units: Iterable[tuple[str, str]], ctx: RenderContext, resources: Resources) -> str:
    """No unit of that name (or none named): say so, offer every unit's brief and the dashboard."""
    shown = value.strip()[:MAX_ECHO]
    text = (
        ctx.t("District or city '{value}' not found.", value=shown)
        if shown
        else ctx.t("No district or city was named.")
    )
    links = "".join(
        f'<li><a href="{_e(_query(district=unit_id, lang=ctx.language))}">{_e(name)}</a></li>'
        for unit_id, name in units
    )
    home = "./" + _query(lang=ctx.language)
    title, choose, back = ctx.t("Page not found"), ctx.t("Choose a district or city:"), ctx.t("Back to the dashboard")
    return (
        _head(title, ctx.language, resources)
        + '<body class="brief not-found"><main class="sheet">'
        + f'<h1>{_e(title)}</h1><p class="message">{_e(text)}</p>'
        + f'<p>{_e(choose)}</p><ul class="unit-list">{links}</ul>'
        + f'<p><a class="home" href="{_e(home)}">← {_e(back)}</a></p>'
        + "</main></body></html>"
    )
