"""The scale-use warning is made from the io layer's code and facts (ScaleUse.warning,
ScaleUse.remedy) with its wording in the report catalog (catalog_scale_use.SCALE_USE). The
sentences the io layer built before the move are kept below as the reference: the report's
are the same text, in both languages, for every scale, item count and file name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from servqual_cli.io.scale_use import ScaleUse
from servqual_cli.report.catalog import catalog
from servqual_cli.report.scale_use_note import scale_use_message, scale_use_remedy

# -- ScaleUse.message and ScaleUse.remedy before the move (io/scale_use.py at 3cb73df) ---------


def _num(value: float) -> str:
    return f"{value:g}".replace("-", "−")


def old_message(self: ScaleUse, lang: str = "en") -> str:
    lo, hi = (_num(v) for v in self.declared)
    ulo, uhi = (_num(v) for v in self.used)
    sv = lang == "sv"
    ends = []
    if self.top_unused:
        ends.append(f"över {uhi}" if sv else f"above {uhi}")
    if self.bottom_unused:
        ends.append(f"under {ulo}" if sv else f"below {ulo}")
    where = " eller " if sv else " or "
    if sv:
        items = "i påståendet" if self.n_items == 1 else f"i något av de {self.n_items} påståendena"
        return (f"Skalan är angiven som {lo}–{hi}, men inget svar är {where.join(ends)} "
                f"{items}: är det {ulo}–{uhi}?")  # fmt: skip
    items = "in the item" if self.n_items == 1 else f"in any of the {self.n_items} items"
    return (f"Scale declared {lo}–{hi}, but no answer is {where.join(ends)} {items}: "
            f"is it {ulo}–{uhi}?")  # fmt: skip


def old_remedy(self: ScaleUse, lang: str = "en") -> str:
    if self.source is None:
        return ""
    name = self.source if self.source != "<stdin>" else "FILE"
    if any(c.isspace() for c in name):
        name = f'"{name}"'
    lo, hi = (f"{v:g}" for v in self.used)
    command = f"servqual describe {name} --instrument-template > instrument.toml"
    if lang == "sv":
        return (f"Om så är fallet: {command} skriver ett instrument för filen; sätt dess "
                f"scale = [{lo}, {hi}] om där står något annat och kör sedan igen med "
                "-i instrument.toml.")  # fmt: skip
    return (
        f"If so: {command} writes an instrument for the file; set its scale = "
        f"[{lo}, {hi}] if it says otherwise, then run again with -i instrument.toml."
    )


# -------------------------------------------------------------------------------------------------

points = st.sampled_from([-3.0, -1.0, 0.0, 0.5, 1.0, 2.0, 4.5, 5.0, 6.0, 7.0, 10.0, 100.0])
sources = st.one_of(
    st.none(),
    st.sampled_from(["<stdin>", "enkät.xlsx", "min fil.csv", "a\tb.csv", "data/x.csv"]),
)


@given(
    scale=st.lists(points, min_size=4, max_size=4, unique=True).map(sorted),
    ends=st.sampled_from([(True, False), (False, True), (True, True)]),
    n=st.integers(1, 60),
    source=sources,
    lang=st.sampled_from(["sv", "en"]),
)
def test_the_report_says_what_the_io_layer_said(
    scale: list[float], ends: tuple[bool, bool], n: int, source: str | None, lang: str
) -> None:
    lo, above_bottom, below_top, hi = scale
    top, bottom = ends  # which end no answer reaches
    use = ScaleUse((lo, hi), (above_bottom if bottom else lo, below_top if top else hi), n, source)
    assert use.top_unused == top and use.bottom_unused == bottom
    # Session 12: an English sentence writes a negative point with "-", as every other English
    # number (review 9, finding 11); the old message wrote "−" in both languages.
    expected = old_message(use, lang)
    assert scale_use_message(use, lang) == (
        expected if lang == "sv" else expected.replace("−", "-")
    )
    assert scale_use_remedy(use, lang) == old_remedy(use, lang)


def test_the_io_layer_holds_codes_not_words() -> None:
    use = ScaleUse((1.0, 7.0), (2.0, 6.0), 44, "enkät.xlsx")
    assert use.warning.code == "scale_unused" and use.warning.params["ends"] == ("top", "bottom")
    assert use.remedy is not None and use.remedy.params == {"file": "enkät.xlsx",
                                                            "scale": (2.0, 6.0)}  # fmt: skip
    for lang in ("sv", "en"):
        words = catalog(lang)
        assert words["scale_use.scale_unused"] and words["scale_use.scale_remedy"]
    assert not hasattr(use, "message")
