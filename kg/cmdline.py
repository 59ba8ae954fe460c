"""Command lines read before click is imported, by the fast paths of `kg query` (kg.launch) and `kg explain`
(kg.quickexplain): only what is written plainly is read; anything else is left to kg.cli."""

from __future__ import annotations


def plain_options(tokens: list[str], table: dict[str, str]) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The words and the (field, value) pairs of a command line written plainly: each option in table, as
    `--opt value` or `--opt=value`, with a value. None for anything else, which kg.cli then reads."""
    words: list[str] = []
    pairs: list[tuple[str, str]] = []
    rest = list(tokens)
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            words.append(token)
            continue
        if token.startswith("--") and "=" in token:
            option, value = token.split("=", 1)
        elif rest:
            option, value = token, rest.pop(0)
        else:
            return None
        if option not in table or not value:
            return None
        pairs.append((table[option], value))
    return words, pairs
