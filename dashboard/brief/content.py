"""What a district brief shows, as plain data: the store and a language in, a :class:`Brief` out.

No HTML here: every text is already translated and formatted (numbers in the language's
conventions, values with their units), and :mod:`.page` only lays it out. The rules are the
dashboard's: the unit's value and Khatlon's for each indicator's latest year
(:func:`~dashboard.data.views.profile_indicators`), the small-sample and suppression thresholds of
:mod:`dashboard.data.quality`, the status of each row, the source a reader knows by name.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import MultiPolygon

from ..data import DataStore, Indicator, Status
from ..data.model import UnitType
from ..data.quality import SampleFlag, sample_flag, shown_value
from ..data.views import profile_indicators, service_indicators
from ..figures.labels import source_name, status_text, unit_name, value_text
from ..figures.profile import compact_unit
from ..figures.reference import Reference, khatlon_reference
from ..figures.render import RenderContext
from ..figures.services import service_heading
from ..i18n import N_

HEADLINE = ("hh_member_abroad_pct", "children_parent_abroad_pct", "hh_receiving_remittances_pct")
ILLUSTRATIVE_MARK = N_("Illustrative data — not official statistics")
TYPE_LINES = {
    UnitType.DISTRICT: N_("District of Khatlon province, Tajikistan"),
    UnitType.CITY: N_("City of Khatlon province, Tajikistan"),
}
SIMPLIFY_DEGREES = 0.004  # about 400 m: invisible at a locator map's size, a third of the points

Point = tuple[float, float]  # longitude, latitude


@dataclass(frozen=True)
class IndicatorRow:
    """One line of the key-indicator table: the unit against Khatlon for the indicator's latest year."""

    indicator_id: str
    label: str
    year: int
    value: float | None  # the value shown (``None``: no data, or too few responses to show)
    value_text: str  # ``48.2 % of households``, ``no data``, ``too few responses (n = 8): not shown``
    khatlon: float | None
    khatlon_text: str  # the number with a short unit: ``42.0 %``, ``252 US$`` (the row's unit is beside it)
    khatlon_is_mean: bool  # no Khatlon row in the data: the unweighted mean of districts
    khatlon_illustrative: bool
    status: Status
    status_text: str  # ``⚠ illustrative``, ``survey estimate``, ``official statistics``
    sample_note: str  # ``small sample (n = 24): read with care``, or empty
    flag: SampleFlag

    @property
    def illustrative(self) -> bool:
        """Whether the row shows an illustrative number (the unit's or Khatlon's)."""
        return self.status is Status.ILLUSTRATIVE or self.khatlon_illustrative


@dataclass(frozen=True)
class ServiceBar:
    """A service's coverage in the unit and in Khatlon (percent)."""

    label: str
    value: float | None
    khatlon: float | None
    value_text: str  # the number alone, ``–`` when missing
    khatlon_text: str


@dataclass(frozen=True)
class Trend:
    """One headline indicator over the years: the unit's series and Khatlon's (``None`` = a gap)."""

    indicator_id: str
    label: str
    unit: str  # short: ``%``, ``US$``
    decimals: int
    years: tuple[int, ...]
    values: tuple[float | None, ...]
    khatlon: tuple[float | None, ...]
    illustrative: bool


@dataclass(frozen=True)
class SourceEntry:
    """A source as a reader cites it, its licence, and the indicators that come from it."""

    name: str
    licence: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Locator:
    """Khatlon's polygons (rings of lon/lat points), the points (Bokhtar city), and the unit to highlight."""

    shapes: tuple[tuple[str, tuple[tuple[Point, ...], ...]], ...]  # (unit id, rings)
    points: tuple[tuple[str, Point], ...]
    selected: str
    marker: Point  # where to ring the unit (its label point): small units stay visible


@dataclass(frozen=True)
class Brief:
    """Everything one brief shows, translated and formatted."""

    unit_id: str
    language: str
    name: str
    type_line: str
    former_name: str  # English only (``formerly Jilikul``), else empty
    data_as_of: str  # ``Data as of 28 November 2026``
    rows: tuple[IndicatorRow, ...]
    services: tuple[ServiceBar, ...]
    services_year: int | None
    services_illustrative: bool
    trends: tuple[Trend, ...]
    sources: tuple[SourceEntry, ...]
    boundaries_source: str
    locator: Locator
    khatlon_mean_note: str  # the footnote when a Khatlon value is the mean of districts, else empty
    illustrative_mark: str

    @property
    def illustrative(self) -> bool:
        """Whether any number shown is illustrative (the page then carries the mark)."""
        return (
            any(r.illustrative for r in self.rows)
            or self.services_illustrative
            or any(t.illustrative for t in self.trends)
        )

    @property
    def table_illustrative(self) -> bool:
        return any(r.illustrative for r in self.rows)


def short_status(status: Status, ctx: RenderContext) -> str:
    """The status as a table cell: ``⚠ illustrative`` (as the Table tab writes it), else its full name."""
    return "⚠ " + ctx.t("illustrative") if status is Status.ILLUSTRATIVE else status_text(status, ctx)


def short_value(indicator: Indicator, value: float | None, ctx: RenderContext) -> str:
    """``42.0 %``, ``58.0 ‰``, ``252 US$``: a number with a unit short enough for a narrow column."""
    if value is None:
        return ctx.t("no data")
    return f"{value_text(indicator, value, ctx, with_unit=False)}\u00a0{compact_unit(indicator, ctx)}".strip()


def indicator_row(store: DataStore, indicator: Indicator, unit_id: str, ctx: RenderContext) -> IndicatorRow:
    """The unit and Khatlon for the indicator's latest year."""
    year = store.years(indicator.id)[-1]
    observation = store.observation(indicator.id, unit_id, year)
    flag = sample_flag(indicator, observation)
    value = shown_value(indicator, observation)
    size = ctx.number(observation.sample_size) if observation and observation.sample_size is not None else ""
    if flag is SampleFlag.SUPPRESSED:
        text = ctx.t("too few responses (n = {count}): not shown", count=size)
    else:
        text = value_text(indicator, value, ctx)
    reference = khatlon_reference(store, indicator, year, ctx)
    khatlon = reference.value if reference else None
    khatlon_illustrative = reference is not None and _illustrative_reference(store, indicator, reference)
    status = observation.status if observation is not None else indicator.status
    return IndicatorRow(
        indicator_id=indicator.id,
        label=ctx.text(indicator, "label"),
        year=year,
        value=value,
        value_text=text,
        khatlon=khatlon,
        khatlon_text=short_value(indicator, khatlon, ctx),
        khatlon_is_mean=reference is not None and reference.observation is None,
        khatlon_illustrative=khatlon_illustrative,
        status=status,
        status_text=short_status(status, ctx),
        sample_note=ctx.t("small sample (n = {count}): read with care", count=size) if flag is SampleFlag.SMALL else "",
        flag=flag,
    )


def _illustrative_reference(store: DataStore, indicator: Indicator, reference: Reference) -> bool:
    """Khatlon's row is illustrative; or, with no row, the districts' mean includes illustrative rows."""
    if reference.observation is not None:
        return reference.observation.is_illustrative
    return Status.ILLUSTRATIVE in store.statuses(indicator.id)


def service_bars(store: DataStore, unit_id: str, ctx: RenderContext) -> tuple[tuple[ServiceBar, ...], int | None, bool]:
    """Each service's coverage in the unit and Khatlon for the services' latest year; whether any is illustrative."""
    indicators = service_indicators(store.district_indicators())
    if not indicators:
        return (), None, False
    year = store.years(indicators[0].id)[-1]
    bars = []
    illustrative = False
    for indicator in indicators:
        observation = store.observation(indicator.id, unit_id, year)
        value = shown_value(indicator, observation)
        reference = khatlon_reference(store, indicator, year, ctx)
        khatlon = reference.value if reference else None
        illustrative |= (value is not None and observation.is_illustrative) or (
            reference is not None and _illustrative_reference(store, indicator, reference)
        )
        bars.append(
            ServiceBar(
                label=service_heading(indicator, ctx),
                value=value,
                khatlon=khatlon,
                value_text=ctx.number(value, indicator.decimals),
                khatlon_text=ctx.number(khatlon, indicator.decimals),
            )
        )
    return tuple(bars), year, illustrative


def trends(store: DataStore, unit_id: str, ctx: RenderContext) -> tuple[Trend, ...]:
    """The headline indicators the data has, every year: the unit's shown values and Khatlon's."""
    found = []
    for indicator_id in HEADLINE:
        indicator = store.indicators.get(indicator_id)
        years = store.years(indicator_id)
        if indicator is None or not years:
            continue
        references = [khatlon_reference(store, indicator, year, ctx) for year in years]
        observations = [store.observation(indicator_id, unit_id, year) for year in years]
        found.append(
            Trend(
                indicator_id=indicator_id,
                label=ctx.text(indicator, "label"),
                unit=compact_unit(indicator, ctx),
                decimals=indicator.decimals,
                years=years,
                values=tuple(shown_value(indicator, o) for o in observations),
                khatlon=tuple(r.value if r else None for r in references),
                illustrative=any(o is not None and o.is_illustrative for o in observations)
                or any(r is not None and _illustrative_reference(store, indicator, r) for r in references),
            )
        )
    return tuple(found)


def sources(store: DataStore, indicators: list[Indicator], unit_id: str, ctx: RenderContext) -> tuple[SourceEntry, ...]:
    """Each source once, with its licence and the indicators (labels) it gives.

    A row from another source than the catalogue's (e.g. a survey round among model rows) is cited
    by its own name; the catalogue's licence is not claimed for it.
    """
    grouped: dict[tuple[str, str], list[str]] = {}
    for indicator in indicators:
        year = store.years(indicator.id)[-1]
        observation = store.observation(indicator.id, unit_id, year)
        own = observation is not None and observation.status is not indicator.status and observation.source
        name = source_name(indicator, observation, ctx)
        licence = "" if own else ctx.text(indicator, "licence")
        grouped.setdefault((name, licence), []).append(ctx.text(indicator, "label"))
        if own:  # Khatlon's value and the other years still come from the catalogue's source
            catalogue = source_name(indicator, None, ctx), ctx.text(indicator, "licence")
            grouped.setdefault(catalogue, []).append(ctx.text(indicator, "label"))
    return tuple(
        SourceEntry(name, licence, tuple(dict.fromkeys(labels))) for (name, licence), labels in grouped.items()
    )


def _rings(geometry) -> tuple[tuple[Point, ...], ...]:
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    simple = [shapely.simplify(part, SIMPLIFY_DEGREES, preserve_topology=True) for part in parts]
    return tuple(
        tuple((round(x, 4), round(y, 4)) for x, y in ring.coords)
        for part in simple
        for ring in [part.exterior, *part.interiors]
    )


def locator(store: DataStore, unit_id: str) -> Locator:
    """Khatlon's polygons with ``unit_id`` to highlight (a point unit such as Bokhtar city is a point)."""
    boundaries = store.boundaries
    shapes = tuple((row.district_id, _rings(row.geometry)) for row in boundaries.polygons.itertuples())
    points = tuple((key, (float(x), float(y))) for key, (x, y) in boundaries.points.items())
    marker = dict(points).get(unit_id) or boundaries.label_points().get(unit_id) or (0.0, 0.0)
    return Locator(shapes, points, unit_id, marker)


def build_brief(store: DataStore, unit_id: str, ctx: RenderContext) -> Brief:
    """The brief of one unit (a ``district_id`` of the store) in the context's language."""
    unit = store.units[unit_id]
    indicators = profile_indicators(store.district_indicators())
    rows = tuple(indicator_row(store, i, unit_id, ctx) for i in indicators)
    bars, services_year, services_illustrative = service_bars(store, unit_id, ctx)
    mean_rows = [r for r in rows if r.khatlon_is_mean]
    return Brief(
        unit_id=unit_id,
        language=ctx.language,
        name=unit_name(unit, ctx, with_type=False),
        type_line=ctx.t(TYPE_LINES[unit.type]),
        former_name=unit.previous_name if ctx.language == "en" else "",
        data_as_of=ctx.t("Data as of {date}", date=ctx.t.date(store.data_as_of())),
        rows=rows,
        services=bars,
        services_year=services_year,
        services_illustrative=services_illustrative,
        trends=trends(store, unit_id, ctx),
        sources=sources(store, indicators, unit_id, ctx),
        boundaries_source=ctx.t("© OpenStreetMap contributors; geoBoundaries (ODbL)"),
        locator=locator(store, unit_id),
        khatlon_mean_note=ctx.t("Unweighted mean of districts (no Khatlon figure in the data)") if mean_rows else "",
        illustrative_mark=ctx.t(ILLUSTRATIVE_MARK),
    )
