"""Mutation testing of the rule modules: would a wrong rule make its tests fail?

Every rule module (each glob of `RULE_MODULES`: every `services/*/domain.py`, so a new
service's rules are picked up as they land; another kind of rule module is one more glob)
is changed one small step at a time by mutmut's operators: a number ±1, a string, `<` for
`<=`, `and` for `or`, `True` for `False`, a name for None, a decorator dropped. Each
changed copy (a mutant) runs against the module's fast unit tests, the files
`tests/test_<module>*.py` beside it. A mutant is killed when those tests fail in any way:
a failing assertion, an error while importing or collecting, or a run that never ends.

The score of a module is killed / (mutants - those listed in `EQUIVALENTS`), held to
`TARGET`. A listed mutant cannot be caught by any test (it changes no behaviour); each entry
names its line and mutant and says why, and one that stops surviving or matches no mutant
any more is an error, so the list stays exact.

Each mutant runs in a child forked from one process that has already imported pytest and
the libraries; the child executes the mutated source in memory in place of the module, so
nothing in the tree is rewritten and tests running beside it see the real rules.

`RECORD` keeps, per module, the fingerprint of what was measured (the module, its tests,
its listed equivalents, the tool's version) and its score. `--changed` measures only the modules
whose fingerprint differs from the record: those a change touched since they were last
measured (this is what `make test` runs).

    .venv/bin/python -m scripts.mutation                     # every rule module
    .venv/bin/python -m scripts.mutation --changed           # those changed since measured
    .venv/bin/python -m scripts.mutation services/visits/domain.py
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import importlib
import importlib.util
import json
import os
import signal
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULE_MODULES = ("services/*/domain.py",)
TARGET = 0.90
EQUIVALENTS = ROOT / "scripts" / "mutation_equivalents.toml"
RECORD = ROOT / "docs" / "mutation-scores.json"
# Part of every recorded fingerprint: raise it with any change here that may change a score
# (what counts as a kill, which tests run, the operators), so every module is measured again.
TOOL_VERSION = 1
# Libraries a test run needs, imported once before any child is forked.
UNUSED_PLUGINS = ("cacheprovider", "terminal", "warnings", "logging", "junitxml", "doctest", "pastebin",
                  "faulthandler", "stepwise", "unittest", "legacypath", "nose")
PRELOAD = ("pytest", "hypothesis", "_pytest.python", "_pytest.main", "zoneinfo", "kit.errors", "kit.settings",
           "jinja2.sandbox")


@dataclass(frozen=True)
class Mutant:
    line_number: int  # 1-based
    original: str  # the source line, stripped
    mutated: str  # the same line in the mutant, stripped
    source: str  # the whole mutated module


@dataclass(frozen=True)
class Equivalent:
    module: str
    line: str
    mutant: str
    why: str

    def matches(self, mutant: Mutant) -> bool:
        return (self.line, self.mutant) == (mutant.original, mutant.mutated)


@dataclass
class Outcome:
    module: str
    mutants: int
    killed: int
    timed_out: int
    survivors: list[Mutant]
    equivalent: list[Mutant]
    problems: list[str]  # equivalents that match nothing or no longer survive

    @property
    def counted(self) -> int:
        return self.mutants - len(self.equivalent)

    @property
    def score(self) -> float:
        return self.killed / self.counted if self.counted else 1.0

    @property
    def passed(self) -> bool:
        return self.score >= TARGET and not self.problems


def rule_modules() -> list[str]:
    return sorted({path.relative_to(ROOT).as_posix() for pattern in RULE_MODULES for path in ROOT.glob(pattern)})


def tests_of(module: str) -> list[str]:
    path = ROOT / module
    return sorted(p.relative_to(ROOT).as_posix() for p in (path.parent / "tests").glob(f"test_{path.stem}*.py"))


def equivalents() -> list[Equivalent]:
    return [Equivalent(**entry) for entry in tomllib.loads(EQUIVALENTS.read_text())["equivalent"]]


def fingerprint(module: str) -> str:
    digest = hashlib.sha256(f"{TOOL_VERSION}\0".encode())
    for path in (module, *tests_of(module)):
        digest.update(path.encode() + b"\0" + (ROOT / path).read_bytes() + b"\0")
    for entry in equivalents():
        if entry.module == module:
            digest.update(repr(entry).encode())
    import mutmut

    digest.update(mutmut.__version__.encode())
    return digest.hexdigest()


def mutants_of(module: str) -> list[Mutant]:
    from mutmut import Context, list_mutations, mutate

    source = (ROOT / module).read_text()
    lines = source.split("\n")
    found = []
    for mutation_id in list_mutations(Context(source=source, filename=module)):
        mutated, _ = mutate(Context(source=source, mutation_id=mutation_id, filename=module))
        number = mutation_id.line_number
        after = mutated.split("\n")
        line = after[number].strip() if len(after) == len(lines) else "(line removed)"  # a decorator
        found.append(Mutant(number + 1, lines[number].strip(), line, mutated))
    return found


# --- Running the tests against a mutant -------------------------------------------------------

def _prepare() -> None:
    """What every child shares: no plugins but ours, no bytecode or caches written, a
    scratch directory for anything a settings loader writes, Hypothesis derandomised."""
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    os.environ["ZHUYU_VAR_DIR"] = tempfile.mkdtemp(prefix="zhuyu-mutation-")
    sys.dont_write_bytecode = True
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from _pytest.config import default_plugins

    for name in (*PRELOAD, *(f"_pytest.{plugin}" for plugin in default_plugins)):
        importlib.import_module(name)
    from hypothesis import settings

    settings.register_profile("mutation", derandomize=True, database=None, deadline=None)
    settings.load_profile("mutation")


def _warm(tests: list[str]) -> None:
    """Imports here what the tests import (the libraries behind a service's `config` or
    `schemas`), so that each child starts with them loaded, then forgets the project's own
    modules again: each child imports those afresh, against its mutant."""
    for test in tests:
        for node in ast.walk(ast.parse((ROOT / test).read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                try:
                    importlib.import_module(name)
                except ImportError:
                    pass  # an attribute, not a module
    for name in [name for name in sys.modules if name.split(".")[0] in ("services", "tests")]:
        del sys.modules[name]


def _pytest_args(tests: list[str]) -> list[str]:
    return [*(str(ROOT / t) for t in tests), "-x", "--assert=plain", "--noconftest", "--rootdir", str(ROOT),
            "-o", "addopts=--import-mode=importlib", *(f"-pno:{name}" for name in UNUSED_PLUGINS)]


class _ExamplesFirst:
    """Property tests (Hypothesis) run last: most mutants fail an example first, and `-x`
    then stops the run early."""

    def pytest_collection_modifyitems(self, items):
        items.sort(key=lambda item: bool(getattr(getattr(item, "obj", None), "is_hypothesis_test", False)))


def _child(module: str, source: str | None, tests: list[str], quiet: bool) -> None:
    """Runs in the forked child: the module as `source` says, then its tests; never returns."""
    code = 3
    try:
        if quiet:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
        name = module.removesuffix(".py").replace("/", ".")
        package_name, _, attribute = name.rpartition(".")
        package = importlib.import_module(package_name)
        if source is not None:
            spec = importlib.util.spec_from_file_location(name, ROOT / module)
            loaded = importlib.util.module_from_spec(spec)
            sys.modules[name] = loaded
            exec(compile(source, str(ROOT / module), "exec"), loaded.__dict__)
            setattr(package, attribute, loaded)
        import pytest

        code = int(pytest.main(_pytest_args(tests), plugins=[_ExamplesFirst()]))
    except BaseException:  # a mutant that cannot even be imported is caught
        code = 3
    finally:
        os._exit(code)


def run_all(module: str, sources: list[str | None], tests: list[str], jobs: int, timeout: float,
            quiet: bool = True) -> list[int | None]:
    """pytest's exit code for each source (None: the original module), or None when the run
    was stopped at `timeout` seconds."""
    results: list[int | None] = [None] * len(sources)
    waiting = list(range(len(sources)))
    running: dict[int, tuple[int, float]] = {}
    while waiting or running:
        while waiting and len(running) < jobs:
            index = waiting.pop(0)
            pid = os.fork()
            if pid == 0:
                _child(module, sources[index], tests, quiet)
            running[pid] = (index, time.monotonic())
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid:
            index, _ = running.pop(pid)
            results[index] = os.waitstatus_to_exitcode(status)
            continue
        now = time.monotonic()
        for pid, (index, started) in list(running.items()):
            if now - started > timeout:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                running.pop(pid)
                results[index] = None
        time.sleep(0.002)
    return results


def measure(module: str, jobs: int, listed: list[Equivalent]) -> Outcome:
    tests = tests_of(module)
    if not tests:
        raise SystemExit(f"{module}: no unit tests beside it (tests/test_{Path(module).stem}*.py)")
    started = time.monotonic()
    [baseline] = run_all(module, [None], tests, 1, timeout=600, quiet=False)
    if baseline != 0:
        raise SystemExit(f"{module}: its tests fail on the module as it is (pytest exit {baseline})")
    timeout = max(10.0, 10 * (time.monotonic() - started))
    _warm(tests)
    mutants = mutants_of(module)
    codes = run_all(module, [m.source for m in mutants], tests, jobs, timeout)
    entries = [e for e in listed if e.module == module]
    outcome = Outcome(module, len(mutants), 0, 0, [], [], [])
    for mutant, code in zip(mutants, codes):
        if code is None:
            outcome.timed_out += 1
        if code != 0:
            outcome.killed += 1
        elif any(entry.matches(mutant) for entry in entries):
            outcome.equivalent.append(mutant)
        else:
            outcome.survivors.append(mutant)
    for entry in entries:
        matching = [(m, c) for m, c in zip(mutants, codes) if entry.matches(m)]
        if not matching:
            outcome.problems.append(f"listed as equivalent, but no such mutant: {entry.line!r} -> {entry.mutant!r}")
        elif all(code != 0 for _, code in matching):
            outcome.problems.append(f"listed as equivalent, but the tests kill it: {entry.line!r} -> {entry.mutant!r}")
    return outcome


# --- The record and the report -------------------------------------------------------------------

def read_record() -> dict:
    return json.loads(RECORD.read_text()) if RECORD.exists() else {}


def write_record(outcomes: list[Outcome], fingerprints: dict[str, str]) -> None:
    record = read_record()
    for outcome in outcomes:
        if outcome.passed:
            record[outcome.module] = {"fingerprint": fingerprints[outcome.module], "mutants": outcome.mutants,
                                      "killed": outcome.killed, "equivalent": len(outcome.equivalent),
                                      "score": round(outcome.score, 4)}
    record = {module: record[module] for module in sorted(record) if (ROOT / module).exists()}
    RECORD.write_text(json.dumps(record, indent=2) + "\n")


def report(outcome: Outcome, seconds: float) -> str:
    lines = [f"{outcome.module}: {outcome.score:6.1%} (target {TARGET:.0%}) "
             f"{'ok' if outcome.passed else 'UNDER TARGET' if outcome.score < TARGET else 'LIST WRONG'}  "
             f"{outcome.mutants} mutants, {outcome.killed} killed ({outcome.timed_out} by time-out), "
             f"{len(outcome.equivalent)} equivalent, {len(outcome.survivors)} survived, {seconds:.0f} s"]
    lines += [f"  survived  {outcome.module}:{m.line_number}  {m.original}  ->  {m.mutated}" for m in outcome.survivors]
    lines += [f"  {problem}" for problem in outcome.problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.mutation", description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="rule modules to measure (default: every one)")
    parser.add_argument("--changed", action="store_true",
                        help="only the modules whose code, tests or listed equivalents changed since their recorded run")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("MUTATION_JOBS", "2")),
                        help="mutants run at once (default 2)")
    args = parser.parse_args(argv)
    known = rule_modules()
    unknown = sorted(set(args.modules) - set(known))
    if unknown:
        parser.error(f"not a rule module: {', '.join(unknown)} (rule modules: {', '.join(known)})")
    modules = args.modules or known
    fingerprints = {module: fingerprint(module) for module in modules}
    if args.changed:
        record = read_record()
        modules = [m for m in modules if record.get(m, {}).get("fingerprint") != fingerprints[m]]
        if not modules:
            print("mutation: no rule module changed since it was last measured")
            return 0
    _prepare()
    listed = equivalents()
    outcomes = []
    for module in modules:
        started = time.monotonic()
        outcome = measure(module, max(1, args.jobs), listed)
        print(report(outcome, time.monotonic() - started), flush=True)
        outcomes.append(outcome)
    write_record(outcomes, fingerprints)
    failed = [o.module for o in outcomes if not o.passed]
    if failed:
        print(f"mutation: under {TARGET:.0%} or with a wrong equivalents list: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
