"""YAML parsing that remembers on which line every value stands.

Why not ``yaml.safe_load``: error messages must point at the line of the bad value, and
PyYAML's defaults turn ``2020-02-30`` into a crash and ``no`` into ``False``. Here dates stay
text (the schema parses them and reports impossible days) and only ``true``/``false`` are
booleans, as in YAML 1.2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Location = tuple  # a path into the document, e.g. ("programme", 0, "date")


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution and with YAML 1.2 booleans."""


# The same loader on libyaml's parser when PyYAML has it (many times faster on a large site);
# its error texts differ, so invalid YAML is parsed again by the pure-Python one for the message.
_FastLoader = type("_FastLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})

for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass
class YamlDocument:
    """A parsed YAML document: its data, the line of every value, and duplicate-key problems."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    duplicates: list[tuple[int, str, int]] = field(default_factory=list)  # (line, key, first line)

    def line_of(self, location: Location, default: int) -> int:
        """Line of the value at ``location``, else of its nearest parent, else ``default``."""
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return default


class YamlSyntaxError(Exception):
    """Invalid YAML; ``line`` is 1-based within the parsed text."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse ``text``; line numbers are offset so that the text's first line is ``first_line``."""
    try:
        return _parse(_FastLoader, text, first_line)
    except YamlSyntaxError:
        return _parse(_Loader, text, first_line)


def _parse(loader_class, text: str, first_line: int) -> YamlDocument:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlSyntaxError(line, _describe_yaml_error(exc)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise YamlSyntaxError(first_line, str(exc)) from None
    finally:
        loader.dispose()
    document = YamlDocument(data)
    if node is not None:
        _record_lines(node, (), document, first_line - 1)
    return document


def _describe_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "invalid YAML: " + ", ".join(parts)


def _record_lines(node: yaml.Node, location: Location, document: YamlDocument, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = value_node.start_mark.line + 1 + offset
            # A value on the next line (a list or a mapping) belongs to the key's line.
            if isinstance(value_node, (yaml.SequenceNode, yaml.MappingNode)) and not value_node.flow_style:
                line = key_node.start_mark.line + 1 + offset
            if key in seen:
                document.duplicates.append((key_node.start_mark.line + 1 + offset, str(key), seen[key]))
            seen[key] = key_node.start_mark.line + 1 + offset
            document.lines[location + (key,)] = line
            _record_lines(value_node, location + (key,), document, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            document.lines[location + (index,)] = item.start_mark.line + 1 + offset
            _record_lines(item, location + (index,), document, offset)
