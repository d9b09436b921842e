"""A user's own CSV files extend or override the bundled knowledge base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.kb import KBError, default_kb, load_kb


def _write(path: Path, text: str) -> Path:
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


def test_user_actor_and_role_extend_the_bundled_data(tmp_path: Path) -> None:
    actors = _write(
        tmp_path / "my_actors.csv",
        """
id,name,kind,country,sector,aliases,wikidata,source
olena-kovalenko,Olena Kovalenko,person,UKR,government,Kovalenko|O. Kovalenko,,my newsroom
""",
    )
    roles = _write(
        tmp_path / "my_roles.csv",
        """
actor_id,role_key,title,start,end,checked,source
olena-kovalenko,UKR:mayor_odesa,Mayor of Odesa,2031-02,,,my newsroom
""",
    )
    phrases = _write(
        tmp_path / "my_phrases.csv",
        """
phrase,role_key
(odesa|odessa) mayor,UKR:mayor_odesa
mayor of (odesa|odessa),UKR:mayor_odesa
""",
    )
    kb = load_kb([actors, roles, phrases])
    assert kb.by_alias("Kovalenko")[0].id == "olena-kovalenko"
    assert kb.by_role("the Odessa mayor", dt.date(2031, 6, 1)).name == "Olena Kovalenko"
    assert kb.by_role("mayor of Odesa", dt.date(2030, 6, 1)) is None
    # The bundled data is still there.
    assert kb.by_role("Kremlin spokesman").name == "Dmitry Peskov"


def test_user_row_overrides_bundled_row_with_same_id(tmp_path: Path) -> None:
    actors = _write(
        tmp_path / "a.csv",
        """
id,name,kind,country,sector,aliases,wikidata,source
dmitry-peskov,Dmitry S. Peskov,person,RUS,government,Peskov|Dima,,override
""",
    )
    roles = _write(
        tmp_path / "r.csv",
        """
actor_id,role_key,title,start,end,checked,source
dmitry-peskov,RUS:president_spokesperson,Press Secretary,2012-05-22,2030-01-01,,override
""",
    )
    kb = load_kb([actors, roles])
    peskov = kb.get("dmitry-peskov")
    assert peskov.name == "Dmitry S. Peskov" and peskov.source == "override"
    assert kb.by_alias("Dima")[0].id == "dmitry-peskov"
    # The role row with the same actor, role and start replaced the bundled one.
    assert [r.end for r in peskov.roles] == [dt.date(2030, 1, 1)]
    assert kb.by_role("Kremlin spokesman", dt.date(2031, 1, 1)) is None
    # The default knowledge base is not affected by a user's load.
    assert default_kb().get("dmitry-peskov").name == "Dmitry Peskov"


def test_a_folder_of_user_files(tmp_path: Path) -> None:
    _write(
        tmp_path / "people.csv",
        """
id,name,kind,country,sector,aliases,wikidata,source
jan-novak,Jan Novak,person,CZE,business,,,test
""",
    )
    kb = load_kb([tmp_path])
    assert kb.get("jan-novak").sector == "business"


def test_country_override_changes_phrase_resolution(tmp_path: Path) -> None:
    countries = _write(
        tmp_path / "countries.csv",
        """
iso3,iso2,name,names,adjectives,capital,un_member,leader
DEU,DE,Germany,Germany|Federal Republic of Germany,German,Berlin,yes,president
""",
    )
    kb = load_kb([countries])
    assert kb.by_role("German leader", dt.date(2020, 1, 1)).name == "Frank-Walter Steinmeier"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad_kind.csv", "id,name,kind\nx,X,planet\n", "kind"),
        ("bad_date.csv", "actor_id,role_key,title,start\nvladimir-putin,RUS:x,X,22-03\n", "date"),
        ("no_start.csv", "actor_id,role_key,title,start\nvladimir-putin,RUS:x,X,\n", "start"),
        (
            "orphan.csv",
            "actor_id,role_key,title,start\nnobody-here,RUS:x,X,2020\n",
            "unknown actor",
        ),
        (
            "backwards.csv",
            "actor_id,role_key,title,start,end\nvladimir-putin,RUS:x,X,2020,2019\n",
            "ends before",
        ),
        ("mystery.csv", "foo,bar\n1,2\n", "unknown knowledge-base file"),
    ],
)
def test_bad_user_files_fail_with_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KBError, match=message) as info:
        load_kb([path])
    assert name in str(info.value)


def test_excel_style_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "id,name,kind,country,sector\r\nana-ruiz,Ana Ruiz,person,ESP,media\r\n".encode("utf-8-sig")
    )
    assert load_kb([path]).by_alias("Ana Ruiz")[0].sector == "media"


def test_role_country_is_set_only_for_states() -> None:
    kb = default_kb()
    by_key = {r.role_key: r for a in kb for r in a.roles}
    assert by_key["RUS:president"].country == "RUS"
    assert by_key["ECB:president"].country is None
    assert by_key["UN:secretary_general"].country is None
