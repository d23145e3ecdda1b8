"""Babel's extraction method for this toolkit (``babel.cfg``): the msgids of ``core/i18n.py``.

Besides the marked calls (``_``, ``N_``, ``L_``, ``translate``, ``ngettext``) it finds the texts the
schemas show editors without any marker, so a section's schema stays plain declarations and a
new field's help cannot be forgotten in the catalogue: the help of a ``Field(name, type, help)``,
the ``description=`` and (as a content type's name) the ``type_name=`` of a ``Schema(...)``,
and a class-level ``expected = "..."`` of a field type.
"""

from __future__ import annotations

import ast
from typing import IO, Any, Iterator

from core.i18n import TYPE_CONTEXT

MARKERS = {"_", "N_", "L_", "translate"}
PLURAL = "ngettext"

Extracted = tuple[int, str, "str | tuple[str, ...]", list[str]]


def extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[Extracted]:
    """Yield ``(line, function, message, comments)`` for every msgid in one Python file."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield from _from_call(node)
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and _text(statement.value) is not None
                    and any(
                        isinstance(t, ast.Name) and t.id == "expected" for t in statement.targets
                    )
                ):
                    yield statement.lineno, "", _text(statement.value) or "", []


def _from_call(node: ast.Call) -> Iterator[Extracted]:
    name = (
        node.func.id
        if isinstance(node.func, ast.Name)
        else (node.func.attr if isinstance(node.func, ast.Attribute) else "")
    )
    args = node.args
    if name in MARKERS and args and _text(args[0]):
        yield node.lineno, "", _text(args[0]) or "", []
    elif name == PLURAL and len(args) >= 2 and _text(args[0]) and _text(args[1]):
        yield node.lineno, PLURAL, (_text(args[0]) or "", _text(args[1]) or ""), []
    elif name == "Field":
        help_text = _text(args[2]) if len(args) >= 3 else _keyword(node, "help")
        if help_text:
            yield node.lineno, "", help_text, []
    elif name == "Schema":
        description = _keyword(node, "description")
        if description:
            yield node.lineno, "", description, []
        type_name = _keyword(node, "type_name")
        if type_name:  # its name for editors in their language (``new verhaal``)
            yield node.lineno, "pgettext", (TYPE_CONTEXT, type_name), []


def _keyword(node: ast.Call, name: str) -> str | None:
    return next((_text(k.value) for k in node.keywords if k.arg == name), None)


def _text(node: ast.expr) -> str | None:
    """A string literal's value (adjacent literals are one constant in the syntax tree)."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
