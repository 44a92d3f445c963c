"""Change over time (``mode=change``): value(``year``) − value(``from_year``) per unit, for the map and the ranking.

A unit has a change only when both years have a value that may be shown (a missing or suppressed
year leaves it out: grey on the map, not ranked, and the hover says which year is missing). The
change is in the indicator's unit, except for percentages, whose differences are percentage points.

The interval of a change is an approximation (the data hold no covariance between years): each
year's interval is taken as symmetric around its value, with half-width h = (upper − lower) / 2,
and the two years' errors as independent, so the change's half-width is sqrt(h1² + h2²). Intervals
that are skewed are made symmetric, and errors that are correlated between years (a panel survey,
a model) make the true interval narrower. The hover calls it "approx. 95% interval" ("approx.
model interval" when either row is illustrative). A year without bounds gives no interval.

The second half of the module reads a view in either mode (:func:`shown_values`, :func:`unit_hover`,
:func:`small_sample_units`...), so that the map and the ranking only branch where they must.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from plotly.colors import sample_colorscale

from ..data import KHATLON, DataStore, Indicator, Observation
from ..data.model import Aggregate, ValueType
from ..data.quality import SampleFlag, sample_flag, shown_value
from ..state import Mode, ViewState
from .colorscale import color_axis, color_range, point_color
from .hover import EXTRA, PointHovers, point_hovers
from .labels import hover_lines, is_missing, place_title, provenance_text, unit_text
from .render import RenderContext
from .style import DIVERGING_SCALE, NO_DATA_COLOR

MINUS = "\u2212"  # the typographic minus, as plotly writes negative ticks


@dataclass(frozen=True)
class Change:
    """value(``year``) − value(``from_year``) of one area, with the two rows it was computed from."""

    value: float
    half_width: float | None  # of the approx. 95% interval; None unless both years have bounds
    before: Observation  # the row of ``from_year``
    after: Observation  # the row of ``year``

    @property
    def lower(self) -> float | None:
        return None if self.half_width is None else self.value - self.half_width

    @property
    def upper(self) -> float | None:
        return None if self.half_width is None else self.value + self.half_width

    @property
    def is_illustrative(self) -> bool:
        """Either year's row is illustrative (its interval is then a model interval)."""
        return self.before.is_illustrative or self.after.is_illustrative

    def is_small(self, indicator: Indicator) -> bool:
        """Either year's sample is small (n < ``small_sample_below``)."""
        return any(sample_flag(indicator, o) is SampleFlag.SMALL for o in (self.before, self.after))


def _half(observation: Observation) -> float | None:
    if is_missing(observation.lower) or is_missing(observation.upper):
        return None
    return (observation.upper - observation.lower) / 2


def half_width(before: Observation, after: Observation) -> float | None:
    """Half-width of the change's interval: sqrt(h1² + h2²), each h = (upper − lower) / 2 (see the module)."""
    first, second = _half(before), _half(after)
    if first is None or second is None:
        return None
    return math.sqrt(first**2 + second**2)


def change_of(store: DataStore, indicator: Indicator, area_id: str, from_year: int, year: int) -> Change | None:
    """The change of one area between the two years, or ``None`` when either year is missing or suppressed."""
    before = store.observation(indicator.id, area_id, from_year)
    after = store.observation(indicator.id, area_id, year)
    first, second = shown_value(indicator, before), shown_value(indicator, after)
    if first is None or second is None:
        return None
    return Change(second - first, half_width(before, after), before, after)


def changes(
    store: DataStore, indicator: Indicator, ids: Sequence[str], from_year: int, year: int
) -> list[Change | None]:
    """:func:`change_of` for each of ``ids``, in that order."""
    return [change_of(store, indicator, d, from_year, year) for d in ids]


def khatlon_change(store: DataStore, indicator: Indicator, from_year: int, year: int) -> Change | None:
    """Khatlon's own change (its data rows, both years), or ``None``; totals get none (as in value mode)."""
    if indicator.aggregate is Aggregate.SUM:
        return None
    return change_of(store, indicator, KHATLON, from_year, year)


def change_range(store: DataStore, indicator: Indicator, from_year: int, year: int) -> tuple[float, float]:
    """A colour range symmetric around 0, from the largest absolute change of any unit, rounded outwards."""
    found = [c.value for c in changes(store, indicator, list(store.units), from_year, year) if c is not None]
    edge = max((abs(v) for v in found), default=0.0)
    if edge <= 0:
        return -1.0, 1.0
    step = 10 ** math.floor(math.log10(edge)) / 2  # 7.3 -> 7.5, 12.3 -> 15, 0.73 -> 0.75
    edge = round(math.ceil(edge / step - 1e-9) * step, 10)
    return -edge, edge


def change_color(value: float | None, edge: float) -> str:
    """The diverging scale's colour of a change on a range of ``-edge`` to ``edge`` (grey without one)."""
    if is_missing(value):
        return NO_DATA_COLOR
    position = 0.5 if edge <= 0 else min(max((value + edge) / (2 * edge), 0.0), 1.0)
    return sample_colorscale(DIVERGING_SCALE, [position])[0]


# ------------------------------------------------------------------------------------------ words


def is_percent(indicator: Indicator) -> bool:
    return indicator.value_type is ValueType.PERCENT


def change_unit_text(indicator: Indicator, ctx: RenderContext, short: bool = False) -> str:
    """The unit of a change: ``percentage points`` (``pp``) for percentages, else ``{unit} (change)``
    (``short``: the plain unit, as the hover's number carries it)."""
    if is_percent(indicator):
        return ctx.t("pp") if short else ctx.t("percentage points")
    return unit_text(indicator, ctx) if short else ctx.t("{unit} (change)", unit=unit_text(indicator, ctx))


def change_title(indicator: Indicator, from_year: int, year: int, ctx: RenderContext) -> str:
    return ctx.t(
        "Change in {label}, {from_year} to {year}", label=ctx.text(indicator, "label"), from_year=from_year, year=year
    )


def signed(value: float, decimals: int, ctx: RenderContext) -> str:
    """``+3.1``, ``−2.0`` (the sign always shown; a change that rounds to zero has none)."""
    number = ctx.number(abs(value), decimals)
    if round(value, decimals) == 0:
        return number
    return ("+" if value > 0 else MINUS) + number


def _level(indicator: Indicator, value: float, ctx: RenderContext) -> str:
    return ctx.t.percent(value, indicator.decimals) if is_percent(indicator) else ctx.number(value, indicator.decimals)


def change_text(indicator: Indicator, change: Change, ctx: RenderContext) -> str:
    """Hover line 2: ``+3.1 pp (2019: 40.2% → 2024: 43.3%)`` (``40,2 %`` in Russian and Tajik)."""
    return ctx.t(
        "{change} {unit} ({from_year}: {before} → {year}: {after})",
        change=signed(change.value, indicator.decimals, ctx),
        unit=change_unit_text(indicator, ctx, short=True),
        from_year=change.before.year,
        before=_level(indicator, change.before.value, ctx),
        year=change.after.year,
        after=_level(indicator, change.after.value, ctx),
    )


def change_interval_text(indicator: Indicator, change: Change, ctx: RenderContext) -> str:
    """Hover line 3: the approximate interval of the change, the two sample sizes, small-sample notes."""
    parts = []
    if change.half_width is not None:
        bounds = {
            "lower": signed(change.lower, indicator.decimals, ctx),
            "upper": signed(change.upper, indicator.decimals, ctx),
        }
        if change.is_illustrative:
            parts.append(ctx.t("approx. model interval {lower} to {upper}", **bounds))
        else:
            parts.append(ctx.t("approx. 95% interval {lower} to {upper}", **bounds))
    rows = (change.before, change.after)
    small = [o for o in rows if sample_flag(indicator, o) is SampleFlag.SMALL]
    for o in small:
        parts.append(
            ctx.t("small sample in {year} (n = {count}): read with care", year=o.year, count=ctx.number(o.sample_size))
        )
    sized = all(o.sample_size is not None and not o.is_illustrative for o in rows)
    if sized and not small:  # a model's simulated sample size says nothing to a reader
        sizes = [ctx.number(o.sample_size) for o in rows]
        parts.append(ctx.t("n = {before} → {after}", before=sizes[0], after=sizes[1]))
    return " · ".join(parts)


def change_provenance(indicator: Indicator, change: Change, ctx: RenderContext) -> str:
    """Hover line 4: status and source, once when both years share them, else for each year."""
    first, second = (provenance_text(indicator, o, ctx) for o in (change.before, change.after))
    if first == second:
        return first
    return f"{change.before.year}: {first}<br>{change.after.year}: {second}"


def _missing_text(store: DataStore, indicator: Indicator, area_id: str, years: Sequence[int], ctx) -> str:
    """Why an area has no change: which year is missing (or has too few responses)."""
    reasons = []
    for year in years:
        observation = store.observation(indicator.id, area_id, year)
        if observation is None:
            reasons.append(ctx.t("No data for {year}", year=year))
        elif shown_value(indicator, observation) is None:
            size = ctx.number(observation.sample_size)
            reasons.append(ctx.t("too few responses in {year} (n = {count})", year=year, count=size))
    return " · ".join(reasons)


def _lines(
    store: DataStore, indicator: Indicator, area_id: str, change: Change | None, years: tuple[int, int], ctx
) -> list[str]:
    first = f"<b>{place_title(store, area_id, change.after if change else None, ctx)}</b>"
    if change is None:
        return [first, ctx.t("No change to show"), _missing_text(store, indicator, area_id, years, ctx)]
    lines = [first, change_text(indicator, change, ctx)]
    interval = change_interval_text(indicator, change, ctx)
    return lines + ([interval] if interval else []) + [change_provenance(indicator, change, ctx)]


def change_hover_lines(
    store: DataStore, indicator: Indicator, area_id: str, from_year: int, year: int, ctx: RenderContext
) -> list[str]:
    """The hover lines (as text) of one area's change: name; change and both values; interval; source
    (without a change: which year is missing)."""
    change = change_of(store, indicator, area_id, from_year, year)
    return _lines(store, indicator, area_id, change, (from_year, year), ctx)


def change_hovers(
    store: DataStore,
    indicator: Indicator,
    area_ids: Sequence[str],
    from_year: int,
    year: int,
    ctx: RenderContext,
    name: str = "%{text}",
    plain: bool = False,
) -> PointHovers:
    """Hover template and customdata of the changes of ``area_ids`` (as :func:`.hover.point_hovers`).

    Each point's lines 2-3 are finished text in ``customdata[0]`` (numbers formatted here, signs
    shown); line 4 is in the template when every point with a change shares it, else in ``customdata[1]``.
    """
    found = changes(store, indicator, area_ids, from_year, year)
    lines = [_lines(store, indicator, a, c, (from_year, year), ctx)[1:] for a, c in zip(area_ids, found)]
    sources = {texts[-1] for texts, c in zip(lines, found) if c is not None}
    head = [name if plain else f"<b>{name}</b>", "%{customdata[0]}"]
    if len(sources) <= 1:
        customdata = [["<br>".join(texts[:-1] if c else texts)] for texts, c in zip(lines, found)]
        template = head + list(sources)
    else:
        customdata = [
            ["<br>".join(texts[:-1] if c else texts), texts[-1] if c else ""] for texts, c in zip(lines, found)
        ]
        template = [*head, "%{customdata[1]}"]
    return PointHovers("<br>".join(template) + ("" if plain else EXTRA), customdata)


# ------------------------------------------------------------------------- either mode, one view


def changing(view: ViewState) -> bool:
    """Whether the view shows the change since ``from_year`` (an earlier year) rather than the value."""
    return view.mode == Mode.CHANGE and view.from_year is not None and view.from_year < view.year


def shown_values(store: DataStore, indicator: Indicator, view: ViewState, ids: Sequence[str]) -> list[float | None]:
    """What the map colours and the ranking ranks: each unit's value, or its change (``None``: nothing shown)."""
    if changing(view):
        return [c.value if c else None for c in changes(store, indicator, ids, view.from_year, view.year)]
    return [shown_value(indicator, store.observation(indicator.id, d, view.year)) for d in ids]


def view_observations(store: DataStore, indicator: Indicator, view: ViewState, area_id: str) -> list[Observation]:
    """The rows a unit's shown number is read from: the year's, or both years' in change mode."""
    years = (view.from_year, view.year) if changing(view) else (view.year,)
    return [o for y in years if (o := store.observation(indicator.id, area_id, y)) is not None]


def small_sample_units(store: DataStore, indicator: Indicator, view: ViewState, ids: Sequence[str]) -> list[str]:
    """Units whose shown number rests on a small sample (in change mode: either year's)."""
    values = shown_values(store, indicator, view, ids)
    return [
        d
        for d, v in zip(ids, values)
        if v is not None
        and any(sample_flag(indicator, o) is SampleFlag.SMALL for o in view_observations(store, indicator, view, d))
    ]


def view_hovers(
    store: DataStore,
    indicator: Indicator,
    view: ViewState,
    area_ids: Sequence[str],
    ctx: RenderContext,
    name: str = "%{text}",
    value: str = "%{z}",
    plain: bool = False,
) -> PointHovers:
    """The hovers of ``area_ids`` in the view's mode (see :func:`.hover.point_hovers`)."""
    if changing(view):
        return change_hovers(store, indicator, area_ids, view.from_year, view.year, ctx, name=name, plain=plain)
    return point_hovers(store, indicator, area_ids, view.year, ctx, name=name, value=value, plain=plain)


def view_scale(store: DataStore, indicator: Indicator, view: ViewState) -> tuple[str, float, float]:
    """The map's colour axis and range: the indicator's, or in change mode the diverging one around 0."""
    if changing(view):
        return ("coloraxis2", *change_range(store, indicator, view.from_year, view.year))
    return (color_axis(indicator), *color_range(store, indicator))


def view_color(indicator: Indicator, view: ViewState, value: float | None, cmin: float, cmax: float) -> str:
    """The colour of a unit drawn as a point, on the view's scale (grey without a value)."""
    return change_color(value, cmax) if changing(view) else point_color(indicator, value, cmin, cmax)


def view_texts(indicator: Indicator, view: ViewState, ctx: RenderContext) -> tuple[str, str]:
    """The map's title and unit line: ``{label}, {year}`` or ``Change in {label}, {from} to {year}``."""
    if changing(view):
        return change_title(indicator, view.from_year, view.year, ctx), change_unit_text(indicator, ctx)
    return ctx.t("{label}, {year}", label=ctx.text(indicator, "label"), year=view.year), unit_text(indicator, ctx)


def unit_hover(store: DataStore, indicator: Indicator, view: ViewState, area_id: str, ctx: RenderContext) -> list[str]:
    """A unit's hover lines in the view's mode (the first is its bold name)."""
    if changing(view):
        return change_hover_lines(store, indicator, area_id, view.from_year, view.year, ctx)
    return hover_lines(store, indicator, area_id, view.year, ctx)
