"""The package's shape: no import circles among its modules, no module too long to read.

Imports are read with ``ast`` from every module of ``cta_lint/``, those inside functions
included (a lazy import still ties two modules together), relative ones resolved. An import
of ``a.b.c`` depends on ``a.b.c`` only (Python runs the packages' ``__init__`` too, but a
package's ``__init__`` importing its own submodules is the usual shape, not a circle).

``python tests/test_architecture.py`` prints the import graph's circles and the long modules.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "cta_lint"
MAX_LINES = 450
# Known exceptions to MAX_LINES, each with its reason (none: phrases.py became a package).
LONG_OK: set[str] = set()


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        parts = list(p.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imports(name: str, path: Path, known: set[str]) -> dict[str, int]:
    """The package modules ``name`` imports (module-level or inside functions): name -> line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    pkg = _package_of(name, path)
    out: dict[str, int] = {}

    def add(target: str, line: int) -> None:
        # "from . import x" names a module when x is one, else the package itself
        if target in known and target != name:
            out.setdefault(target, line)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                add(a.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")
                if node.level > 1:
                    base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            for a in node.names:
                sub = f"{mod}.{a.name}"
                if sub in known:
                    add(sub, node.lineno)
                else:
                    add(mod, node.lineno)
    return out


def graph() -> dict[str, dict[str, int]]:
    mods = modules()
    known = set(mods)
    return {m: imports(m, p, known) for m, p in mods.items()}


def cycles(g: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(g):
        if v not in index:
            visit(v)
    return sorted(out)


def describe(comp: list[str], g: dict[str, dict[str, int]]) -> str:
    edges = [f"{a} -> {b} (line {g[a][b]})" for a in comp for b in sorted(g[a]) if b in comp]
    return "; ".join(edges)


def long_modules() -> dict[str, int]:
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        n = len(p.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            out[rel] = n
    return out


def test_the_checker_sees_imports_inside_functions_and_relative_ones():
    g = graph()
    assert "cta_lint.sources.templates" in g["cta_lint.sources.markdown"]
    # a function-level import: engine reads the analysis only when it lints
    assert "cta_lint.analysis" in g["cta_lint.engine"]
    assert "cta_lint.registry" in g["cta_lint.engine"]


def test_no_import_circles():
    g = graph()
    found = cycles(g)
    assert not found, "import circles:\n" + "\n".join(describe(c, g) for c in found)


def test_no_module_is_too_long():
    long = {p: n for p, n in long_modules().items() if p not in LONG_OK}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


if __name__ == "__main__":
    g = graph()
    found = cycles(g)
    print(f"{len(g)} modules, {sum(len(v) for v in g.values())} import edges")
    for c in found:
        print("circle:", describe(c, g))
    if not found:
        print("no import circles")
    for p, n in long_modules().items():
        print(f"over {MAX_LINES} lines: {p} ({n}){' (known exception)' if p in LONG_OK else ''}")
