#!/usr/bin/env python3
"""Checks contrib/grafana/guiche-dashboard.json against the code: it parses,
every panel has a query, and every metric a query names is one Guichê
exports (a name written in src/), so a renamed metric cannot leave a dashboard
panel silently empty.

Usage: check_grafana_dashboard.py [SOURCE_ROOT]
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])
METRIC = re.compile(r"\b((?:guiche|process)_[a-z_]+)")
SUFFIXES = ("_bucket", "_sum", "_count")


def exported_names():
    names = set()
    for path in (ROOT / "src").rglob("*.cpp"):
        names.update(re.findall(r'"((?:guiche|process)_[a-z_]+)"', path.read_text(encoding="utf-8")))
    return names


def main():
    dashboard = json.loads((ROOT / "contrib/grafana/guiche-dashboard.json").read_text(encoding="utf-8"))
    exported = exported_names()
    failures = 0
    checked = 0
    for panel in dashboard["panels"]:
        if not panel.get("targets"):
            print(f"painel sem consulta: {panel['title']}")
            failures += 1
        for target in panel.get("targets", []):
            for name in METRIC.findall(target["expr"]):
                base = name
                for suffix in SUFFIXES:
                    if name.endswith(suffix) and name[: -len(suffix)] in exported:
                        base = name[: -len(suffix)]
                checked += 1
                if base not in exported:
                    print(f"{panel['title']}: a métrica {name} não existe em src/")
                    failures += 1
    print(f"grafana dashboard: {checked} metric references, {failures} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
