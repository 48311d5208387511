#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large scanner report for the benchmarks by repeating a real one's findings with distinct ids and places.

    make-report.py sarif|trivy SEED_REPORT OUT COUNT
"""
import copy
import json
import sys


def main():
    kind, seed, out, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(seed, encoding="utf-8") as f:
        doc = json.load(f)
    if kind == "sarif":
        run = doc["runs"][0]
        template = run["results"]
        results = []
        for i in range(count):
            r = copy.deepcopy(template[i % len(template)])
            r["ruleId"] = "%s-%d" % (r.get("ruleId", "rule"), i % 997)
            for loc in r.get("locations", []):
                phys = loc.setdefault("physicalLocation", {})
                phys.setdefault("artifactLocation", {})["uri"] = "src/module%d/file%d.c" % (i % 113, i)
                phys.setdefault("region", {})["startLine"] = 1 + i % 4000
            results.append(r)
        run["results"] = results
    elif kind == "trivy":
        result = next(r for r in doc["Results"] if r.get("Vulnerabilities"))
        template = result["Vulnerabilities"]
        vulns = []
        for i in range(count):
            v = copy.deepcopy(template[i % len(template)])
            v["VulnerabilityID"] = "CVE-2099-%06d" % i
            v["PkgName"] = "%s%d" % (v.get("PkgName", "pkg"), i % 5003)
            vulns.append(v)
        result["Vulnerabilities"] = vulns
        doc["Results"] = [result]
    else:
        sys.exit("kind: sarif or trivy")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
