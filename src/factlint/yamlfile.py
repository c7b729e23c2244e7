"""Safe YAML loading that remembers the line of every node, for errors that name file and line.

Only the safe loader is ever used (no arbitrary tags). Duplicate keys, which PyYAML silently lets the
last one win, are errors here: in a reference file a duplicate key almost always hides a typo. The
number of nodes built is bounded, so an alias bomb ("billion laughs") fails fast instead of eating
memory.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml is much faster; the pure-Python loader gives the same nodes.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
MAX_NODES = 2_000_000


class YamlError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineMap:
    """Line and column (1-based) of the node at each path, e.g. ("people", 3, "offices", 0, "start")."""

    def __init__(self, positions: dict[Path, tuple[int, int]]) -> None:
        self._positions = positions

    def position(self, path: Path) -> tuple[int, int] | None:
        """Where the deepest node along `path` that exists starts (pydantic error locations may point
        below what the file holds, e.g. at a missing field)."""
        for cut in range(len(path), -1, -1):
            found = self._positions.get(tuple(path[:cut]))
            if found is not None:
                return found
        return None

    def line(self, path: Path) -> int | None:
        found = self.position(path)
        return found[0] if found else None


def load_yaml(text: str) -> tuple[Any, LineMap]:
    """Parse one YAML document; return the data and the line of each node."""
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise YamlError(_yaml_message(exc), mark.line + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise YamlError(str(exc)) from None
        if root is None:
            return None, LineMap({})
        lines: dict[Path, tuple[int, int]] = {}
        count = [0]
        data = _build(loader, root, (), lines, count)
        return data, LineMap(lines)
    finally:
        loader.dispose()


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "invalid YAML: " + "; ".join(parts) if parts else "invalid YAML"


def _build(loader: Any, node: yaml.Node, path: Path, lines: dict[Path, tuple[int, int]], count: list[int]) -> Any:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise YamlError(f"document too large or too many aliases (over {MAX_NODES:,} nodes)",
                        node.start_mark.line + 1)
    lines.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise YamlError(f"unsupported tag {node.tag!r}: only plain YAML is accepted", node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not supported", key_node.start_mark.line + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("mapping keys must be plain values", key_node.start_mark.line + 1)
            # YAML 1.1 reads the key `on:` (as in `reviewed: {by, on}`) as True: keys stay words.
            key = key_node.value if key_node.tag == "tag:yaml.org,2002:bool" else _scalar(loader, key_node)
            if key in out:
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            out[key] = _build(loader, value_node, path + (key,), lines, count)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), lines, count) for i, item in enumerate(node.value)]
    return _scalar(loader, node)


def _scalar(loader: Any, node: yaml.Node) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(_yaml_message(exc), node.start_mark.line + 1) from None
    except ValueError as exc:  # e.g. a timestamp like 2023-02-30
        raise YamlError(f"invalid value {node.value!r}: {exc}", node.start_mark.line + 1) from None
