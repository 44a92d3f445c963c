"""Build ``data/districts.csv`` (the 25 units of Khatlon) from the shared name crosswalk.

Usage::

    python data/scripts/build_districts.py SOURCE_DIR [--out FILE]

``SOURCE_DIR/khatlon_districts.csv`` has free-text cells such as
``Kurgan-Tyube (Курган-Тюбе)`` or ``Ноҳияи Шаҳритус (also Шаҳритӯс)``. This script turns them into
clean, semicolon-separated name lists that the resolver in ``dashboard.data.names`` can index:

* a parenthesis holding Cyrillic text is an alternative name and is kept as its own entry;
* a parenthesis holding only an English remark ("absorbed", "until 2016", "1957-1961") is dropped;
* ``A / B District`` becomes two names;
* the geoBoundaries 2017 ``shapeName`` (for example "Bokhtar District") becomes a former name,
  so data keyed by the old polygons still resolves;
* ``EXTRA_NAMES`` adds the Russian and Tajik forms of former names that the crosswalk only gives in
  English. They were compiled for matching and are not official forms.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "districts.csv"
COLUMNS = [
    "district_id",
    "type",
    "name_en",
    "name_ru",
    "name_tg",
    "label_ru",
    "label_tg",
    "admin_centre",
    "former_names",
    "alt_spellings",
    "previous_name",
    "renamed",
    "rename_note",
    "gb_shape_name",
    "gb_shape_id",
    "osm_relation_id",
]
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
PAREN = re.compile(r"\s*\(([^)]*)\)")
# Russian and Tajik forms of former names (for matching only).
EXTRA_FORMER = {
    "bokhtar": ["Курган-Тюбе", "Кургантюбе", "Қӯрғонтеппа"],
    "kushoniyon": ["Бохтарский район", "Ноҳияи Бохтар"],
    "dusti": ["Джиликульский район", "Ноҳияи Ҷиликӯл"],
    "jayhun": ["Кумсангирский район", "Ноҳияи Қумсангир"],
    "jaloliddini_balkhi": ["Румийский район", "Ноҳияи Румӣ", "Колхозабадский район"],
    "shamsiddin_shohin": ["Шуроабадский район", "Ноҳияи Шӯрообод"],
    "levakant": ["Сарбанд", "Ноҳияи Сарбанд"],
    "abdurahmoni_jomi": ["Ходжамастонский район"],
    "hamadoni": ["Московский район"],
    "temurmalik": ["Советский район"],
    "nosiri_khusrav": ["Бешкентский район"],
    "khuroson": ["Гозималикский район"],
}


# The name each unit had before its last renaming (from the crosswalk's rename notes); shown in the
# dashboard as "Dusti — formerly Jilikul (renamed 2016)". Earlier names stay in former_names only.
PREVIOUS_NAME = {
    "bokhtar": ("Qurghonteppa", "2018"),
    "kushoniyon": ("Bokhtar District", "2018"),
    "levakant": ("Sarband", "2018"),
    "dusti": ("Jilikul", "2016"),
    "jayhun": ("Qumsangir", "2016"),
    "jaloliddini_balkhi": ("Rumi", "2016"),
    "shamsiddin_shohin": ("Shuroobod", "2016"),
    "hamadoni": ("Moskovskiy", "2004"),
    "abdurahmoni_jomi": ("Hojamaston", "2004"),
    "temurmalik": ("Sovetskiy", "2004"),
    "nosiri_khusrav": ("Beshkent", "2004"),
    "khuroson": ("Ghozimalik", "c. 2004"),
}


# Short names for maps, charts and tables ("Куляб", not "г. Куляб"; "Балҷувон", not "Ноҳияи Балҷувон").
# The Tajik ones drop the "Ноҳияи" / "Шаҳри" prefix; the Russian ones are the noun of the adjectival
# district names. Compiled for display; the official names stay in name_ru / name_tg.
LABELS = {
    "bokhtar": ("Бохтар", "Бохтар"),
    "kulob": ("Куляб", "Кӯлоб"),
    "norak": ("Нурек", "Норак"),
    "levakant": ("Левакант", "Левакант"),
    "baljuvon": ("Бальджуван", "Балҷувон"),
    "kushoniyon": ("Кушониён", "Кӯшониён"),
    "vakhsh": ("Вахш", "Вахш"),
    "vose": ("Восе", "Восеъ"),
    "danghara": ("Дангара", "Данғара"),
    "yovon": ("Яван", "Ёвон"),
    "jaloliddini_balkhi": ("Джалолиддин Балхи", "Ҷалолиддини Балхӣ"),
    "muminobod": ("Муминабад", "Мӯъминобод"),
    "hamadoni": ("Хамадони", "Ҳамадонӣ"),
    "nosiri_khusrav": ("Носири Хусрав", "Носири Хусрав"),
    "panj": ("Пяндж", "Панҷ"),
    "temurmalik": ("Темурмалик", "Темурмалик"),
    "khovaling": ("Ховалинг", "Ховалинг"),
    "farkhor": ("Фархор", "Фархор"),
    "khuroson": ("Хуросон", "Хуросон"),
    "dusti": ("Дусти", "Дӯстӣ"),
    "qubodiyon": ("Кубодиён", "Қубодиён"),
    "abdurahmoni_jomi": ("Абдурахмони Джами", "Абдураҳмони Ҷомӣ"),
    "jayhun": ("Джайхун", "Ҷайҳун"),
    "shahritus": ("Шахритус", "Шаҳритус"),
    "shamsiddin_shohin": ("Шамсиддин Шохин", "Шамсиддин Шоҳин"),
}


def split_names(cell: str) -> list[str]:
    """Split one crosswalk cell into clean names (see the module docstring)."""
    names: list[str] = []
    for part in (p.strip() for p in cell.split(";")):
        if not part:
            continue
        extras = [m for m in PAREN.findall(part) if CYRILLIC.search(m)]
        base = PAREN.sub("", part).strip()
        if base.lower().startswith(("also ", "short: ")):
            base = base.split(" ", 1)[1]
        for alternative in base.split(" / "):
            names.append(alternative.strip())
        for extra in extras:
            extra = re.sub(r"^(also|short:)\s+", "", extra.strip())
            names.append(extra)
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def primary_and_alternatives(cell: str) -> tuple[str, list[str]]:
    """``Фархорский (Пархарский) район`` -> ("Фархорский район", ["Пархарский район"])."""
    match = PAREN.search(cell)
    if not match:
        return cell.strip(), []
    inner = match.group(1).strip()
    primary = PAREN.sub("", cell).strip()
    inner = re.sub(r"^(also|short:)\s+", "", inner)
    if not CYRILLIC.search(inner):
        return primary, []
    if " " not in inner and primary.endswith(" район"):
        inner = f"{inner} район"
    return primary, [inner]


def build_rows(source_dir: Path) -> list[dict[str, str]]:
    with open(source_dir / "khatlon_districts.csv", encoding="utf-8") as handle:
        source = list(csv.DictReader(handle))
    rows = []
    for row in source:
        district_id = row["unit_key"]
        name_ru, alt_ru = primary_and_alternatives(row["name_ru"])
        name_tg, alt_tg = primary_and_alternatives(row["name_tg"])
        former = split_names(row["former_names"])
        gb_name = row["geoboundaries2017_shapeName"]
        if gb_name and gb_name not in former and gb_name.replace(" District", "") != row["name_en_current"]:
            former.append(gb_name)
        former += [n for n in EXTRA_FORMER.get(district_id, []) if n not in former]
        alternatives = [
            n
            for n in split_names(row["alt_spellings"]) + alt_ru + alt_tg
            if n not in former and n != row["name_en_current"]
        ]
        rows.append(
            {
                "district_id": district_id,
                "type": row["unit_type"],
                "name_en": row["name_en_current"],
                "name_ru": name_ru,
                "name_tg": name_tg,
                "label_ru": LABELS[district_id][0],
                "label_tg": LABELS[district_id][1],
                "admin_centre": row["admin_centre"],
                "former_names": "; ".join(former),
                "alt_spellings": "; ".join(dict.fromkeys(alternatives)),
                "previous_name": PREVIOUS_NAME.get(district_id, ("", ""))[0],
                "renamed": PREVIOUS_NAME.get(district_id, ("", ""))[1],
                "rename_note": row["rename_notes"],
                "gb_shape_name": gb_name,
                "gb_shape_id": row["geoboundaries2017_shapeID"],
                "osm_relation_id": row["osm_relation_id"],
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build_rows(args.source_dir)
    assert len(rows) == 25, len(rows)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.out} ({len(rows)} units)")


if __name__ == "__main__":
    main()
