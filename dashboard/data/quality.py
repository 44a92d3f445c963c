"""How far one number can be read: small samples, suppression, and where a calibration applies.

The same rules for every view, export, deck and brief (thresholds per indicator in the catalogue):

* ``n`` below ``small_sample_below`` (default 30): shown, flagged "small sample";
* ``n`` below ``suppress_below`` (default 10): not shown ("too few responses"); downloads keep it.
"""

from __future__ import annotations

import re
from enum import StrEnum

from .model import Indicator
from .store import Observation

_CALIBRATION_ITEM = re.compile(r"^\s*(\d{4})\s*:\s*(.+?)\s*$")


class SampleFlag(StrEnum):
    OK = "ok"
    SMALL = "small"  # read with care
    SUPPRESSED = "suppressed"  # too few responses to show


def sample_flag(indicator: Indicator, observation: Observation | None) -> SampleFlag:
    """The flag of one observation (no sample size: nothing to flag)."""
    size = observation.sample_size if observation is not None else None
    if size is None:
        return SampleFlag.OK
    if size < indicator.suppress_below:
        return SampleFlag.SUPPRESSED
    return SampleFlag.SMALL if size < indicator.small_sample_below else SampleFlag.OK


def shown_value(indicator: Indicator, observation: Observation | None) -> float | None:
    """The value a view may show: ``None`` when missing or suppressed."""
    if observation is None or sample_flag(indicator, observation) is SampleFlag.SUPPRESSED:
        return None
    return observation.value


def calibrations(text: str) -> dict[int, str]:
    """``"2021: 44% (IOM, 2021); 2023: 40% (IOM)"`` -> ``{2021: "44% (IOM, 2021)", 2023: "40% (IOM)"}``."""
    found = {}
    for item in (text or "").split(";"):
        match = _CALIBRATION_ITEM.match(item)
        if match:
            found[int(match.group(1))] = match.group(2)
    return found


def calibration(indicator: Indicator, year: int, language: str = "en") -> str:
    """What the model's Khatlon level was calibrated to in ``year`` (empty when it was not)."""
    return calibrations(indicator.text("calibration", language)).get(year, "")
