"""Loading the three kinds of CSV file: units, the indicator catalogue and indicator values.

Each loader returns typed records (or a typed frame) for the rows that passed, and the problems
found; a bad row is reported and left out, it never stops the other rows or files.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .model import (
    TAJIKISTAN,
    Aggregate,
    Direction,
    District,
    Indicator,
    Level,
    Scale,
    Status,
    UnitType,
    ValueType,
)
from .names import DistrictResolver, UnitNames, UnknownDistrictError, parse_name
from .problems import NO_COLUMN, Problem
from .readers import LINE, read_csv_table
from .schemas import (
    SNAKE_ID,
    Rule,
    catalogue_text_schema,
    districts_text_schema,
    indicator_text_schema,
    text_rules,
    validate_frame,
)

FILE = "_file"
AREA_NAMES = {
    "khatlon": ("Khatlon", "Khatlon province", "Khatlon region", "Хатлонская область", "Вилояти Хатлон"),
    "tajikistan": ("Tajikistan", "Republic of Tajikistan", "Таджикистан", "Тоҷикистон"),
}
AREA_KEYS = {parse_name(name)[0]: area for area, names in AREA_NAMES.items() for name in (*names, area)}


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def _choice(enum, text: str, fallback):
    """``enum(text)``, or ``fallback`` for a cell already reported as invalid.

    Rows with a reported problem are still loaded provisionally (the store is not built while any
    problem remains), so that one bad cell does not cascade into "unknown id" on every other file.
    """
    try:
        return enum(text)
    except ValueError:
        return fallback


def _integer(text: str, fallback: int) -> int:
    return int(text) if text.isdigit() else fallback


# --------------------------------------------------------------------------- districts.csv
def load_districts(path: Path, shown: str) -> tuple[list[District], list[Problem]]:
    frame, problems = read_csv_table(path, shown)
    if frame is None:
        return [], problems
    rules = text_rules(str, str)
    failed, found = validate_frame(districts_text_schema(), frame, rules, lambda _: shown)
    problems += found
    if any(p.line == 1 for p in found):
        return [], problems
    districts: list[District] = []
    seen: dict[str, int] = {}
    for _, row in frame.iterrows():
        if not SNAKE_ID.fullmatch(row["district_id"]):
            continue
        if row["district_id"] in seen:
            problems.append(
                Problem(
                    shown,
                    int(row[LINE]),
                    "district_id",
                    f"duplicate id {row['district_id']!r}, first on line {seen[row['district_id']]}",
                )
            )
            continue
        seen[row["district_id"]] = int(row[LINE])
        districts.append(
            District(
                district_id=row["district_id"],
                type=_choice(UnitType, row["type"], UnitType.DISTRICT),
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                name_tg=row["name_tg"],
                former_names=split_list(row.get("former_names", "")),
                alt_spellings=split_list(row.get("alt_spellings", "")),
                admin_centre=row.get("admin_centre", ""),
                rename_note=row.get("rename_note", ""),
                previous_name=row.get("previous_name", ""),
                renamed=row.get("renamed", ""),
            )
        )
    if frame.empty:
        problems.append(Problem(shown, 2, NO_COLUMN, "districts.csv has a header but no units"))
    return districts, problems + _name_clashes(districts, frame, shown)


def build_resolver(districts: list[District]) -> DistrictResolver:
    return DistrictResolver(
        UnitNames(
            d.district_id,
            d.type.value,
            d.name_en,
            (d.name_en, d.name_ru, d.name_tg),
            d.alt_spellings,
            d.former_names,
            d.admin_centre,
        )
        for d in districts
    )


def _name_clashes(districts: list[District], frame: pd.DataFrame, shown: str) -> list[Problem]:
    """Every unit's current names must resolve to that unit and nothing else."""
    resolver = build_resolver(districts)
    lines = dict(zip(frame["district_id"], frame[LINE]))
    problems = []
    for district in districts:
        for column, name in (
            ("name_en", district.name_en),
            ("name_ru", district.name_ru),
            ("name_tg", district.name_tg),
        ):
            try:
                found = resolver.resolve(name)
            except UnknownDistrictError as error:
                found = str(error)
            if found != district.district_id:
                problems.append(
                    Problem(
                        shown,
                        int(lines[district.district_id]),
                        column,
                        f"name {name!r} does not identify {district.district_id!r}: {found}",
                    )
                )
    return problems


# --------------------------------------------------------------------------- catalogue.csv
def load_catalogue(path: Path, shown: str) -> tuple[dict[str, Indicator], list[Problem]]:
    frame, problems = read_csv_table(path, shown)
    if frame is None:
        return {}, problems
    rules = text_rules(str, str)
    failed, found = validate_frame(catalogue_text_schema(), frame, rules, lambda _: shown)
    problems += found
    if any(p.line == 1 for p in found):
        return {}, problems
    indicators: dict[str, Indicator] = {}
    for _, row in frame.iterrows():
        line = int(row[LINE])
        if not SNAKE_ID.fullmatch(row["id"]):
            continue
        first, last = _integer(row["first_year"], 1800), _integer(row["last_year"], 2199)
        if row["id"] in indicators:
            problems.append(Problem(shown, line, "id", f"duplicate indicator id {row['id']!r}"))
            continue
        if first > last:  # reported; kept provisionally (years unchecked) so its rows are not all "unknown"
            problems.append(Problem(shown, line, "last_year", f"last_year {last} is before first_year {first}"))
            first, last = 1800, 2199
        if row["status"] == Status.ILLUSTRATIVE and not row.get("caveat", ""):
            problems.append(Problem(shown, line, "caveat", "an illustrative indicator needs a caveat saying so"))
        indicators[row["id"]] = Indicator(
            id=row["id"],
            theme=row["theme"],
            label=row["label"],
            unit=row["unit"],
            value_type=_choice(ValueType, row["value_type"], ValueType.RATE),
            decimals=_integer(row["decimals"], 1),
            first_year=first,
            last_year=last,
            level=_choice(Level, row["level"], Level.DISTRICT),
            aggregate=_choice(Aggregate, row["aggregate"], Aggregate.MEAN),
            direction=_choice(Direction, row["direction"], Direction.NEUTRAL),
            scale=_choice(Scale, row["scale"], Scale.SEQUENTIAL),
            status=_choice(Status, row["status"], Status.ILLUSTRATIVE),
            definition=row["definition"],
            source=row["source"],
            source_url=row["source_url"],
            licence=row["licence"],
            updated=row["updated"],
            caveat=row.get("caveat", ""),
        )
    if not indicators and not problems:
        problems.append(Problem(shown, 2, NO_COLUMN, "the catalogue has a header but no indicators"))
    return indicators, problems


# --------------------------------------------------------------------------- indicator values
@dataclass(frozen=True)
class ValueContext:
    """What indicator files are checked against.

    When ``districts.csv`` or the catalogue could not be read, its checks are switched off
    (``strict_*=False``) rather than repeated as one problem per row.
    """

    resolver: DistrictResolver
    indicators: Mapping[str, Indicator]
    strict_districts: bool = True
    strict_indicators: bool = True

    def resolve_area(self, name: str) -> str:
        """A unit id, or ``khatlon`` / ``tajikistan`` for the aggregate areas."""
        area = AREA_KEYS.get(parse_name(name)[0])
        if area is not None:
            return area
        try:
            return self.resolver.resolve(name)
        except UnknownDistrictError:
            if self.strict_districts:
                raise
            return name

    def is_area(self, name: str) -> bool:
        try:
            self.resolve_area(name)
        except UnknownDistrictError:
            return False
        return True

    def is_indicator(self, name: str) -> bool:
        return not self.strict_indicators or name in self.indicators

    def describe_area(self, name: str) -> str:
        try:
            self.resolve_area(name)
        except UnknownDistrictError as error:
            return str(error)
        return f"{name!r} is a known district"  # pragma: no cover

    def describe_indicator(self, name: str) -> str:
        close = difflib.get_close_matches(name, list(self.indicators), n=2, cutoff=0.6)
        hint = "; did you mean " + ", ".join(repr(c) for c in close) + "?" if close else ""
        return f"unknown indicator {name!r} (not in catalogue.csv){hint}"


def read_value_file(path: Path, shown: str, context: ValueContext) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check the text of one indicator file; return its good rows, typed."""
    frame, problems = read_csv_table(path, shown)
    if frame is None:
        return None, problems
    if frame.empty:
        return None, problems + [Problem(shown, 2, NO_COLUMN, "the file has a header but no rows")]
    schema = indicator_text_schema(context.is_area, context.is_indicator)
    rules = text_rules(context.describe_area, context.describe_indicator)
    failed, found = validate_frame(schema, frame, rules, lambda _: shown)
    problems += found
    if any(p.line == 1 for p in found):
        return None, problems
    good = frame.drop(index=list(failed))
    for column in ("source", "source_url"):
        if column not in good:
            good[column] = ""
    typed = pd.DataFrame(
        {
            LINE: good[LINE].astype(int),
            FILE: shown,
            "district_id": good["district"].map(context.resolve_area),
            "indicator": good["indicator"],
            "year": good["year"].astype(int),
            "value": good["value"].astype(float),
            "lower": pd.to_numeric(good["lower"].replace("", np.nan)),
            "upper": pd.to_numeric(good["upper"].replace("", np.nan)),
            "sample_size": pd.to_numeric(good["sample_size"].replace("", np.nan)).astype("Int64"),
            "note": good["note"],
            "source": good["source"],
            "source_url": good["source_url"],
        }
    )
    return typed, problems


def values_rules_schema(indicators: Mapping[str, Indicator]) -> tuple[pa.DataFrameSchema, Callable]:
    """Checks across columns and files on the combined, typed values."""
    first = {i: ind.first_year for i, ind in indicators.items()}
    last = {i: ind.last_year for i, ind in indicators.items()}
    percent = {i for i, ind in indicators.items() if ind.value_type is ValueType.PERCENT}
    national = {i for i, ind in indicators.items() if ind.level is Level.NATIONAL}
    never_negative = {i for i, ind in indicators.items() if ind.value_type in (ValueType.COUNT, ValueType.AMOUNT)}

    def in_percent_range(column: str) -> Callable[[pd.DataFrame], pd.Series]:
        return lambda df: ~df["indicator"].isin(percent) | df[column].isna() | df[column].between(0, 100)

    checks = [
        pa.Check(
            lambda df: df["year"].between(df["indicator"].map(first), df["indicator"].map(last)), error="year_range"
        ),
        pa.Check(in_percent_range("value"), error="percent_value"),
        pa.Check(in_percent_range("lower"), error="percent_lower"),
        pa.Check(in_percent_range("upper"), error="percent_upper"),
        pa.Check(lambda df: df["lower"].isna() | (df["lower"] <= df["value"]), error="lower_above_value"),
        pa.Check(lambda df: df["upper"].isna() | (df["value"] <= df["upper"]), error="value_above_upper"),
        pa.Check(lambda df: df["indicator"].isin(national) == (df["district_id"] == TAJIKISTAN), error="level"),
        pa.Check(lambda df: ~df["indicator"].isin(never_negative) | (df["value"] >= 0), error="negative"),
        pa.Check(lambda df: (df["sample_size"].fillna(1) >= 1).astype(bool), error="no_sample"),
    ]
    schema = pa.DataFrameSchema(
        checks=checks, unique=["district_id", "indicator", "year"], report_duplicates="exclude_first"
    )

    def rules(frame: pd.DataFrame) -> dict[str, Callable[[str, pd.Series], Rule]]:
        first_seen = frame.drop_duplicates(["district_id", "indicator", "year"]).set_index(
            ["district_id", "indicator", "year"]
        )

        def duplicate(row: pd.Series) -> str:
            origin = first_seen.loc[(row["district_id"], row["indicator"], row["year"])]
            return (
                f"duplicate row for ({row['district_id']}, {row['indicator']}, {row['year']}); "
                f"first given at {origin[FILE]}:{origin[LINE]}"
            )

        def percent_rule(column: str) -> Callable[[str, pd.Series], Rule]:
            return lambda _, row: Rule(column, lambda r: f"{r[column]:g} is a percentage outside 0-100")

        def level(row: pd.Series) -> str:
            if row["indicator"] in national:
                return f"{row['indicator']} is a national indicator: its rows must be for tajikistan"
            return f"{row['indicator']} is a district indicator: tajikistan rows belong to national indicators"

        return {
            "year_range": lambda _, row: Rule(
                "year",
                lambda r: (
                    f"year {r['year']} is outside the catalogue's range for {r['indicator']} "
                    f"({first[r['indicator']]}-{last[r['indicator']]})"
                ),
            ),
            "percent_value": percent_rule("value"),
            "percent_lower": percent_rule("lower"),
            "percent_upper": percent_rule("upper"),
            "lower_above_value": lambda _, row: Rule(
                "lower", lambda r: f"lower bound {r['lower']:g} is above the value {r['value']:g}"
            ),
            "value_above_upper": lambda _, row: Rule(
                "upper", lambda r: f"value {r['value']:g} is above the upper bound {r['upper']:g}"
            ),
            "level": lambda _, row: Rule("district", level),
            "negative": lambda _, row: Rule(
                "value", lambda r: f"{r['value']:g} is negative; {r['indicator']} counts people or money"
            ),
            "no_sample": lambda _, row: Rule(
                "sample_size", lambda r: "a sample size must be at least 1 (leave it empty if unknown)"
            ),
            "multiple_fields_uniqueness": lambda _, row: Rule("district", duplicate),
        }

    return schema, rules


def check_values(frames: list[pd.DataFrame], indicators: Mapping[str, Indicator]) -> tuple[pd.DataFrame, list[Problem]]:
    """Check all indicator files together; return the good rows and the problems."""
    if not frames:
        return _empty_values(), []
    combined = pd.concat(frames, ignore_index=True)
    schema, make_rules = values_rules_schema(indicators)
    failed, problems = validate_frame(schema, combined, make_rules(combined), lambda label: combined.at[label, FILE])
    return combined.drop(index=list(failed)).reset_index(drop=True), problems


def _empty_values() -> pd.DataFrame:
    return pd.DataFrame(
        {
            LINE: pd.Series(dtype=int),
            FILE: pd.Series(dtype=str),
            "district_id": pd.Series(dtype=str),
            "indicator": pd.Series(dtype=str),
            "year": pd.Series(dtype=int),
            "value": pd.Series(dtype=float),
            "lower": pd.Series(dtype=float),
            "upper": pd.Series(dtype=float),
            "sample_size": pd.Series(dtype="Int64"),
            "note": pd.Series(dtype=str),
            "source": pd.Series(dtype=str),
            "source_url": pd.Series(dtype=str),
        }
    )
