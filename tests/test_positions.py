"""Offsets of the file into the lines and columns that findings report."""

from __future__ import annotations

from drafter.positions import LineIndex, Span, TextMap

TEXT = "ab\ncde\n\nf"  # lines start at offsets 0, 3, 7 and 8


def test_lines_and_columns_start_at_one_and_the_end_is_exclusive() -> None:
    index = LineIndex(TEXT)
    assert index.span(0, 2) == Span(1, 1, 1, 3)  # "ab"
    assert index.span(4, 9) == Span(2, 2, 4, 2)  # "de\n\nf": over three line ends
    assert index.span(7, 7) == Span(3, 1, 3, 1)  # the empty line


def test_offsets_out_of_the_text_stay_in_it() -> None:
    index = LineIndex(TEXT)
    assert index.span(-5, 1) == Span(1, 1, 1, 2)
    assert index.span(8, 99) == Span(4, 1, 4, 2)  # up to the end of the last line
    assert index.span(5, 2) == Span(2, 3, 2, 3)  # an end before the start: empty, at the start


def test_a_derived_text_maps_back_to_the_file() -> None:
    """ "cd" and "f" joined by a space that stands for the line ends between them."""
    derived = TextMap()
    derived.add(2, 3)  # "cd" is at offset 3 of the file
    derived.add(1, 5, 0)  # the joining space: no text of the file
    derived.add(1, 8)  # "f"
    assert [derived.to_source(offset) for offset in range(4)] == [3, 4, 5, 8]
    assert derived.to_source_end(4) == 9
    assert LineIndex(TEXT).span(derived.to_source(0), derived.to_source_end(4)) == Span(2, 1, 4, 2)
