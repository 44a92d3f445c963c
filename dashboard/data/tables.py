"""Loading ``districts.csv`` (the units) and ``indicators/catalogue.csv`` (the indicators).

Each loader returns typed records for the rows that passed, and the problems found; a bad row is
reported and left out, it never stops the other rows or files. Indicator values: ``values.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from .model import (
    LANGUAGES,
    SMALL_SAMPLE_BELOW,
    SUPPRESS_BELOW,
    TEXT_FIELDS,
    Aggregate,
    Direction,
    Indicator,
    Level,
    Scale,
    Status,
    Unit,
    UnitType,
    ValueType,
)
from .names import DistrictResolver, UnitNames, UnknownDistrictError, parse_name, stem
from .problems import NO_COLUMN, Problem
from .readers import LINE, read_csv_table
from .schemas import SNAKE_ID, catalogue_text_schema, districts_text_schema, text_rules, validate_frame
from .values import split_list


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
    return int(text) if text.isascii() and text.isdigit() else fallback


# --------------------------------------------------------------------------- districts.csv
def load_districts(path: Path, shown: str) -> tuple[list[Unit], list[Problem]]:
    frame, problems = read_csv_table(path, shown)
    if frame is None:
        return [], problems
    rules = text_rules(str, str)
    failed, found = validate_frame(districts_text_schema(), frame, rules, shown)
    problems += found
    if any(p.line == 1 for p in found):
        return [], problems
    districts: list[Unit] = []
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
            Unit(
                unit_id=row["district_id"],
                type=_choice(UnitType, row["type"], UnitType.DISTRICT),
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                name_tg=row["name_tg"],
                label_ru=row.get("label_ru", ""),
                label_tg=row.get("label_tg", ""),
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


def build_resolver(districts: list[Unit]) -> DistrictResolver:
    return DistrictResolver(
        UnitNames(
            d.unit_id,
            d.type.value,
            d.name_en,
            (d.name_en, d.name_ru, d.name_tg),
            d.alt_spellings,
            d.former_names,
            d.admin_centre,
        )
        for d in districts
    )


def name_keys(districts: Iterable[Unit]) -> frozenset[str]:
    """Every key under which :func:`build_resolver`'s resolver indexes a name (with stems).

    A name whose key is not among them is certainly unknown, so it need not be resolved.
    """
    keys: set[str] = set()
    for d in districts:
        for name in (d.unit_id, d.name_en, d.name_ru, d.name_tg, *d.alt_spellings, *d.former_names):
            key = parse_name(name)[0]
            keys.update(k for k in (key, stem(key)) if k)
    return frozenset(keys)


def _name_clashes(districts: list[Unit], frame: pd.DataFrame, shown: str) -> list[Problem]:
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
            if found != district.unit_id:
                problems.append(
                    Problem(
                        shown,
                        int(lines[district.unit_id]),
                        column,
                        f"name {name!r} does not identify {district.unit_id!r}: {found}",
                    )
                )
    return problems


# --------------------------------------------------------------------------- catalogue.csv
def load_catalogue(path: Path, shown: str) -> tuple[dict[str, Indicator], list[Problem]]:
    frame, problems = read_csv_table(path, shown)
    if frame is None:
        return {}, problems
    rules = text_rules(str, str)
    failed, found = validate_frame(catalogue_text_schema(), frame, rules, shown)
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
        small = _integer(row.get("small_sample", ""), SMALL_SAMPLE_BELOW)
        suppress = _integer(row.get("suppress_below", ""), SUPPRESS_BELOW)
        if suppress > small:
            problems.append(
                Problem(
                    shown,
                    line,
                    "suppress_below",
                    f"suppress_below {suppress} is above small_sample {small}: "
                    "values are suppressed below the first and marked as small samples below the second",
                )
            )
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
            calibration=row.get("calibration", ""),
            context=row.get("context", ""),
            small_sample_below=small,
            suppress_below=suppress,
            texts=_texts(row),
        )
    if not indicators and not problems:
        problems.append(Problem(shown, 2, NO_COLUMN, "the catalogue has a header but no indicators"))
    return indicators, problems


def _texts(row: pd.Series) -> MappingProxyType:
    """field -> language -> text for the translatable fields (English from the base column)."""
    texts = {}
    for name in TEXT_FIELDS:
        columns = {language: name if language == "en" else f"{name}_{language}" for language in LANGUAGES}
        given = {language: row.get(column, "") for language, column in columns.items()}
        texts[name] = MappingProxyType({language: text for language, text in given.items() if text})
    return MappingProxyType(texts)
