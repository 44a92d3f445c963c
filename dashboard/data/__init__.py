"""The data layer: reading, checking and querying the data package (no Dash, no plotly).

Public entry points:

* :func:`load_store` / :func:`validate_data_dir`: a whole data folder -> :class:`DataStore`
* :func:`resolve_district`: any spelling of a unit's name -> its ``district_id``
"""

from __future__ import annotations

from pathlib import Path

from . import text_storage  # noqa: F401 - first: how pandas stores text
from .loader import cached_resolver, load_store, validate_data_dir
from .model import KHATLON, TAJIKISTAN, Indicator, Status, Unit
from .names import DistrictResolver, UnknownDistrictError
from .problems import DataValidationError, Problem
from .scenes import Scene
from .store import DataStore, Observation

__all__ = [
    "DataStore",
    "DataValidationError",
    "DistrictResolver",
    "Indicator",
    "KHATLON",
    "Observation",
    "Problem",
    "Scene",
    "Status",
    "TAJIKISTAN",
    "UnknownDistrictError",
    "Unit",
    "load_store",
    "resolve_district",
    "validate_data_dir",
]


def resolve_district(name: str, data_dir: Path | None = None) -> str:
    """Return the ``district_id`` of any current or former name or spelling of a Khatlon unit.

    Raises :class:`UnknownDistrictError` (a ``ValueError``) naming the closest matches.
    ``data_dir`` defaults to ``KHATLON_DATA_DIR`` or the bundled data.
    """
    from ..settings import Settings

    folder = Path(data_dir) if data_dir is not None else Settings.from_env().data_dir
    return cached_resolver(folder.resolve()).resolve(name)
