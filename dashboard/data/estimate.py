"""District and Khatlon estimates from household microdata, with design-based 95 % intervals.

The survey arithmetic is svy's (the maintained successor of samplics, by the same author; validated
against R's survey package): weighted shares, means and ratios by district as domains of the whole
design (strata, clusters, weights), variance by Taylor linearisation, intervals on the design's degrees
of freedom; a share's interval is the logit interval, so it stays within 0-100 %. This module only
prepares the columns, names the districts and writes the rows.

A mapping file (YAML) says which column is what and how each indicator is computed; see
``data/examples/synthetic_mapping.yaml`` and README "From a survey file to the dashboard".
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .importer import comma_is_decimal, parse_number
from .model import KHATLON, Indicator
from .names import DistrictResolver, UnknownDistrictError
from .problems import NO_COLUMN, Problem

YES = ("1", "yes", "да", "ҳа", "true", "y")
NO = ("0", "no", "нет", "не", "не", "false", "n")
DISTRICT = "_district_id"
METHOD_NOTE = "Design-based survey estimate (weights{design}); 95% interval by Taylor linearisation (svy {version})"


class Survey(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int
    source: str = Field(min_length=3)
    source_url: str = ""
    district: str
    weight: str
    stratum: str | None = None
    psu: str | None = None


class IndicatorMapping(BaseModel):
    model_config = ConfigDict(extra="forbid")
    indicator: str
    share: str | None = None
    mean: str | None = None
    ratio: tuple[str, str] | None = None
    count_as_yes: list[str | int | float] = list(YES)  # ("yes:" would be read by YAML as true)
    count_as_no: list[str | int | float] = list(NO)
    where: dict[str, str | int | float | list[str | int | float]] = {}
    percent: bool = False

    @model_validator(mode="after")
    def one_kind(self) -> IndicatorMapping:
        kinds = [k for k in ("share", "mean", "ratio") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"{self.indicator}: give exactly one of share, mean or ratio (got {kinds or 'none'})")
        return self

    @property
    def columns(self) -> list[str]:
        return [c for c in (self.share, self.mean, *(self.ratio or ())) if c] + list(self.where)


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid")
    survey: Survey
    indicators: list[IndicatorMapping] = Field(min_length=1)


def load_mapping(path: Path, shown: str) -> tuple[Mapping | None, list[Problem]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Mapping.model_validate(raw), []
    except (OSError, yaml.YAMLError) as error:
        return None, [Problem(shown, 1, NO_COLUMN, f"cannot read the mapping: {error}")]
    except ValidationError as error:
        text = path.read_text(encoding="utf-8").splitlines()
        problems = []
        for item in error.errors():
            where = ".".join(str(part) for part in item["loc"]) or NO_COLUMN
            key = next((str(p) for p in reversed(item["loc"]) if isinstance(p, str)), "")
            line = next((n for n, t in enumerate(text, start=1) if key and t.strip().startswith(key)), 1)
            problems.append(Problem(shown, line, where, item["msg"]))
        return None, problems


def read_microdata(path: Path) -> pd.DataFrame:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return pd.read_excel(path, dtype=str)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _folded(values: list) -> set[str]:
    return {str(v).strip().casefold() for v in values}


def _numbers(frame: pd.DataFrame, column: str, shown: str, problems: list[Problem]) -> pd.Series:
    """A column as numbers, read as tables print them (decimal comma decided for the whole column)."""
    text = frame[column].fillna("").astype(str).str.strip()
    decimal = "comma" if comma_is_decimal(list(text)) else "point"
    values, bad = [], []
    for index, cell in text.items():
        try:
            number = parse_number(cell, decimal)
        except ValueError:
            number = None
            bad.append(index)
        values.append(float("nan") if number is None else number)
    for index in bad[:20]:
        problems.append(Problem(shown, index + 2, column, f"{frame.at[index, column]!r} is not a number"))
    return pd.Series(values, index=frame.index, dtype=float)


def _yes_no(frame: pd.DataFrame, spec: IndicatorMapping, shown: str, problems: list[Problem]) -> pd.Series:
    text = frame[spec.share].fillna("").astype(str).str.strip().str.casefold()
    yes, no = _folded(spec.count_as_yes), _folded(spec.count_as_no)
    answer = pd.Series(float("nan"), index=frame.index)
    answer[text.isin(yes)] = 1.0
    answer[text.isin(no)] = 0.0
    unknown = frame.index[(text != "") & ~text.isin(yes | no)]
    for index in unknown[:20]:
        problems.append(
            Problem(
                shown,
                index + 2,
                spec.share,
                f"{frame.at[index, spec.share]!r} is neither yes nor no (add it to count_as_yes: or count_as_no:)",
            )
        )
    return answer


def prepare(
    frame: pd.DataFrame, mapping: Mapping, resolver: DistrictResolver, shown: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """The microdata with a district id, numeric weights and one numeric column per indicator."""
    survey = mapping.survey
    problems: list[Problem] = []
    needed = [
        survey.district,
        survey.weight,
        survey.stratum,
        survey.psu,
        *(c for s in mapping.indicators for c in s.columns),
    ]
    for column in dict.fromkeys(c for c in needed if c):
        if column not in frame.columns:
            problems.append(Problem(shown, 1, column, f"no such column (the columns are: {', '.join(frame.columns)})"))
    if problems:
        return frame, problems
    names = frame[survey.district].fillna("").astype(str).str.strip()
    ids: dict[str, str | None] = {}
    for index, name in names.items():
        if name not in ids:
            try:
                ids[name] = resolver.resolve(name)
            except (UnknownDistrictError, ValueError) as error:
                ids[name] = None
                problems.append(Problem(shown, index + 2, survey.district, str(error)))
    prepared = pd.DataFrame({DISTRICT: names.map(ids)}, index=frame.index)
    prepared["_weight"] = _numbers(frame, survey.weight, shown, problems)
    for index in frame.index[~(prepared["_weight"] > 0)][:20]:
        if not any(p.line == index + 2 and p.column == survey.weight for p in problems):
            problems.append(Problem(shown, index + 2, survey.weight, "a survey weight must be a number above 0"))
    prepared["_stratum"] = frame[survey.stratum].astype(str) if survey.stratum else "all"
    prepared["_psu"] = frame[survey.psu].astype(str) if survey.psu else frame.index.astype(str)
    for number, spec in enumerate(mapping.indicators):
        if spec.share:
            prepared[f"_y{number}"] = _yes_no(frame, spec, shown, problems)
        else:
            for part, column in enumerate([spec.mean] if spec.mean else list(spec.ratio or ())):
                prepared[f"_y{number}_{part}" if spec.ratio else f"_y{number}"] = _numbers(
                    frame, column, shown, problems
                )
        domain = pd.Series(True, index=frame.index)
        for column, accepted in spec.where.items():
            values = _folded(accepted if isinstance(accepted, list) else [accepted])
            domain &= frame[column].fillna("").astype(str).str.strip().str.casefold().isin(values)
        prepared[f"_in{number}"] = domain
    return prepared, problems


def _estimate_one(sample, spec: IndicatorMapping, number: int, by: str | None):
    import svy

    where = svy.col(f"_in{number}") == True  # noqa: E712 - an expression for svy, not a Python test
    if spec.share:
        result = sample.estimation.prop(f"_y{number}", by=by, where=where, drop_nulls=True).to_polars()
        yes = result.filter(result[f"_y{number}"] == 1)
        # a domain where nobody answered yes has only the "no" level: its share of yes is 0, no interval
        keys = [by] if by else []
        nobody = result.filter(result[f"_y{number}"] == 0)
        if keys:
            nobody = nobody.join(yes.select(keys), on=keys, how="anti")
        elif len(yes):
            nobody = nobody.head(0)
        zeros = nobody.with_columns(est=0.0, lci=float("nan"), uci=float("nan"))
        return yes.vstack(zeros.select(yes.columns)) if len(zeros) else yes
    if spec.mean:
        return sample.estimation.mean(f"_y{number}", by=by, where=where, drop_nulls=True).to_polars()
    return sample.estimation.ratio(f"_y{number}_0", f"_y{number}_1", by=by, where=where, drop_nulls=True).to_polars()


def estimate(prepared: pd.DataFrame, mapping: Mapping, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """One row per indicator and unit (and Khatlon), in the tidy format, values unrounded."""
    import polars as pl
    import svy

    survey = mapping.survey
    design = svy.Design(stratum="_stratum", psu="_psu", wgt="_weight")
    sample = svy.Sample(pl.from_pandas(prepared.reset_index(drop=True)), design)
    described = ", ".join(p for p, c in (("strata", survey.stratum), ("clusters", survey.psu)) if c)
    note = METHOD_NOTE.format(design=f", {described}" if described else "", version=svy.__version__)
    rows = []
    for number, spec in enumerate(mapping.indicators):
        indicator = indicators[spec.indicator]
        scale = 100.0 if spec.share or spec.percent else 1.0
        for by in (DISTRICT, None):
            for result in _estimate_one(sample, spec, number, by).iter_rows(named=True):
                est, n = result.get("est"), result.get("n")
                if est is None or not math.isfinite(est) or not n:  # no household in this domain
                    continue
                rows.append(_row(result.get(DISTRICT, KHATLON), spec, indicator, result, scale, survey, note))
    return pd.DataFrame(rows)


def _row(
    area: str, spec, indicator: Indicator, result: dict[str, Any], scale: float, survey: Survey, note: str
) -> dict:
    value, lower, upper, n = (result.get(k) for k in ("est", "lci", "uci", "n"))
    bounds = [None if b is None or math.isnan(b) else b * scale for b in (lower, upper)]
    if scale == 100.0 and None not in bounds:  # a percentage's interval stays within 0-100
        bounds = [max(0.0, bounds[0]), min(100.0, bounds[1])]
    flags = []
    if n is not None and n < indicator.suppress_below:
        flags.append(f"fewer than {indicator.suppress_below} responses: the dashboard does not show this value")
    elif n is not None and n < indicator.small_sample_below:
        flags.append(f"small sample (n < {indicator.small_sample_below})")
    if None in bounds:
        flags.append("no interval: every answer in this domain is the same")
    return {
        "district": area,
        "indicator": spec.indicator,
        "year": survey.year,
        "value": value * scale,
        "lower": bounds[0] if None not in bounds else None,
        "upper": bounds[1] if None not in bounds else None,
        "sample_size": n,
        "note": "; ".join([note, *flags]),
        "source": survey.source,
        "source_url": survey.source_url,
        "status": "survey",
    }
