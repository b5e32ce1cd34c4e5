#!/usr/bin/env python3
"""The command line over CloudTrail log files as S3 delivers them: its steady-state cost per record, against
the seed's Python formatting per event measured in the same run, and its peak memory as the file grows.

A gzipped log file of N records (the corpus's 519 real records, repeated) is rendered with --json to
/dev/null; the cost per record is (time for N records - time for 1 record) / (N - 1), the medians of
alternating runs, so the JVM's start is left out. The seed's formatting is bench/seed_format_throughput.py
(its warm lambda_handler, SNS stubbed) over the sample events, median per event.

usage: bench/cli_logfile.py [--records N] [--runs K]
Run from the repository root after `mvn package` (target/cloudtrail-notifier.jar).
"""
import argparse
import glob
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"
CORPUS = os.path.join("..", "shared", "corpus", "records.jsonl")


def java():
    out = subprocess.run([".ci/with-jdk", "sh", "-c", "command -v java"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def log_file(path, records, corpus):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write('{"Records":[')
        for i in range(records):
            if i:
                f.write(",")
            f.write(corpus[i % len(corpus)])
        f.write("]}")


def timed(cmd):
    measured = [GNU_TIME, "-f", "%M", *cmd] if os.path.exists(GNU_TIME) else cmd
    start = time.perf_counter()
    proc = subprocess.run(measured, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 2):  # 2: some corpus records are not one event (reported, skipped)
        sys.exit(f"{' '.join(cmd)} failed with {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}")
    rss = int(proc.stderr.decode(errors="replace").strip().splitlines()[-1]) / 1024 if measured is not cmd else None
    return elapsed, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=30_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with open(CORPUS, encoding="utf-8") as f:
        corpus = [line.strip() for line in f if line.strip()]
    tmp = tempfile.mkdtemp()
    big, small, tenth = (os.path.join(tmp, n) for n in ("big.json.gz", "one.json.gz", "tenth.json.gz"))
    log_file(big, args.records, corpus)
    log_file(small, 1, corpus)
    log_file(tenth, args.records // 10, corpus)
    cmd = [java(), "-jar", "target/cloudtrail-notifier.jar", "--json"]
    timed(cmd + [big])  # page cache
    times = {"big": [], "one": [], "tenth": []}
    rss = {"big": [], "one": [], "tenth": []}
    for _ in range(args.runs):
        for name, path in (("one", small), ("big", big), ("tenth", tenth)):
            t, m = timed(cmd + [path])
            times[name].append(t)
            if m is not None:
                rss[name].append(m)
    per_record = (statistics.median(times["big"]) - statistics.median(times["one"])) / (args.records - 1)

    seed = subprocess.run([sys.executable, "bench/seed_format_throughput.py", "--seconds", "0.5",
                           *sorted(glob.glob("events/*.json"))], capture_output=True, text=True, check=True)
    rates = [json.loads(line)["eventsPerSecond"] for line in seed.stdout.splitlines() if line.strip()]
    seed_per_event = statistics.median(1 / r for r in rates)

    print(f"command line over a CloudTrail log file (gzip, {args.records} corpus records), {args.runs} runs each, JVM defaults")
    print(f"  1 record:        median {statistics.median(times['one']) * 1000:7.0f} ms, peak RSS {max(rss['one'] or [0]):6.1f} MiB")
    print(f"  {args.records // 10} records:   median {statistics.median(times['tenth']) * 1000:7.0f} ms, peak RSS {max(rss['tenth'] or [0]):6.1f} MiB")
    print(f"  {args.records} records:  median {statistics.median(times['big']) * 1000:7.0f} ms, peak RSS {max(rss['big'] or [0]):6.1f} MiB")
    print(f"  per record (steady state): {per_record * 1e6:7.1f} us")
    print(f"  seed's formatting per event (median of {len(rates)} samples): {seed_per_event * 1e6:7.1f} us")
    print(f"  ratio per record / seed per event: 1/{seed_per_event / per_record:.1f} (target 1/20 or less)")


if __name__ == "__main__":
    main()
