"""The import picture of the tree, and the layering rules it must keep.

    python -m ops.layers [ROOT]          the picture: parts, arrows with counts, arrows that run back up
    python -m ops.layers [ROOT] --check  the rules only; exit 1 when one is broken

Every `import` and `from … import` counts, wherever it stands (inside a function too), and
so does `importlib.import_module("…")` / `__import__("…")` (an f-string counts by its
literal start). Test modules (`test_*.py`, `conftest.py`, a `tests/` folder inside a part)
are left out: a test may reach wherever its subject lives. The top-level `tests/` package's
helpers are a part of their own, since `bench/` must not lean on them.

A part is a top-level folder holding Python. `LAYERS` says which sit above which; an arrow
from a lower layer to a higher one, or between two parts of one layer, runs back up.
`RULES` are what `tests/test_layering.py` holds the tree to: add a rule as one line.
"""
from __future__ import annotations

import argparse
import ast
import fnmatch
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

# Top to bottom; parts of one layer may not import each other either.
LAYERS: tuple[tuple[str, ...], ...] = (("bench", "tests", "scripts"), ("ops", "testkit"), ("gateway", "services"), ("kit", "clients"))
SKIPPED_DIRS = {"node_modules", "__pycache__", "dist", "build"}
DYNAMIC = "<import by a computed name>"


@dataclass(frozen=True)
class Import:
    file: str  # posix path under the root
    line: int
    module: str  # dotted, resolved against the tree (`from kit import web` → kit.web)
    by_name: bool = False  # importlib.import_module / __import__


@dataclass(frozen=True)
class Rule:
    """Files matching `files` (globs; `<name>` matches one folder and can be named again in
    `allow`) may not import a module matching `forbid` unless it matches `allow`. A module
    pattern matches that module and everything under it (`kit.web` matches `kit.web.x`)."""

    what: str
    files: tuple[str, ...]
    forbid: tuple[str, ...]
    allow: tuple[str, ...] = ()


TEST_CODE = ("testkit", "tests", "bench")
RULES: tuple[Rule, ...] = (
    Rule("kit/ is the bottom layer: it imports no part above it, not even by name",
         ("kit/**",), ("gateway", "services", "ops", *TEST_CODE, DYNAMIC)),
    Rule("a service does not import another service", ("services/<name>/**",), ("services.*",),
         allow=("services.<name>",)),
    Rule("the gateway does not import the services or the operators' tooling", ("gateway/**",),
         ("services", "ops", *TEST_CODE)),
    Rule("the services do not import the gateway or the operators' tooling", ("services/**",),
         ("gateway", "ops", *TEST_CODE)),
    Rule("ops/ does not import test or benchmark code", ("ops/**",), TEST_CODE),
    Rule("testkit/ does not import the tests or the benchmarks", ("testkit/**",), ("tests", "bench")),
    Rule("bench/ does not import tests/", ("bench/**",), ("tests",)),
    Rule("the partners' client (clients/) stands alone: it imports no part of the suite", ("clients/**",),
         ("kit", "gateway", "services", "ops", *TEST_CODE, "scripts")),
    Rule("a service's rules, use cases and event handlers do not import the web layer",
         ("services/*/domain.py", "services/*/service.py", "services/*/handlers.py", "services/*/events.py"),
         ("flask", "flask_smorest", "werkzeug", "kit.web")),
)


def is_test_code(path: str) -> bool:
    parts = path.split("/")
    name = parts[-1]
    return name == "conftest.py" or name.startswith("test_") or "tests" in parts[1:-1]


def python_files(root: Path) -> list[str]:
    """Every Python file of the tree's parts (posix paths under `root`), test code left out."""
    found = []
    for top in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in sorted(top.rglob("*.py")):
            relative = path.relative_to(root)
            if any(part in SKIPPED_DIRS or part.startswith(".") for part in relative.parts):
                continue
            text = relative.as_posix()
            if not is_test_code(text):
                found.append(text)
    return found


def module_name(path: str) -> str:
    dotted = path[: -len(".py")].replace("/", ".")
    return dotted[: -len(".__init__")] if dotted.endswith(".__init__") else dotted


def _package_of(path: str) -> str:
    name = module_name(path)
    return name if path.endswith("__init__.py") else name.rpartition(".")[0]


def _dynamic_target(call: ast.Call) -> str | None:
    """The module a call to importlib.import_module / __import__ names, if it is one."""
    func = call.func
    named = (isinstance(func, ast.Attribute) and func.attr == "import_module") or \
            (isinstance(func, ast.Name) and func.id in ("import_module", "__import__"))
    if not named or not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        prefix = str(arg.values[0].value).rstrip(".")
        return prefix if re.fullmatch(r"[A-Za-z_][\w.]*", prefix) else DYNAMIC
    return DYNAMIC


def imports_of(root: Path, path: str, modules: set[str]) -> list[Import]:
    tree = ast.parse((root / path).read_text(encoding="utf-8"), filename=path)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(path, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(path).split(".")
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append(Import(path, node.lineno, sub if sub in modules else base))
        elif isinstance(node, ast.Call):
            target = _dynamic_target(node)
            if target is not None:
                found.append(Import(path, node.lineno, target, by_name=True))
    return list(dict.fromkeys(found))  # `from x import a, b` is one import of x


@dataclass
class Tree:
    root: Path
    files: list[str]
    imports: list[Import]

    @classmethod
    def scan(cls, root: Path) -> "Tree":
        files = python_files(root)
        modules = {module_name(f) for f in files} | {module_name(str(p.relative_to(root).as_posix()))
                                                      for p in root.glob("*/**/*.py")}
        imports = [i for f in files for i in imports_of(root, f, modules)]
        return cls(root, files, imports)

    @property
    def parts(self) -> list[str]:
        return sorted({f.split("/")[0] for f in self.files}, key=_layer_sort_key)

    def arrows(self) -> Counter:
        """(from part, to part) → number of import statements; imports of the same part and
        of outside libraries are left out."""
        parts = set(self.parts)
        statements = {(i.file, i.line, i.file.split("/")[0], i.module.split(".")[0]) for i in self.imports}
        return Counter((source, target) for _, _, source, target in statements
                       if target in parts and target != source)


def _layer(part: str) -> int | None:
    for index, layer in enumerate(LAYERS):
        if part in layer:
            return index
    return None


def _layer_sort_key(part: str) -> tuple[int, str]:
    layer = _layer(part)
    return (len(LAYERS) if layer is None else layer, part)


def runs_back_up(source: str, target: str) -> bool:
    """True for an arrow from a lower layer to a higher one, or within one layer."""
    low, high = _layer(source), _layer(target)
    return low is not None and high is not None and high <= low


def cycles(arrows: Counter) -> list[list[str]]:
    """Rings of parts that import each other (strongly connected components of two or more)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in arrows:
        graph[source].add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            ring = []
            while True:
                member = stack.pop()
                ring.append(member)
                if member == node:
                    break
            if len(ring) > 1:
                found.append(sorted(ring))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


# --- the rules ------------------------------------------------------------------------------

def _file_pattern(glob: str) -> re.Pattern:
    """`services/<name>/**` → a regex with a named group `name`; `**` any depth, `*` one name."""
    out = ""
    for token in re.split(r"(<\w+>|\*\*/?|\*)", glob):
        if token.startswith("<"):
            out += f"(?P<{token[1:-1]}>[^/]+)"
        elif token.startswith("**"):
            out += ".*"
        elif token == "*":
            out += "[^/]*"
        else:
            out += re.escape(token)
    return re.compile(out)


def _module_matches(pattern: str, module: str) -> bool:
    return fnmatch.fnmatchcase(module, pattern) or fnmatch.fnmatchcase(module, pattern + ".*")


def violations(tree: Tree, rule: Rule) -> list[Import]:
    broken = []
    patterns = [_file_pattern(glob) for glob in rule.files]
    for i in tree.imports:
        match = next((m for p in patterns if (m := p.fullmatch(i.file))), None)
        if match is None:
            continue
        allowed = [a.replace(f"<{k}>", v) for a in rule.allow for k, v in match.groupdict().items()] or \
            list(rule.allow)
        if any(_module_matches(f, i.module) for f in rule.forbid) and \
                not any(_module_matches(a, i.module) for a in allowed):
            broken.append(i)
    return broken


# --- the picture ------------------------------------------------------------------------------

def picture(tree: Tree) -> str:
    lines = [f"Import picture of {tree.root} (test modules left out)", ""]
    sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in tree.files:
        size = sizes[f.split("/")[0]]
        size[0] += 1
        size[1] += sum(1 for _ in (tree.root / f).open(encoding="utf-8"))
    total = sum(lines_ for _, lines_ in sizes.values())
    lines.append("parts, top layer first     layer  modules    lines")
    for part in tree.parts:
        layer = _layer(part)
        modules, count = sizes[part]
        lines.append(f"  {part:<24} {'?' if layer is None else layer + 1:>5}  {modules:>7}  {count:>7}  "
                     f"({100 * count / total:.0f} %)")
    arrows = tree.arrows()
    modules_behind: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i in tree.imports:
        modules_behind[(i.file.split("/")[0], i.module.split(".")[0])].add(i.file)
    lines += ["", "arrows (import statements; importing modules)"]
    for (source, target), count in sorted(arrows.items(), key=lambda a: (_layer_sort_key(a[0][0]),
                                                                         _layer_sort_key(a[0][1]))):
        mark = "   <- runs back up" if runs_back_up(source, target) else ""
        lines.append(f"  {source:>9} -> {target:<9} {count:>4}  ({len(modules_behind[(source, target)])}){mark}")
    back = [(s, t) for (s, t) in arrows if runs_back_up(s, t)]
    lines += ["", f"arrows that run back up: {len(back) or 'none'}"]
    for source, target in back:
        where = dict.fromkeys(f"{i.file}:{i.line}" for i in tree.imports
                              if i.file.split("/")[0] == source and i.module.split(".")[0] == target)
        lines.append(f"  {source} -> {target}: {', '.join(where)}")
    dynamic = [f"{i.file}:{i.line} ({i.module})" for i in tree.imports if i.by_name]
    rings = cycles(arrows)
    lines.append(f"cycles: {'; '.join(' <-> '.join(r) for r in rings) if rings else 'none'}")
    if dynamic:
        lines.append(f"imports by a computed name: {', '.join(dynamic)}")
    lines += ["", "rules"]
    for rule in RULES:
        broken = violations(tree, rule)
        lines.append(f"  {'ok    ' if not broken else 'BROKEN'} {rule.what}")
        lines += [f"           {i.file}:{i.line} imports {i.module}" for i in broken]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.layers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[1]),
                        help="the tree to look at (default: this checkout)")
    parser.add_argument("--check", action="store_true", help="only the rules; exit 1 when one is broken")
    args = parser.parse_args(argv)
    tree = Tree.scan(Path(args.root).resolve())
    if not args.check:
        print(picture(tree))
    broken = [(rule, i) for rule in RULES for i in violations(tree, rule)]
    if args.check:
        for rule, i in broken:
            print(f"{i.file}:{i.line}: imports {i.module}: {rule.what}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
