"""kg.query.layout: the one writer of kg's CSV, which looks at a column at a time, writes what the csv module's
"excel" dialect writes, value by value."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from kg.query.layout import csv_text

VALUES = st.text(alphabet=st.sampled_from(['a', 'é', '한', ' ', ',', '"', '\r', '\n', '\t', '\x00', "'", '😀']),
                 max_size=6)


def _by_the_csv_module(names, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()


@given(st.integers(min_value=0, max_value=4).flatmap(
    lambda width: st.tuples(st.lists(st.sampled_from(["a", "b", "org", "label"]), min_size=width, max_size=width),
                            st.lists(st.lists(VALUES, min_size=width, max_size=width), max_size=5))))
def test_the_csv_modules_bytes(answer):
    names, rows = answer
    assert csv_text(names, rows) == _by_the_csv_module(names, rows)


def test_a_line_of_one_empty_value_is_quoted_as_the_csv_module_quotes_it():
    assert csv_text(["a"], [[""], ["x"]]) == 'a\r\n""\r\nx\r\n'
    assert csv_text(["a", "b"], [["", ""]]) == "a,b\r\n,\r\n"
