"""Column roles: the three forms, their validation and their resolution against headers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.errors import ConfigError, DataError
from servqual_cli.instruments.resolve import resolve_columns, resolve_roles
from servqual_cli.instruments.toml import instrument_from_dict

BASE = {"name": "K", "scale": [1, 5], "dimensions": {"A": [1, 2], "B": [3]}}


def make(**roles: object) -> object:
    return instrument_from_dict({**BASE, "perception": "P{item}", **roles})


@pytest.mark.parametrize(
    ("spec", "columns", "expected"),
    [
        ("E{item}", ["e1", "E2", " E3 "], ["e1", "E2", " E3 "]),
        ("E{item:02d}", ["E01", "E02", "E03"], ["E01", "E02", "E03"]),
        ("Q{item}_E", ["Q1 E", "q2-e", "Q3.E"], ["Q1 E", "q2-e", "Q3.E"]),
        (["Lätt", "Snabb", "Vänlig"], ["vänlig", "LÄTT", "snabb"], ["LÄTT", "snabb", "vänlig"]),
        (
            {"regex": r"^\s*{item}-1\."},
            [" 1-1. Lätt (förväntan)", "2-1. Snabb", "3-1. Vänlig", "11-1. Annat"],
            [" 1-1. Lätt (förväntan)", "2-1. Snabb", "3-1. Vänlig"],
        ),
        (
            ["X1a Bevara existerande", "X1b", "X1c"],
            ["X1a..Bevara.existerande", "X1b", "X1c"],
            ["X1a..Bevara.existerande", "X1b", "X1c"],
        ),
    ],
)
def test_forms_resolve(spec: object, columns: list[str], expected: list[str]) -> None:
    inst = make(expectation=spec)
    assert resolve_columns(inst, "expectation", columns) == dict(
        zip([1, 2, 3], expected, strict=True)
    )


def test_list_is_in_ascending_item_order_whatever_the_dimension_order() -> None:
    inst = instrument_from_dict({**BASE, "dimensions": {"A": [3], "B": [1, 2]},
                                 "perception": ["one", "two", "three"]})  # fmt: skip
    assert resolve_columns(inst, "perception", ["three", "two", "one"]) == {
        3: "three", 1: "one", 2: "two"
    }  # fmt: skip


def test_weights_by_dimension_position() -> None:
    inst = make(weights={"regex": "^imp_{dimension}$"})
    assert resolve_columns(inst, "weights", ["IMP_1", "imp_2", "imp_10"]) == {
        1: "IMP_1",
        2: "imp_2",
    }


def test_regex_several_matches_names_item_and_candidates() -> None:
    inst = make(expectation={"regex": "{item}-1"})
    with pytest.raises(DataError, match=r"expectation item 1: the regex '1-1' matches 2 columns "
                       r"\('1-1 a'; '11-1 b'\)"):  # fmt: skip
        resolve_columns(inst, "expectation", ["1-1 a", "11-1 b", "2-1", "3-1"])


def test_regex_no_match_names_item() -> None:
    inst = make(expectation={"regex": "^{item}-1"})
    with pytest.raises(DataError, match=r"expectation item 3 \(no column matches '\^3-1'\)"):
        resolve_columns(inst, "expectation", ["1-1", "2-1"])


def test_missing_lists_every_role_at_once() -> None:
    inst = make(expectation="E{item}")
    with pytest.raises(DataError, match="needs columns E3, P2, P3, which the file lacks"):
        resolve_roles(inst, ("expectation", "perception"), ["E1", "E2", "P1"])


def test_one_column_for_two_roles_is_an_error() -> None:
    inst = make(expectation={"regex": "^x{item}$"}, desired=["x1", "D2", "D3"])
    with pytest.raises(DataError, match="'x1' is used for both expectation item 1 and desired"):
        resolve_roles(inst, ("expectation", "desired"), ["x1", "x2", "x3", "D2", "D3"])


def test_undefined_role() -> None:
    with pytest.raises(ConfigError, match="defines no 'adequate' columns"):
        resolve_columns(make(), "adequate", ["P1"])


@pytest.mark.parametrize(
    ("role", "value", "message"),
    [
        (
            "expectation",
            "E{item}{x}",
            r"'expectation': the pattern 'E\{item\}\{x\}' may only use "
            r"\{item\}, not \{x\}",
        ),
        ("expectation", "E{item}{", r"'expectation': the pattern 'E\{item\}\{' is not valid"),
        ("weights", "W{dimension}{0}", r"'weights': the pattern .* not \{0\}"),
        ("weights", "W{item}", r"'weights': the pattern 'W\{item\}' may only use \{dimension\}"),
        ("desired", "D", r"'desired' must be a column pattern containing \{item\}"),
        ("adequate", ["A1", "A2"], "'adequate' lists 2 column names but the instrument has 3"),
        ("adequate", ["A1", "a1", "A3"], "'adequate' lists the column 'A1' twice"),
        ("expectation", {"regex": "^E$"}, "must contain the token {item}"),
        ("expectation", {"regex": "^E{item}("}, "'expectation': invalid regex"),
        ("expectation", {"pattern": "E{item}"}, r"must be \{ regex = '...' \}"),
        ("expectation", 3, "must be a column pattern"),
    ],
)
def test_bad_specs_name_the_key(role: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        make(**{role: value})


def test_perception_only_and_texts() -> None:
    inst = instrument_from_dict(
        {**BASE, "perception": "P{item}", "statements": {"sv": {"1": "Lätt att använda"}},
         "dimension_labels": {"sv": {"A": "Miljö"}}, "labels": {"Bra": 4}}
    )  # fmt: skip
    assert inst.perception_only and inst.expectation is None
    assert inst.statement(1, "sv") == "Lätt att använda"
    assert inst.statement(1, "en") is None and inst.statement(2, "sv") is None
    assert inst.dimension_label("A", "sv") == "Miljö" and inst.dimension_label("B", "sv") == "B"
    assert inst.labels["Bra"] == 4.0
    assert inst.to_dict()["expectation"] is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"statements": {"sv": {"9": "x"}}}, r"\[statements.sv\] names item '9'"),
        ({"statements": {"1": "x"}}, "one table per language"),
        ({"dimension_labels": {"sv": {"C": "x"}}}, "names 'C', which is not a dimension"),
    ],
)
def test_bad_texts(extra: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        instrument_from_dict({**BASE, "perception": "P{item}", **extra})


def test_to_dict_round_trips_each_form() -> None:
    inst = make(expectation={"regex": "^{item}-1"}, adequate=["a", "b", "c"], desired="D{item}")
    d = inst.to_dict()
    assert d["expectation"] == {"regex": "^{item}-1"} and d["adequate"] == ["a", "b", "c"]
    roles = ("expectation", "perception", "adequate", "desired")
    again = instrument_from_dict({**BASE, **{k: d[k] for k in roles}})
    assert again == inst


WORD = st.text(alphabet="abcQxyzåö_", min_size=1, max_size=4)


@given(WORD, WORD, st.integers(0, 3), st.randoms(use_true_random=False))
def test_pattern_and_regex_find_the_same_columns_in_any_order(
    prefix: str, suffix: str, width: int, rnd
) -> None:
    """Whatever the header order, a pattern and the equivalent regex pick the same column."""
    spec = prefix + (f"{{item:0{width}d}}" if width else "{item}") + "-" + suffix
    names = [spec.format(item=i) for i in (1, 2, 3)] + ["other", "id"]
    rnd.shuffle(names)
    by_pattern = make(expectation=spec)
    regex = "^" + re.escape(prefix) + r"0*{item}-" + re.escape(suffix) + "$"
    by_regex = make(expectation={"regex": regex})
    want = {i: spec.format(item=i) for i in (1, 2, 3)}
    assert resolve_columns(by_pattern, "expectation", names) == want
    assert resolve_columns(by_regex, "expectation", names) == want
