"""The table ``make bench`` prints (Markdown, ready for the README) and the targets it checks.

KB here is 1,000 bytes. Each target names the measurement it applies to; a missed target is
marked, never an error: the benchmark measures, it does not test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

INTERACTIONS = (("indicator", "indicator change"), ("year", "year change"), ("district", "district click"))
STEPS = ("load", "indicator", "year", "district")
PASS, MISS = "✓", "✗ missed"


@dataclass
class Row:
    label: str
    real: str
    naive: str = ""
    ratio: str = ""
    target: str = ""
    ok: bool | None = None  # None: no target, or nothing measured

    @property
    def mark(self) -> str:
        return "" if self.ok is None else (PASS if self.ok else MISS)


def get(data: dict | None, *path, default=None):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def num(value, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.0f}" if isinstance(value, float) else f"{value:,}"
    return f"{text} {unit}".strip()


def ratio(naive, real) -> str:
    if not naive or not real:
        return ""
    return f"{naive / real:.1f}×"


def check(value, limit: float) -> bool | None:
    return None if value is None else value <= limit


def build_rows(results: dict) -> list[Row]:
    real, naive = results.get("real") or {}, results.get("naive") or {}
    rows: list[Row] = []

    def add(label: str, path: tuple, unit: str = "B", target: str = "", test: Callable | None = None) -> None:
        mine, theirs = get(real, *path), get(naive, *path)
        rows.append(
            Row(label, num(mine, unit), num(theirs, unit), ratio(theirs, mine), target, test(mine) if test else None)
        )

    add("first load (cold cache): on the wire", ("first_load", "on_wire"), "B", "≤ 900 KB", lambda v: check(v, 900e3))
    add("first load: decoded", ("first_load", "decoded"))
    add("first load: requests", ("first_load", "requests"), "")
    loads = len(get(real, "map_drawn_ms", default=[]))
    values = "; ".join(num(v) for v in get(real, "map_drawn_ms", default=[]))
    rows.append(
        Row(
            f"map drawn, median of {loads} cold loads (each: {values})",
            num(get(real, "map_drawn_median_ms"), "ms"),
            num(get(naive, "map_drawn_median_ms"), "ms"),
            ratio(get(naive, "map_drawn_median_ms"), get(real, "map_drawn_median_ms")),
            "≤ 1.5 s",
            check(get(real, "map_drawn_median_ms"), 1500),
        )
    )
    rows.append(
        Row("first load timeline, ms: HTML / plotly.js / DOMContentLoaded / 1st callback", *_timelines(real, naive))
    )
    for key, title in INTERACTIONS:
        base = ("interactions", key)
        add(f"{title}: round trips", (*base, "round_trips"), "", "≤ 3 round trips", lambda v: check(v, 3))
        add(f"{title}: response bodies on the wire", (*base, "bodies_on_wire"), "B", "≤ 3 KB", lambda v: check(v, 3e3))
        add(f"{title}: responses on the wire (with headers)", (*base, "on_wire"))
        add(f"{title}: decoded", (*base, "decoded"))
        if key == "indicator":
            add("indicator change: largest response on the wire", (*base, "largest_body_on_wire"))
            add("indicator change: largest response decoded (all figures)", (*base, "largest_decoded"))
            add(
                "indicator change: map update decoded (the map's part of it)",
                (*base, "map_part_decoded"),
                "B",
                "≤ 2 KB",
                lambda v: check(v, 2e3),
            )
        redraw = f"{title}: redraw (action → map repainted, or page settled)"
        add(redraw, (*base, "redraw_ms"), "ms")  # no target in the issue: shown for comparison
    presenter = results.get("presenter") or {}
    if presenter:
        rows.append(
            Row(
                f"presenter step, key → scene drawn, p50 / p95 / max ({presenter.get('samples', 0)} steps, 1920×1080)",
                " / ".join(num(presenter.get(k)) for k in ("p50_ms", "p95_ms", "max_ms")) + " ms",
                "(no presenter)",
                "",
                "p95 ≤ 300 ms",
                check(presenter.get("p95_ms"), 300),
            )
        )
    rows += _load_rows(results.get("load_real") or {}, results.get("load_naive") or {})
    return rows


def _timelines(real: dict, naive: dict) -> tuple[str, str]:
    keys = ("htmlResponseEnd", "plotlyResponseEnd", "domContentLoaded", "firstCallbackResponseEnd")
    return tuple(" / ".join(num(get(app, "first_load", "timeline_ms", k)) for k in keys) for app in (real, naive))


def _load_rows(real: dict, naive: dict) -> list[Row]:
    if not real:
        return []
    rows = []
    title = f"load test, {real.get('users')} users × {real.get('seconds'):.0f} s"
    for step in STEPS:
        mine, theirs = get(real, "steps", step), get(naive, "steps", step)
        if not mine:
            continue

        def cell(data: dict | None) -> str:
            if not data:
                return "—"
            times = " / ".join(num(data.get(k)) for k in ("p50_ms", "p95_ms", "p99_ms"))
            return f"{times} ms (n={data.get('count', 0)}, errors {data.get('errors', 0)})"

        ok = None
        if mine.get("p95_ms") is not None:
            ok = mine["p95_ms"] <= 300 and mine.get("errors", 0) == 0
        rows.append(
            Row(
                f"{title}: {step} p50 / p95 / p99 ({_requests(mine.get('requests_each'))} each)",
                cell(mine),
                cell(theirs),
                ratio(get(theirs, "p95_ms"), mine.get("p95_ms")),
                "p95 ≤ 300 ms, 0 errors",
                ok,
            )
        )
    errors = real.get("failed_requests", 0)
    rows.append(
        Row(
            f"{title}: failed requests / requests",
            f"{errors} / {num(real.get('requests'))}",
            f"{get(naive, 'failed_requests', default='—')} / {num(get(naive, 'requests'))}",
            "",
            "0 errors",
            errors == 0,
        )
    )
    rows.append(
        Row(
            f"{title}: requests per second",
            num(real.get("requests_per_s")),
            num(get(naive, "requests_per_s")),
            ratio(get(naive, "requests_per_s"), real.get("requests_per_s")),
        )
    )
    rows.append(
        Row(
            f"{title}: memory, max RSS of a worker / of all workers",
            _memory(real),
            _memory(naive),
            ratio(get(naive, "memory", "max_rss_total_mib"), get(real, "memory", "max_rss_total_mib")),
        )
    )
    return rows


def _requests(count) -> str:
    return f"{count} request{'' if count == 1 else 's'}"


def _memory(load: dict) -> str:
    memory = load.get("memory") if load else None
    if not memory:
        return "—"
    text = f"{memory['max_rss_worker_mib']:,.0f} / {memory['max_rss_total_mib']:,.0f} MiB"
    pss = f", PSS of all {memory['max_pss_total_mib']:,.0f} MiB" if memory.get("max_pss_total_mib") else ""
    return f"{text} ({memory['workers']} workers{pss})"


def markdown(rows: list[Row]) -> str:
    header = ["what", "real app", "naive app", "naive ÷ real", "target", ""]
    cells = [header] + [[r.label, r.real, r.naive, r.ratio, r.target, r.mark] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def missed(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.ok is False]
