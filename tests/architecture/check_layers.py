#!/usr/bin/env python3
"""Checks the include boundaries between the layers of src/.

Each rule names the folders it applies to and the includes they must not have.
The layers themselves are described in CMakeLists.txt ("One static library per
layer") and docs/domain.md; the libraries each layer links are fixed there, but
a header-only include (a row struct, a libcurl type) would slip past the
linker, so this script reads the #include lines.

Usage: check_layers.py [SOURCE_ROOT]     (default: the repository of this file)
       check_layers.py --self-test       (plants a violation in a temporary tree
                                          and expects the check to fail on it)
Prints one line per violation and a summary; exits 1 when any rule fails.
"""
import fnmatch
import pathlib
import re
import subprocess
import sys
import tempfile

# (rule name, folders under src/ it applies to, forbidden include patterns).
# Patterns are fnmatch globs over the included path as written.
RULES = [
    (
        "domain and sla depend on no storage, mail, HTTP or application code",
        ["domain", "sla"],
        ["store/*", "mail/*", "http/*", "api/*", "web/*", "app/*", "observability/*",
         "sqlite3.h", "libpq-fe.h", "curl/*", "gmime/*", "restinio/*"],
    ),
    (
        "observability, which every layer records into, depends on none of them",
        ["observability"],
        ["domain/*", "sla/*", "store/*", "mail/*", "http/*", "api/*", "web/*", "app/*",
         "transports/*", "restinio/*"],
    ),
    (
        "the API and the web pages do not see the store's row mappings",
        ["api", "web"],
        ["store/*_rows.hpp"],
    ),
    (
        "the sign-in servers' parts (identity/) speak their protocol, not SQL, HTTP or pages",
        ["identity"],
        ["store/*", "http/*", "api/*", "web/*", "mail/*", "transports/*", "sqlite3.h",
         "libpq-fe.h", "restinio/*"],
    ),
    (
        "only identity/ sees libldap and librhonabwy (JOSE): the accounts service asks "
        "app/accounts/auth/'s interfaces",
        ["domain", "sla", "store", "app", "mail", "transports", "api", "web", "http",
         "operations", "demo", "observability"],
        ["ldap.h", "lber.h", "rhonabwy.h", "jansson.h", "identity/*"],
    ),
]

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
SOURCES = ("*.cpp", "*.hpp", "*.h", "*.cc")


def violations(root):
    """Yields (rule name, file:line, included path) for each broken rule."""
    for name, folders, forbidden in RULES:
        for folder in folders:
            base = root / "src" / folder
            files = sorted(f for pattern in SOURCES for f in base.rglob(pattern))
            for path in files:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
                for number, line in enumerate(lines, 1):
                    match = INCLUDE.match(line)
                    if not match:
                        continue
                    included = match.group(1)
                    if any(fnmatch.fnmatchcase(included, p) for p in forbidden):
                        yield name, f"{path.relative_to(root)}:{number}", included


def check(root):
    failed_rules = set()
    for name, where, included in violations(root):
        print(f"FAIL {where}: includes {included} ({name})")
        failed_rules.add(name)
    failed = len(failed_rules)
    print(f"layers: {len(RULES) - failed} passed, {failed} failed")
    return 1 if failed else 0


def self_test():
    """The check must fail on a tree with a planted violation of each rule."""
    script = pathlib.Path(__file__).resolve()
    plants = {
        "src/domain/planted.hpp": '#include "store/ticket_rows.hpp"\n',
        "src/sla/planted.cpp": "#include <curl/curl.h>\n",
        "src/web/planted.cpp": '#include "store/sla_rows.hpp"\n',
        "src/identity/planted.cpp": '#include "store/person_rows.hpp"\n',
        "src/app/planted.cpp": "#include <ldap.h>\n",
        "src/api/planted.cpp": "#include <rhonabwy.h>\n",
    }
    ok = True
    for path, text in plants.items():
        with tempfile.TemporaryDirectory() as tmp:
            planted = pathlib.Path(tmp) / path
            planted.parent.mkdir(parents=True)
            planted.write_text(text)
            run = subprocess.run([sys.executable, str(script), tmp],
                                 capture_output=True, text=True)
            caught = run.returncode != 0 and path in run.stdout
            print(f"self-test {path}: {'caught' if caught else 'NOT caught'}")
            ok = ok and caught
    with tempfile.TemporaryDirectory() as tmp:
        clean = pathlib.Path(tmp) / "src/domain/clean.hpp"
        clean.parent.mkdir(parents=True)
        clean.write_text('#include "domain/time.hpp"\n#include <string>\n')
        run = subprocess.run([sys.executable, str(script), tmp], capture_output=True, text=True)
        print(f"self-test clean tree: {'passes' if run.returncode == 0 else 'FAILS'}")
        ok = ok and run.returncode == 0
    print(f"layers self-test: {'passed' if ok else 'failed'}")
    return 0 if ok else 1


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(argv[1]) if len(argv) > 1 else pathlib.Path(__file__).resolve().parents[2]
    return check(root)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
