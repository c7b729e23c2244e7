"""Safe YAML loading that remembers the line of every node, for errors that name file and line.

Only the safe loader is ever used (no arbitrary tags). Duplicate keys, which PyYAML silently lets the
last one win, are errors here: in a reference file a duplicate key almost always hides a typo.

Hostile input fails fast, with a line, whatever the file holds. The data is built straight from the
parser's event stream with an explicit stack, never by PyYAML's composer: that recurses once per level
(in C with libyaml), so a few thousand nested brackets overflow Python's stack and 25,000 overflow
the C stack and kill the process. Nesting is capped (MAX_DEPTH), and so is the number of values
reached through aliases (MAX_ALIAS_NODES), so an alias bomb ("billion laughs") is refused after a few
thousand values instead of building millions.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import GeneratorType
from typing import Any

import yaml

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]
# The one tag each kind of collection may carry: its own ("!!seq {a: 1}" is an error).
_PLAIN_TAGS: dict[type, str] = {yaml.MappingStartEvent: "tag:yaml.org,2002:map",
                                yaml.SequenceStartEvent: "tag:yaml.org,2002:seq"}
MAX_NODES = 2_000_000  # values in one document, aliases included
MAX_DEPTH = 100  # nested collections; the reference schema needs 5
MAX_ALIAS_NODES = 10_000  # values reached through aliases; the project's own YAML uses none

_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NO_KEY = object()


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
        return _Builder(loader).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if "maximum nesting depth" in (exc.problem or ""):
            # The libyaml in newer PyYAML wheels (6.0.4 seen) caps nesting at 1,000 itself, and its scanner
            # looks ahead through a run of "[" before the parser hands this builder a single event, so its
            # limit can fire before MAX_DEPTH does. The same problem gets the same message either way.
            raise YamlError(f"nested too deeply (over {MAX_DEPTH} levels)", line) from None
        raise YamlError(_yaml_message(exc), line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc)) from None
    except RecursionError:  # nothing here recurses; a last guard so no input gives a traceback
        raise YamlError(f"nested too deeply (over {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "invalid YAML: " + "; ".join(parts) if parts else "invalid YAML"


# Events are typed Any below: PyYAML's stubs give marks as optional and tags only on some event
# classes, but every event the parser emits has both.
def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _where(path: Path, message: str) -> str:
    """Prefix the dotted key path (as pydantic's errors name it), when there is one."""
    return f"{'.'.join(str(p) for p in path)}: {message}" if path else message


class _Frame:
    """An open collection: the container being filled, its path and, in a mapping, the key whose value
    comes next (_NO_KEY while a key is expected)."""

    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[Any, Any] | list[Any], path: Path) -> None:
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY


class _Builder:
    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.lines: dict[Path, tuple[int, int]] = {}
        self.nodes = 0
        self.alias_nodes = 0
        self.anchors: dict[str, list[yaml.Event]] = {}
        # Anchored nodes still being read: [name, its events so far, open collections within it].
        self.recording: list[list[Any]] = []
        self.replays: list[Iterator[yaml.Event]] = []  # events of aliased nodes, played again

    def document(self) -> tuple[Any, LineMap]:
        self._expect(yaml.StreamStartEvent)
        if isinstance(self.loader.peek_event(), yaml.StreamEndEvent):
            return None, LineMap({})
        self._expect(yaml.DocumentStartEvent)
        data = self._value()
        self._expect(yaml.DocumentEndEvent)
        extra: Any = self.loader.get_event()
        if not isinstance(extra, yaml.StreamEndEvent):
            raise YamlError("expected a single document, but found another document", _line(extra))
        return data, LineMap(self.lines)

    def _expect(self, kind: type[yaml.Event]) -> None:
        event: Any = self.loader.get_event()
        if not isinstance(event, kind):  # pragma: no cover - the parser guarantees the order
            raise YamlError(f"invalid YAML: unexpected {type(event).__name__}", _line(event))

    def _next(self) -> tuple[Any, bool]:
        """The next event and whether it is replayed through an alias."""
        while self.replays:
            replayed = next(self.replays[-1], None)
            if replayed is not None:
                return replayed, True
            self.replays.pop()
        event: Any = self.loader.get_event()
        for entry in self.recording:
            entry[1].append(event)
        if isinstance(event, yaml.NodeEvent) and not isinstance(event, yaml.AliasEvent) and event.anchor is not None:
            if event.anchor in self.anchors or any(entry[0] == event.anchor for entry in self.recording):
                raise YamlError(f"duplicate anchor &{event.anchor}", _line(event))
            self.recording.append([event.anchor, [event], 0])
        for entry in self.recording[::-1]:  # close anchored nodes that this event ends
            entry[2] += 1 if isinstance(event, _START) else -1 if isinstance(event, _END) else 0
        while self.recording and self.recording[-1][2] == 0:
            name, events, _ = self.recording.pop()
            self.anchors[name] = events
        return event, False

    def _value(self) -> Any:
        """Build one value (a scalar, or a collection with all it holds) from the events."""
        stack: list[_Frame] = []
        root: Any = None
        while True:
            event, replayed = self._next()
            if isinstance(event, yaml.AliasEvent):
                events = self.anchors.get(event.anchor or "")
                if events is None:
                    open_anchor = any(entry[0] == event.anchor for entry in self.recording)
                    raise YamlError(("recursive" if open_anchor else "undefined") + f" alias *{event.anchor}",
                                    _line(event))
                self.replays.append(iter(events))
                continue
            if isinstance(event, _END):
                stack.pop()
                if not stack:
                    return root
                continue
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
                top.key = self._key(event, top)
                continue
            if top is None:
                path: Path = ()
            elif isinstance(top.container, dict):
                path = top.path + (top.key,)
            else:
                path = top.path + (len(top.container),)
            self._count(event, replayed, path)
            if isinstance(event, yaml.ScalarEvent):
                value = self._scalar(event, path)
            elif event.tag not in (None, "!") and event.tag != _PLAIN_TAGS[type(event)]:
                raise YamlError(_where(path, f"unsupported tag {event.tag!r}: only plain YAML is accepted"),
                                _line(event))
            else:
                value = {} if isinstance(event, yaml.MappingStartEvent) else []
            if top is None:
                root = value
            elif isinstance(top.container, dict):
                top.container[top.key] = value
                top.key = _NO_KEY
            else:
                top.container.append(value)
            if isinstance(value, (dict, list)) and isinstance(event, _START):
                stack.append(_Frame(value, path))
            elif not stack:
                return root

    def _count(self, event: Any, replayed: bool, path: Path) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlError(f"document too large (over {MAX_NODES:,} values)", _line(event))
        if replayed:
            self.alias_nodes += 1
            if self.alias_nodes > MAX_ALIAS_NODES:
                raise YamlError(f"too many values reached through aliases (over {MAX_ALIAS_NODES:,})", _line(event))
        if len(path) > MAX_DEPTH:
            raise YamlError(f"nested too deeply (over {MAX_DEPTH} levels)", _line(event))
        self.lines.setdefault(path, (_line(event), int(event.start_mark.column) + 1))

    def _key(self, event: Any, frame: _Frame) -> Any:
        if not isinstance(event, yaml.ScalarEvent):
            raise YamlError(_where(frame.path, "mapping keys must be plain values"), _line(event))
        tag = self._tag(event)
        if tag == "tag:yaml.org,2002:merge":
            raise YamlError(_where(frame.path, "merge keys (<<) are not supported"), _line(event))
        # YAML 1.1 reads the key `on:` (as in `reviewed: {by, on}`) as True: keys stay words.
        key = event.value if tag == "tag:yaml.org,2002:bool" else self._scalar(event, frame.path)
        assert isinstance(frame.container, dict)
        try:
            duplicate = key in frame.container
        except TypeError:  # an unhashable key cannot come from a scalar; kept for safety
            raise YamlError(_where(frame.path, f"invalid key {event.value!r}"), _line(event)) from None
        if duplicate:
            raise YamlError(f"duplicate key {key!r}", _line(event))
        return key

    def _tag(self, event: Any) -> str:
        if event.tag in (None, "!"):
            return str(self.loader.resolve(yaml.ScalarNode, event.value, event.implicit))
        return str(event.tag)

    def _scalar(self, event: Any, path: Path) -> Any:
        tag = self._tag(event)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        constructors = self.loader.yaml_constructors
        construct = constructors.get(tag, constructors[None])  # None: an unknown tag, always refused
        try:
            value = construct(self.loader, node)
            if isinstance(value, GeneratorType):  # a collection tag on a scalar, e.g. `!!map x`: refused
                data = next(value)
                for _ in value:
                    pass
                return data
            return value
        except yaml.constructor.ConstructorError as exc:
            raise YamlError(_where(path, _yaml_message(exc)), _line(event)) from None
        except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise ValueError, KeyError,
            # IndexError or AttributeError on values such as `!!bool perhaps` or `!!timestamp nope`.
            why = f": {exc}" if isinstance(exc, ValueError) and str(exc) else f" for {tag.replace('tag:yaml.org,2002:', '!!')}"
            raise YamlError(_where(path, f"invalid value {event.value!r}{why}"), _line(event)) from None
