"""YAML parsing that remembers on which line every value stands.

Why not ``yaml.safe_load``: error messages must point at the line of the bad value, and
PyYAML's defaults turn ``2020-02-30`` into a crash and ``no`` into ``False``. Here dates stay
text (the schema parses them and reports impossible days) and only ``true``/``false`` are
booleans, as in YAML 1.2.

Hostile YAML (an editor's account taken over) is refused from the parser's events, before a
single node is built: no anchors, aliases or tags (as StrictYAML does; an alias bomb costs
nothing), at most :data:`MAX_DEPTH` levels of nesting and numbers of at most :data:`MAX_DIGITS`
digits. The nodes are composed here from those events with a stack instead of PyYAML's
recursive composer, so 10,000 levels of ``[`` give one message, not a ``RecursionError``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any

import yaml

Location = tuple  # a path into the document, e.g. ("programme", 0, "date")

MAX_DEPTH = 20  # far beyond any schema (the deepest nests three levels), far below the stack
MAX_DIGITS = 30  # a date, a year, a price or an order never needs more
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution and with YAML 1.2 booleans."""


# The same loader on libyaml's parser when PyYAML has it (many times faster on a large site);
# its error texts differ, so invalid YAML is parsed again by the pure-Python one for the message.
_FastLoader: type[yaml.resolver.BaseResolver] = type(
    "_FastLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {}
)

for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )


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


class _Refused(YamlSyntaxError):
    """Valid YAML that the project does not accept (an alias, a tag, too deep, too long a number)."""


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse ``text``; line numbers are offset so that the text's first line is ``first_line``."""
    try:
        return _parse(_FastLoader, text, first_line)
    except _Refused:
        raise  # libyaml's line is right; only its syntax-error texts need the second parser
    except YamlSyntaxError:
        return _parse(_Loader, text, first_line)


def _parse(loader_class, text: str, first_line: int) -> YamlDocument:
    try:
        loader = loader_class(text)  # PyYAML's reader refuses characters YAML does not allow here
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + first_line
        raise YamlSyntaxError(
            line,
            f"invalid YAML: the character U+{exc.character:04X} is not allowed in YAML; remove it",
        ) from None
    try:
        node = _compose(loader, first_line)
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


def _compose(loader, first_line: int) -> yaml.Node | None:
    """The document's node tree, built from the parser's events without recursion.

    Does what PyYAML's ``Composer.get_single_node`` does, minus anchors and aliases, and
    refuses what :func:`_refuse` names at the event that shows it.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    start = loader.get_event()  # document start
    root: yaml.Node | None = None
    stack: list[list] = []  # [collection node, the key waiting for its value (mappings)]
    while root is None:
        event = loader.get_event()
        _refuse(loader, event, len(stack), first_line)
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node = stack.pop()[0]  # attached to its parent when it started
            node.end_mark = event.end_mark
        elif isinstance(event, yaml.ScalarEvent):
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            # libyaml's events carry yaml._yaml.Mark, which nodes take as well as the pure-Python
            # Mark (they only keep it); the stubs of ScalarNode name the pure-Python one only.
            node = yaml.ScalarNode(
                tag,
                event.value,
                event.start_mark,  # type: ignore[arg-type]
                event.end_mark,  # type: ignore[arg-type]
                style=event.style,
            )
            _attach(stack, node)
        else:  # a list or a group of fields starts
            kind = (
                yaml.SequenceNode
                if isinstance(event, yaml.SequenceStartEvent)
                else yaml.MappingNode
            )
            node = kind(
                loader.resolve(kind, None, event.implicit),
                [],
                event.start_mark,
                None,
                flow_style=event.flow_style,
            )
            _attach(stack, node)
            stack.append([node, None])
        if not stack:
            root = node
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            start.start_mark,
            "but found another document",
            event.start_mark,
        )
    loader.get_event()
    return root


def _attach(stack: list[list], node: yaml.Node) -> None:
    """Put ``node`` into the open collection on top of ``stack`` (if any)."""
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent[0], yaml.SequenceNode):
        parent[0].value.append(node)
    elif parent[1] is None:
        parent[1] = node
    else:
        parent[0].value.append((parent[1], node))
        parent[1] = None


def _refuse(loader, event, depth: int, first_line: int) -> None:
    """Raise :class:`_Refused` for an event the project does not accept."""
    line = (event.start_mark.line if event.start_mark else 0) + first_line
    if isinstance(event, yaml.AliasEvent):
        raise _Refused(
            line,
            f"YAML aliases are not allowed, got '*{event.anchor}': write the value out in full",
        )
    if not isinstance(event, yaml.NodeEvent):
        return
    if event.anchor is not None:
        raise _Refused(
            line,
            f"YAML anchors are not allowed, got '&{event.anchor}': write the "
            f"value out where it is needed",
        )
    explicit_tag = getattr(event, "tag", None)  # scalars and collections have one
    if explicit_tag is not None:
        tag = explicit_tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(
            line, f"YAML tags are not allowed, got '{tag}': remove it and write the plain value"
        )
    if isinstance(event, yaml.CollectionStartEvent) and depth >= MAX_DEPTH:
        raise _Refused(
            line,
            f"values nested too deeply: expected at most {MAX_DEPTH} levels "
            f"of lists and groups of fields, got more",
        )
    if (
        isinstance(event, yaml.ScalarEvent)
        and event.implicit[0]
        and len(event.value) > MAX_DIGITS
        and loader.resolve(yaml.ScalarNode, event.value, event.implicit) in _NUMBER_TAGS
    ):
        digits = sum(char in string.hexdigits for char in event.value)  # 0x... counts too
        if digits > MAX_DIGITS:
            raise _Refused(
                line,
                f"number too long: expected at most {MAX_DIGITS} digits, got "
                f"{digits}; put the value in quotes if it is text",
            )


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
            if (
                isinstance(value_node, (yaml.SequenceNode, yaml.MappingNode))
                and not value_node.flow_style
            ):
                line = key_node.start_mark.line + 1 + offset
            if key in seen:
                document.duplicates.append(
                    (key_node.start_mark.line + 1 + offset, str(key), seen[key])
                )
            seen[key] = key_node.start_mark.line + 1 + offset
            document.lines[location + (key,)] = line
            _record_lines(value_node, location + (key,), document, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            document.lines[location + (index,)] = item.start_mark.line + 1 + offset
            _record_lines(item, location + (index,), document, offset)
