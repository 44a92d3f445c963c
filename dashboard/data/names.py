"""District name resolution: any current or former name or spelling -> ``district_id``.

Names of Khatlon's units are written a dozen ways: English, Russian and Tajik Cyrillic, with or
without "district" / "район" / "ноҳияи" / "г." / "шаҳри", old Soviet or pre-2016 names, with or
without diacritics, apostrophes and hyphens. A name is reduced to

* a **key**: its name words, case-folded, without diacritics or punctuation, joined without
  spaces (``"Shuro-obod"`` and ``"Shuroobod"`` both give ``shuroobod``), and
* a set of **kinds** spelled out in it (``district``, ``city`` or ``town``).

Kinds matter because the same key can name two units: "Bokhtar" is the city, while
"Bokhtar District" is the former name of Kushoniyon. A query that spells out a kind only matches
names compatible with it; otherwise current names win over alternate spellings, which win over
former names.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_TAJIK_FOLD = str.maketrans({"ҳ": "х", "ҷ": "ч", "қ": "к", "ғ": "г", "ӯ": "у", "ӣ": "и", "ъ": "", "ь": ""})
_DROP = re.compile(r"['’ʼ`‘ʻ\"«»]")
_SEPARATORS = re.compile(r"[\s\-‐–—.,;:/()\[\]]+")
_ABBREVIATIONS = (
    (re.compile(r"(?<![\w])р-н(?![\w])", re.IGNORECASE), "район"),
    (re.compile(r"(?<![\w])r-n(?![\w])", re.IGNORECASE), "raion"),
)
RUSSIAN_ADJECTIVE = "скии"  # "Вахшский" folds to "вахшскии"; its stem "вахш" is the name


def fold(text: str) -> str:
    """Case-fold, fold Tajik letters to Russian ones, drop diacritics and apostrophes (no splitting)."""
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TAJIK_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _DROP.sub("", text.translate(_TAJIK_FOLD))


def _kinds(words: Iterable[str], kind: str) -> dict[str, str]:
    return {fold(word): kind for word in words}


# Words that say what kind of unit a name is, folded exactly as names are ("район" -> "раион").
KIND_WORDS: Mapping[str, str] = {
    **_kinds(
        ["district", "rayon", "raion", "raen", "nohiya", "nohiyai", "район", "нохия", "ноҳияи", "нохияи"], "district"
    ),
    **_kinds(["city", "shahri", "shahr", "gorod", "г", "город", "шаҳри", "шахри", "шахр"], "city"),
    **_kinds(["town", "village", "settlement", "посёлок", "поселок", "пгт", "шаҳрак"], "town"),
}
FILLER_WORDS = frozenset({"of", "the"})

PRIORITY_CURRENT, PRIORITY_ALTERNATE, PRIORITY_FORMER = 0, 1, 2
ANY_KIND = frozenset({"district", "city", "town"})


class UnknownDistrictError(ValueError):
    """A name that matches no unit of Khatlon; the message names the closest matches."""

    def __init__(self, name: str, suggestions: Iterable[str] = (), reason: str = "") -> None:
        self.name = name
        self.suggestions = list(suggestions)
        message = reason or f"unknown district {name!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        super().__init__(message)


def normalise_words(name: str) -> list[str]:
    """Case-fold, strip diacritics and punctuation, and split a name into words."""
    return [w for w in _SEPARATORS.split(fold(name)) if w]


def stem(key: str) -> str | None:
    """The stem of a Russian adjectival name ("бальджуванскии" -> "бальджуван"), else ``None``."""
    return key[: -len(RUSSIAN_ADJECTIVE)] if key.endswith(RUSSIAN_ADJECTIVE) and len(key) > 7 else None


def parse_name(name: str) -> tuple[str, frozenset[str]]:
    """Return the key and the kinds spelled out in a name."""
    words = normalise_words(name)
    kinds = frozenset(KIND_WORDS[w] for w in words if w in KIND_WORDS)
    key = "".join(w for w in words if w not in KIND_WORDS and w not in FILLER_WORDS)
    return key, kinds


@dataclass(frozen=True)
class NameEntry:
    """One way of writing one unit's name."""

    district_id: str
    written: str
    priority: int
    kinds: frozenset[str]


@dataclass(frozen=True)
class UnitNames:
    """The names the resolver knows for one unit (built from ``districts.csv``)."""

    district_id: str
    kind: str
    label: str
    current: tuple[str, ...]
    alternates: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    admin_centre: str = ""


class DistrictResolver:
    """Resolves names to ids over a fixed set of units; its answers never change once built."""

    def __init__(self, units: Iterable[UnitNames]) -> None:
        self._units = {u.district_id: u for u in units}
        index: dict[str, list[NameEntry]] = defaultdict(list)
        centres: dict[str, list[str]] = defaultdict(list)
        for unit in self._units.values():
            for priority, names in (
                (PRIORITY_CURRENT, unit.current + (unit.district_id,)),
                (PRIORITY_ALTERNATE, unit.alternates),
                (PRIORITY_FORMER, unit.former),
            ):
                for written in names:
                    key, kinds = parse_name(written)
                    if not key:
                        continue
                    if not kinds:
                        kinds = ANY_KIND if priority == PRIORITY_FORMER else frozenset({unit.kind})
                    index[key].append(NameEntry(unit.district_id, written, priority, kinds))
                    if stem(key):  # "Пянджский район" also answers to "Пяндж"
                        index[stem(key)].append(NameEntry(unit.district_id, written, priority + 1, kinds))
            if unit.admin_centre:
                for part in re.split(r"[/(),;]", unit.admin_centre):
                    key, _ = parse_name(part)
                    if key:
                        centres[key].append(unit.district_id)
        self._index = dict(index)
        self._centres = dict(centres)
        self._resolved: dict[str, str] = {}  # names already resolved (a data file repeats them)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._units)

    def resolve(self, name: str) -> str:
        """Return the ``district_id`` for ``name`` or raise :class:`UnknownDistrictError`."""
        if not isinstance(name, str) or not name.strip():
            raise UnknownDistrictError(str(name), reason="empty district name")
        if name in self._resolved:
            return self._resolved[name]
        key, kinds = parse_name(name)
        entries = [e for e in self._index.get(key, []) if not kinds or kinds & e.kinds]
        if entries:
            best = min(e.priority for e in entries)
            winners = sorted({e.district_id for e in entries if e.priority == best})
            if len(winners) == 1:
                self._resolved[name] = winners[0]
                return winners[0]
            raise UnknownDistrictError(name, map(self._describe, winners), reason=f"ambiguous district name {name!r}")
        raise UnknownDistrictError(name, self.suggest(name), reason=self._reason(name, key, kinds))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Close matches, best first, as ``'Label (district_id)'``."""
        key, _ = parse_name(name)
        ids: list[str] = list(self._centres.get(key, []))
        ids += [e.district_id for e in self._index.get(key, [])]
        words = [w for w in normalise_words(name) if len(w) > 2]
        for probe in [key] + words:
            for match in difflib.get_close_matches(probe, self._index, n=8, cutoff=0.75 if probe != key else 0.6):
                ids += [e.district_id for e in self._index[match]]
        unique = list(dict.fromkeys(ids))[:limit]
        return [self._describe(i) for i in unique]

    def _reason(self, name: str, key: str, kinds: frozenset[str]) -> str:
        centre_of = self._centres.get(key, [])
        if centre_of and (kinds & {"town", "city"}):
            units = ", ".join(self._units[i].label for i in centre_of)
            return f"unknown district {name!r}: that is the town at the centre of {units}, not a unit of its own"
        if key in self._index:
            return f"unknown district {name!r}: no unit of that name is a {'/'.join(sorted(kinds))}"
        return f"unknown district {name!r}"

    def _describe(self, district_id: str) -> str:
        unit = self._units[district_id]
        former = [n for n in unit.former if n.isascii()][:1]
        suffix = f", formerly {former[0]}" if former else ""
        return f"{unit.label} ({unit.kind}{suffix}) [{district_id}]"
