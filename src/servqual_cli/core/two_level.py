"""One statistic table per item and per dimension, in the shape the toolbox results share.

:mod:`servqual_cli.core.tolerance` and :mod:`servqual_cli.core.knowledge_gap` compute their
statistics on the item columns, in dimension order and labelled with ``item`` and
``dimension``, and then on the respondents' dimension means (the ``gap`` rule: the mean of the
dimension's valid items when at least half of them, rounded up, are valid;
:func:`servqual_cli.core.scoring.dimension_means`), labelled with ``dimension``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from servqual_cli.core.scoring import dimension_means

__all__ = ["item_and_dimension_tables"]


def item_and_dimension_tables(
    statistics: Callable[..., pd.DataFrame],
    arrays: Sequence[np.ndarray],
    valid: Sequence[np.ndarray],
    items: Sequence[str],
    dimensions: Mapping[str, Sequence[int]],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``statistics(*arrays)`` per item and per dimension.

    Parameters
    ----------
    statistics : callable
        Takes the (n_respondents, k) arrays, returns a frame with one row per column.
    arrays : sequence of ndarray (n_respondents, n_items)
        Item scores, NaN where missing.
    valid : sequence of ndarray of bool
        Per array, the cells its dimension means count (NaN cells must be False).
    items : sequence of str
        Item labels, one per column.
    dimensions : mapping
        Dimension name -> column positions.

    Returns
    -------
    item_table, dimension_table : DataFrame
        The items in dimension order with ``item`` and ``dimension`` first; the dimensions
        with ``dimension`` first.

    Examples
    --------
    >>> x = np.array([[1.0, 3.0, 5.0], [2.0, np.nan, 4.0]])
    >>> def means(a):
    ...     return pd.DataFrame({"mean": np.nanmean(a, axis=0)})
    >>> items, dims = item_and_dimension_tables(means, [x], [~np.isnan(x)], ["1", "2", "3"],
    ...                                         {"B": [2], "A": [0, 1]})
    >>> items.values.tolist()
    [['3', 'B', 4.5], ['1', 'A', 1.5], ['2', 'A', 3.0]]
    >>> dims.values.tolist()
    [['B', 4.5], ['A', 2.0]]
    """
    order = [pos for cols in dimensions.values() for pos in cols]
    item_to_dim = {pos: name for name, cols in dimensions.items() for pos in cols}
    item_table = statistics(*(x[:, order] for x in arrays))
    item_table.insert(0, "dimension", [item_to_dim[i] for i in order])
    item_table.insert(0, "item", [items[i] for i in order])
    means = (dimension_means(x, ok, dimensions) for x, ok in zip(arrays, valid, strict=True))
    dim_table = statistics(*means)
    dim_table.insert(0, "dimension", list(dimensions))
    return item_table, dim_table
