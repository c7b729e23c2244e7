"""The flow stays one-way: no module of factlint imports, even inside a function, a module that
imports it back (imports under `if TYPE_CHECKING:` are for annotations and do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factlint"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        pending = [ast.parse(path.read_text(encoding="utf-8"))]
        while pending:
            for node in ast.iter_child_nodes(pending.pop()):
                if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                    continue
                pending.append(node)
                if isinstance(node, ast.ImportFrom):
                    base = ".".join(package[:len(package) - node.level + 1] if node.level else [])
                    target = ".".join(filter(None, [base, node.module]))
                    for alias in node.names:
                        found = f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target
                        if found in modules and found != name:
                            graph[name].add(found)
    return graph


def test_no_import_cycles():
    graph = _imports()
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                cycle = path[path.index(imported):] + [imported]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if imported not in state:
                visit(imported, [*path, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
