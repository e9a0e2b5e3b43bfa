"""The typed Python client's generated part (`clients/python/vendor/zhuyu_api/`), made by
openapi-python-client from the merged OpenAPI document exactly as the gateway serves it
(built here in-process from the services' documents, no running suite needed).

    .venv/bin/python -m scripts.python_client          # regenerate clients/python/vendor/zhuyu_api/
    .venv/bin/python -m scripts.python_client --check  # exit 1 when it is not current

The hand-written layer (`clients/python/zhuyu_client/`) is never touched here. The generated
code sits under `vendor/` so that scans for repeated code (which pass over `vendor/`) leave
it out: it repeats itself by design, and nobody edits it by hand.
"""
from __future__ import annotations

import filecmp
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CLIENTS = Path(__file__).resolve().parent.parent / "clients" / "python"
PACKAGE = "zhuyu_api"
CONFIG = CLIENTS / "generator.yaml"


def merged_document() -> dict:
    from gateway.app import merge_openapi
    from kit.registry import SERVICES
    from kit.web import create_app

    documents = {}
    for name in SERVICES:
        app = create_app(name, None, importlib.import_module(f"services.{name}.api").blueprints, None, None)
        documents[name] = app.test_client().get("/openapi.json").get_json()
    return merge_openapi(documents)


def generate(into: Path) -> Path:
    """Generate the package under `into`; the package's folder."""
    document = into / "openapi.json"
    document.write_text(json.dumps(merged_document(), ensure_ascii=False, indent=1))
    tool = Path(sys.executable).with_name("openapi-python-client")
    out = into / PACKAGE
    subprocess.run([str(tool), "generate", "--path", str(document), "--meta", "none", "--config", str(CONFIG),
                    "--output-path", str(out), "--overwrite"], check=True, capture_output=True, text=True,
                   env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"})
    return out


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or are only on one side, between two trees."""
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])
    found = [*(f"only in {left.name}: {n}" for n in comparison.left_only),
             *(f"only in the new one: {n}" for n in comparison.right_only),
             *(f"changed: {n}" for n in comparison.diff_files)]
    for name, sub in comparison.subdirs.items():
        found += [f"{name}/{line}" for line in differences(left / name, right / name)]
    return found


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate(Path(scratch))
        target = CLIENTS / "vendor" / PACKAGE
        if "--check" in argv:
            stale = differences(target, fresh) if target.exists() else ["missing"]
            if stale:
                print(f"{target} is not current (make client): {stale[:20]}", file=sys.stderr)
                return 1
            return 0
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(fresh, target, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
