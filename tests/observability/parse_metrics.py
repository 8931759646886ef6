#!/usr/bin/env python3
"""Parses a /metrics answer with Prometheus' own client library (Debian's
python3-prometheus-client) and prints its samples as JSON, one list of
{"name", "labels", "value"}; exits 1, naming the problem, if it does not parse.

Usage: parse_metrics.py FILE
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    samples = []
    try:
        for family in text_string_to_metric_families(text):
            for s in family.samples:
                samples.append({"name": s.name, "labels": s.labels, "value": s.value,
                                "type": family.type})
    except Exception as e:  # the parser raises ValueError and others on bad input
        print(f"parse_metrics: {e}", file=sys.stderr)
        return 1
    json.dump(samples, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
