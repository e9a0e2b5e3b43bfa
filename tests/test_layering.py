"""The import rules of the tree (`ops.layers.RULES`): kit at the bottom, the services apart,
the gateway beside them, the operators' tooling above, bench and tests on top."""
from __future__ import annotations

from pathlib import Path

import pytest

from ops import layers

ROOT = Path(__file__).resolve().parents[1]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def broken(root: Path) -> dict[str, list[str]]:
    tree = layers.Tree.scan(root)
    return {rule.what: [f"{i.file}:{i.line} {i.module}" for i in layers.violations(tree, rule)]
            for rule in layers.RULES if layers.violations(tree, rule)}


@pytest.fixture
def clean(tmp_path) -> Path:
    """A tree laid out as the project's is, keeping every rule."""
    return write(tmp_path, {
        "kit/__init__.py": "", "kit/web.py": "import flask\n", "kit/db.py": "from kit import web\n",
        "gateway/__init__.py": "", "gateway/app.py": "from kit.web import x\nfrom . import auth\n",
        "gateway/auth.py": "", "services/__init__.py": "", "services/visits/__init__.py": "",
        "services/visits/api.py": "from services.visits import domain\nfrom .domain import rule\n",
        "services/visits/domain.py": "", "services/notify/__init__.py": "",
        "services/notify/api.py": "from kit import db\n", "ops/__init__.py": "",
        "ops/cli.py": "def f():\n    from gateway import app\n    from services.visits import api\n",
        "bench/__init__.py": "", "bench/run.py": "from ops import cli\n", "tests/__init__.py": "",
        "tests/helpers.py": "from bench import run\n",
        # test code may reach wherever its subject lives
        "kit/tests/test_web.py": "from services.visits import api\n", "conftest.py": "import tests\n",
    })


def test_a_tree_laid_out_in_layers_breaks_no_rule(clean):
    assert broken(clean) == {}


@pytest.mark.parametrize("file, source, rule", [
    ("kit/late.py", "def f():\n    from gateway import auth\n", "kit/ is the bottom layer"),
    ("kit/registry.py", "import importlib\nimportlib.import_module(f'services.{n}.bootstrap')\n",
     "kit/ is the bottom layer"),
    ("kit/loader.py", "import importlib\nimportlib.import_module(name)\n", "kit/ is the bottom layer"),
    ("kit/tool.py", "from ops import cli\n", "kit/ is the bottom layer"),
    ("services/notify/api.py", "from services.visits.domain import rule\n", "a service does not import another"),
    ("services/notify/api.py", "from ..visits import domain\n", "a service does not import another"),
    ("gateway/app.py", "from services.visits import api\n", "the gateway does not import"),
    ("gateway/app.py", "import ops.cli\n", "the gateway does not import"),
    ("services/visits/api.py", "from gateway import auth\n", "the services do not import"),
    ("ops/cli.py", "from testkit import pg\n", "ops/ does not import test or benchmark code"),
    ("gateway/app.py", "import testkit.pg\n", "the gateway does not import"),
    ("bench/run.py", "from tests.helpers import x\n", "bench/ does not import tests/"),
    ("bench/run.py", "from tests import helpers\n", "bench/ does not import tests/"),
])
def test_each_rule_catches_the_import_that_breaks_it(clean, file, source, rule):
    write(clean, {file: source})
    found = broken(clean)
    assert [what for what in found if what.startswith(rule)], found
    assert all(line.startswith(file + ":") for lines in found.values() for line in lines), found


def test_a_rule_is_one_line_and_can_name_any_module_even_a_library(clean, monkeypatch):
    store_free = layers.Rule("a rule reads no store", ("services/*/domain.py",), ("sqlalchemy", "kit.db"))
    monkeypatch.setattr(layers, "RULES", (*layers.RULES, store_free))
    assert broken(clean) == {}
    write(clean, {"services/visits/domain.py": "from kit import db\n"})
    assert broken(clean) == {"a rule reads no store": ["services/visits/domain.py:1 kit.db"]}


def test_a_use_case_that_speaks_http_breaks_the_rules(clean):
    write(clean, {"services/visits/service.py": "from kit.web import caller\n"})
    assert list(broken(clean)) == ["a service's rules, use cases and event handlers do not import the web layer"]


def test_the_picture_counts_arrows_and_shows_those_that_run_back_up(clean):
    write(clean, {"kit/late.py": "def f():\n    from gateway import auth, app\n"})
    tree = layers.Tree.scan(clean)
    arrows = tree.arrows()
    assert arrows[("ops", "gateway")] == 1 and arrows[("ops", "services")] == 1
    assert arrows[("kit", "gateway")] == 1, "one statement, one arrow, however many names it takes"
    assert layers.runs_back_up("kit", "gateway") and layers.runs_back_up("gateway", "services")
    assert not layers.runs_back_up("ops", "kit")
    text = layers.picture(tree)
    assert "kit -> gateway: kit/late.py:2" in text
    assert layers.cycles(arrows) == [["gateway", "kit"]]


@pytest.fixture(scope="module")
def tree() -> layers.Tree:
    return layers.Tree.scan(ROOT)


@pytest.mark.parametrize("rule", layers.RULES, ids=[rule.what for rule in layers.RULES])
def test_the_project_keeps_the_rule(tree, rule):
    assert [f"{i.file}:{i.line} imports {i.module}" for i in layers.violations(tree, rule)] == []


def test_every_part_of_the_project_has_a_layer_and_no_arrow_runs_back_up(tree):
    placed = {part for layer in layers.LAYERS for part in layer}
    assert set(tree.parts) <= placed, f"place {set(tree.parts) - placed} in ops.layers.LAYERS"
    assert [arrow for arrow in tree.arrows() if layers.runs_back_up(*arrow)] == []
    assert layers.cycles(tree.arrows()) == []
