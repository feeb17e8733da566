"""report.catalog imports a section's table on first use (start-up, issue #16): the name gives
the same table as its module, ``from ... import`` works, and a name it does not have is an
AttributeError as before."""

from __future__ import annotations

import importlib

import pytest

from servqual_cli.report import catalog


@pytest.mark.parametrize("name", sorted(catalog._LAZY))
def test_a_lazy_table_is_its_modules_table(name: str) -> None:
    module = importlib.import_module(f"servqual_cli.report.{catalog._LAZY[name]}")
    assert getattr(catalog, name) is getattr(module, name)
    assert name in catalog.__all__


def test_from_import_and_section_tables() -> None:
    from servqual_cli.report.catalog import ERRORS, SECTION_TABLES, TOOLBOX
    from servqual_cli.report.catalog_errors import ERRORS as ERRORS_MODULE
    from servqual_cli.report.catalog_toolbox import TOOLBOX as TOOLBOX_MODULE

    assert ERRORS is ERRORS_MODULE and TOOLBOX is TOOLBOX_MODULE
    assert SECTION_TABLES["toolbox"] is TOOLBOX and SECTION_TABLES["errors"] is ERRORS
    # every lazy table is a section's (catalog() lists it): none is loaded but never listed
    assert {id(t) for t in SECTION_TABLES.values()} == {
        id(getattr(catalog, name)) for name in catalog._LAZY
    }


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NO_SUCH_TABLE"):
        _ = catalog.NO_SUCH_TABLE
    with pytest.raises(ImportError):
        from servqual_cli.report.catalog import NO_SUCH_TABLE  # noqa: F401
