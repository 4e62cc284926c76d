#!/usr/bin/env python3
"""Scaffold a new fulint rule: its source, its doc, its fixture, and its line
in rules/rules.def.

    tools/new_rule.py GROUP RULE-ID SEVERITY "One-line summary"

GROUP is one of structure, content, tone, concision, proofreading, sending.
Existing files are never overwritten.
"""
import os
import re
import sys

GROUPS = ["structure", "content", "tone", "concision", "proofreading", "sending"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SOURCE = '''// {id}: {summary}
#include "rules/common.hpp"

namespace fulint::rules {{
namespace {{

class Rule_ final : public Rule {{
 public:
  const RuleMeta& meta() const override {{
    static const RuleMeta m{{
        .id = "{id}",
        .group = Group::{Group},
        .severity = Severity::{Severity},
        .summary = "{summary}",
    }};
    return m;
  }}

  void check(const Context& ctx, Reporter& out) const override {{
    (void)ctx;
    (void)out;
  }}
}};

}}  // namespace

FULINT_RULE_INSTANCE({symbol}, Rule_)

}}  // namespace fulint::rules
'''

DOC = '''# {id}

{summary}

## What it flags

TODO

## Why

TODO

## Example

```
TODO
```

## Better

```
TODO
```

## Options

None.

## Fix

None.
'''

FIXTURE = '''=== fires: TODO
TODO
=== near miss: TODO
TODO
'''


def main(argv):
    if len(argv) != 5 or argv[1] not in GROUPS:
        sys.exit(__doc__)
    group, rid, sev, summary = argv[1:]
    if not re.fullmatch(r"[a-z][a-z0-9-]*", rid):
        sys.exit("rule ids are lower-case words joined by hyphens")
    sev = sev.capitalize()
    if sev not in ("Error", "Warning", "Info", "Hint"):
        sys.exit("severity is error, warning, info or hint")
    symbol = rid.replace("-", "_")
    files = {
        os.path.join(ROOT, "rules", group, rid + ".cpp"): SOURCE,
        os.path.join(ROOT, "rules", group, rid + ".md"): DOC,
        os.path.join(ROOT, "tests", "rules", rid + ".fixture"): FIXTURE,
    }
    for path, tmpl in files.items():
        if os.path.exists(path):
            print("exists:", os.path.relpath(path, ROOT))
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(tmpl.format(id=rid, summary=summary.replace('"', '\\"') if path.endswith(".cpp") else summary,
                                Group=group.capitalize(), Severity=sev, symbol=symbol))
        print("wrote:", os.path.relpath(path, ROOT))
    defs = os.path.join(ROOT, "rules", "rules.def")
    line = 'FULINT_RULE({}, {}, "{}")\n'.format(group, symbol, rid)
    text = open(defs).read() if os.path.exists(defs) else ""
    if line not in text:
        with open(defs, "a") as f:
            f.write(line)
        print("added to rules/rules.def:", line.strip())


if __name__ == "__main__":
    main(sys.argv)
