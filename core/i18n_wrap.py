"""Wrap a module's editor messages for the catalogue: ``./dev wrap FILE ...``.

A message written as an f-string, ``f"field 'x': expected {a}, got {b!r}"``, becomes
``_("field 'x': expected {a}, got {b}", a=a, b=repr(b))`` (and a plain one ``_("...")``), and
the module gets ``from core.i18n import _``. Messages are the texts given to
``problems.add(...)``, raised as ``Invalid``/``ImageProblem``/``UsageError``/``ScaffoldError``/
``BuildError``, or yielded as the last part of a section check's ``(path, line, message)``.
Then ``./dev messages`` puts the new msgids in the Dutch ``.po`` to translate. Review the diff:
a placeholder takes its name from the expression (``{index}``, ``{slug}``), else ``{value}``.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

RAISED = {"Invalid", "ImageProblem", "UsageError", "ScaffoldError", "BuildError", "Refused"}
IMPORT = "from core.i18n import _\n"


def messages(tree: ast.AST) -> list[ast.expr]:
    """The message expressions of a module (string literals and f-strings only)."""
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "add" and len(node.args) == 3:
                found.append(node.args[2])
            elif name in RAISED and node.args:
                found.append(node.args[0])
        elif isinstance(node, ast.Yield) and isinstance(node.value, ast.Tuple):
            if len(node.value.elts) == 3:
                found.append(node.value.elts[2])
    return [
        m
        for m in found
        if isinstance(m, ast.JoinedStr)
        or (isinstance(m, ast.Constant) and isinstance(m.value, str) and m.value.strip())
    ]


def wrapped(node: ast.expr, source: str) -> str:
    """``_("...", name=expr, ...)`` for one message expression."""
    if isinstance(node, ast.Constant):
        return f"_({node.value!r})"
    assert isinstance(node, ast.JoinedStr)
    text, values = "", dict[str, str]()
    for part in node.values:
        if isinstance(part, ast.Constant):
            text += str(part.value).replace("{", "{{").replace("}", "}}")
            continue
        assert isinstance(part, ast.FormattedValue)
        expr = ast.get_source_segment(source, part.value) or ast.unparse(part.value)
        if part.conversion == ord("r"):
            expr = f"repr({expr})"
        elif part.conversion == ord("s"):
            expr = f"str({expr})"
        if part.format_spec is not None:
            spec = ast.unparse(part.format_spec)[2:-1]  # f'...' -> ...
            expr = f'f"{{{expr}:{spec}}}"'
        name = _name(part.value, values, expr)
        values[name] = expr
        text += "{" + name + "}"
    arguments = "".join(f", {name}={expr}" for name, expr in values.items())
    return f"_({text!r}{arguments})"


def _base(value: ast.expr) -> str:
    """A name for the value of ``value``: ``first.isoformat()`` -> first, ``index + 1`` ->
    index, ``item.slug`` -> slug, ``entry['date']`` -> date, ``pair[1]`` -> pair1."""
    if isinstance(value, ast.Name):
        return value.id
    if isinstance(value, ast.Attribute):
        return value.attr
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        return _base(value.func.value)
    if isinstance(value, ast.BinOp):
        return _base(value.left)
    if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant):
        key = value.slice.value
        return key if isinstance(key, str) else _base(value.value) + str(key)
    return "value"


def _name(value: ast.expr, taken: dict[str, str], expr: str) -> str:
    base = re.sub(r"\W", "_", _base(value)).strip("_").lower()
    base = base if base[:1].isalpha() else "value" + base
    name, number = base, 2
    while name in taken and taken[name] != expr:
        name, number = f"{base}{number}", number + 1
    return name


def wrap_file(path: Path) -> int:
    """Rewrite ``path`` in place; the number of messages wrapped."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = messages(tree)
    offsets = [0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    edits = []
    for node in found:
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset  # type: ignore[operator]
        edits.append((start, end, wrapped(node, source)))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    if found and IMPORT not in source:
        future = "from __future__ import annotations\n"
        if future in source:
            source = source.replace(future, future + "\n" + IMPORT, 1)
        else:
            source = IMPORT + source
    path.write_text(source, encoding="utf-8")
    return len(found)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {wrap_file(Path(name))} messages wrapped")
