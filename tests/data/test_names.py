"""District names resolve from any spelling; look-alikes stay apart; unknown names get suggestions."""

from __future__ import annotations

import re

import pytest

from dashboard.data import UnknownDistrictError, resolve_district
from dashboard.data.names import normalise_words, parse_name

SPELLINGS = {
    "bokhtar": [
        "Bokhtar",
        "BOKHTAR",
        "bokhtar city",
        "City of Bokhtar",
        "г. Бохтар",
        "Бохтар",
        "Шаҳри Бохтар",
        "шахри бохтар",
        "Qurghonteppa",
        "Kurgan-Tyube",
        "Kurgan Tyube",
        "Курган-Тюбе",
        "Qurghon-Teppa",
    ],
    "kushoniyon": [
        "Kushoniyon",
        "Kushonien",
        "Kushoniyon district",
        "Bokhtar District",
        "Bokhtar rayon",
        "Бохтарский район",
        "Ноҳияи Бохтар",
        "Кушониёнский район",
        "Ноҳияи Кӯшониён",
        "нохияи кушониен",
        "Бохтар район",
    ],
    "dusti": [
        "Dusti",
        "Dousti",
        "Dŭstí",
        "Dusti district",
        "Jilikul",
        "Jilikul District",
        "Dzhilikul",
        "Район Дусти",
        "Ноҳияи Дӯстӣ",
        "Нохияи Дусти",
        "Джиликульский район",
    ],
    "jayhun": [
        "Jayhun",
        "Jaihun",
        "Qumsangir",
        "Kumsangir district",
        "Qumsangir District",
        "Район Джайхун",
        "Ноҳияи Ҷайҳун",
        "Кумсангирский район",
        "Джайхун",
        "Джайхун район",
    ],
    "kulob": ["Kulob", "Kulyab", "Kŭlob", "Kulob city", "Kulob District", "г. Куляб", "Шаҳри Кӯлоб", "Kulab"],
    "norak": ["Norak", "Nurek", "г. Нурек", "Norak District"],
    "levakant": ["Levakant", "Sarband", "Sarband District", "Levakand", "г. Левакант"],
    "vose": ["Vose", "Vose'", "Vose’", "VOSÉ", "Vose District", "Восейский район", "Ноҳияи Восеъ"],
    "muminobod": ["Muminobod", "Mu'minobod", "Muminabad", "Муминабадский район", "Ноҳияи Мӯъминобод", "Муминабад"],
    "jaloliddini_balkhi": [
        "Jaloliddini Balkhi",
        "Jaloliddin Balkhi",
        "J. Balkhi",
        "Rumi",
        "Rumi District",
        "Kolkhozobod District",
        "Район Джалолиддина Балхи",
        "Ноҳияи Ҷалолиддини Балхӣ",
    ],
    "shamsiddin_shohin": [
        "Shamsiddin Shohin",
        "Shuroobod",
        "Shuro-obod",
        "Shuro-obod District",
        "Shurobod",
        "Ноҳияи Шамсиддин Шоҳин",
    ],
    "hamadoni": [
        "Hamadoni",
        "Khamadoni",
        "Mir Sayid Ali Hamadoni",
        "M.S.A. Hamadoni",
        "Moskovskiy District",
        "Ноҳияи Ҳамадонӣ",
        "Район Мир Сайида Али Хамадони",
    ],
    "abdurahmoni_jomi": ["Abdurahmoni Jomi", "Jomi", "Dzhami District", "Hojamaston", "Район Абдурахмана Джами"],
    "shahritus": ["Shahritus", "Shahrtuz", "Shaartuz", "Шахритусский район", "Шаартузский район", "Шаҳритӯс"],
    "farkhor": ["Farkhor", "Parkhar", "Фархорский район", "Пархарский район"],
    "qubodiyon": ["Qubodiyon", "Qabodiyon", "Kabodiyon", "Qabodiyon District", "Кубодиёнский район"],
    "panj": ["Panj", "Pyanj", "Pyandzh", "Пянджский район", "Ноҳияи Панҷ", "Пяндж"],
    "temurmalik": ["Temurmalik", "Timurmalik", "Sovetskiy District", "Советский район"],
    "nosiri_khusrav": [
        "Nosiri Khusrav",
        "Beshkent",
        "Beshkent District",
        "N. Khusrav",
        "Район Носири Хусрава",
        "Ноҳияи Носири Хусрав",
        "Бешкентский район",
    ],
    "khuroson": [
        "Khuroson",
        "Ghozimalik",
        "Ghozimalik District",
        "Хуросонский район",
        "Ноҳияи Хуросон",
        "Гозималикский район",
    ],
    "baljuvon": ["Baljuvon", "Baldzhuvan", "Бальджуванский район", "Ноҳияи Балҷувон", "Нохияи Балчувон", "Бальджуван"],
    "yovon": ["Yovon", "Yavan", "Яванский район", "Яван"],
    "vakhsh": ["Vakhsh", "Vaksh", "Вахшский район", "Вахш район", "Район Вахш", "Вахш р-н", "Vakhsh r-n"],
    "danghara": ["Danghara", "Dangara", "Дангаринский район"],
    "khovaling": ["Khovaling", "Hovaling", "Ховалингский район"],
}


@pytest.mark.parametrize(("expected", "name"), [(d, n) for d, names in SPELLINGS.items() for n in names])
def test_every_known_spelling_resolves(expected: str, name: str) -> None:
    assert resolve_district(name) == expected


def test_every_unit_is_tried_in_latin_and_cyrillic_spellings(store) -> None:
    assert set(SPELLINGS) == set(store.units)  # every unit of the bundled data, and only those
    for unit_id, names in SPELLINGS.items():
        assert any(re.search("[A-Za-z]", n) for n in names), unit_id
        assert any(re.search("[А-Яа-яЁёҚқҒғҲҳҶҷӢӣӮӯ]", n) for n in names), unit_id


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bokhtar", "Bokhtar District"),  # regional capital vs. Kushoniyon
        ("г. Бохтар", "Ноҳияи Бохтар"),
        ("Dusti", "Jayhun"),  # Dusti district vs. the district whose centre is Dusti town
    ],
)
def test_look_alikes_are_different_units(a: str, b: str) -> None:
    assert resolve_district(a) != resolve_district(b)


def test_dusti_town_is_not_dusti_district() -> None:
    with pytest.raises(UnknownDistrictError) as caught:
        resolve_district("Dusti town")
    message = str(caught.value)
    assert "centre of Jayhun" in message
    assert "[jayhun]" in message and "[dusti]" in message


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Dusty", "dusti"),
        ("Kulob distric", "kulob"),
        ("Farxor", "farkhor"),
        ("Bokhtr", "bokhtar"),
        ("Hulbuk", "vose"),
        ("Kushaniyon", "kushoniyon"),
    ],
)
def test_unknown_names_suggest_close_matches(name: str, suggested: str) -> None:
    with pytest.raises(UnknownDistrictError) as caught:
        resolve_district(name)
    assert isinstance(caught.value, ValueError)
    assert f"[{suggested}]" in str(caught.value)
    assert "did you mean" in str(caught.value)


@pytest.mark.parametrize("name", ["", "   ", "Dushanbe", "Khujand"])
def test_names_outside_khatlon_raise(name: str) -> None:
    with pytest.raises(UnknownDistrictError):
        resolve_district(name)


def test_normalisation_folds_case_diacritics_and_punctuation() -> None:
    assert normalise_words("Kŭlob") == ["kulob"]
    assert normalise_words("Mu'minobod") == ["muminobod"]
    assert parse_name("Shuro-obod District") == ("shuroobod", frozenset({"district"}))
    assert parse_name("Ноҳияи Ҳамадонӣ") == parse_name("нохияи хамадони")
