#!/usr/bin/env python3
"""Warm throughput of the seed's Python formatting (shared/seeds/004): lambda_handler on each event,
with boto3's SNS client replaced by a stub so only the formatting is timed. Prints one JSON object
per event: {"event": name, "eventsPerSecond": n}.

usage: bench/seed_format_throughput.py [--seconds S] EVENT.json...
"""
import argparse
import json
import os
import sys
import time
import types


class _StubSns:
    def publish(self, **kwargs):
        return {"MessageId": "stub"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=1.0, help="time spent measuring each event")
    ap.add_argument("events", nargs="+")
    args = ap.parse_args()
    os.environ.setdefault("TOPIC_ARN", "arn:aws:sns:ap-northeast-1:123456789012:bench")
    sys.modules["boto3"] = types.SimpleNamespace(client=lambda *a, **k: _StubSns())
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "seed004"))
    import lambda_function

    for path in args.events:
        with open(path, encoding="utf-8") as f:
            event = json.load(f)
        for _ in range(200):  # warm up
            lambda_function.lambda_handler(event, None)
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            for _ in range(100):
                lambda_function.lambda_handler(event, None)
            n += 100
        rate = n / (time.perf_counter() - start)
        print(json.dumps({"event": os.path.basename(path), "eventsPerSecond": rate}))


if __name__ == "__main__":
    main()
