#!/usr/bin/env python3
"""Whole-process cold start: one `--publish` of one event against a local moto_server, alternated pair
by pair with the seed's Python function publishing the same event to the same endpoint, and a JVM that
only prints "hello" as the floor. Reports medians, ratios and peak RSS, all measured in this run.

usage: bench/cold_publish.py [--pairs N] [--event FILE] [--java-opts "..."] [--baseline-jar JAR] [--ledger] [--aot-cache]
Run from the repository root after `mvn package` (target/cloudtrail-notifier.jar). The JVM options
default to the JAVA_TOOL_OPTIONS template.yaml gives the function. --baseline-jar adds another build
of the command line (e.g. an older commit's) to the same alternation, to measure one change. --ledger
adds `--publish` with DEDUP_TABLE (the function's DynamoDB ledger: a claim before the publish, a record
after it) to the alternation, the event's ledger entry deleted before each of its runs, to measure what
the ledger adds to a cold start. --aot-cache trains a JDK ahead-of-time cache (JDK 25,
-XX:AOTCacheOutput) with one `--publish --dry-run` of the event (nothing sent), as README tells users to, then adds `--publish` with that cache
(-XX:AOTCache) to the alternation: what a command-line user gains from one, as README describes.
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

GNU_TIME = "/usr/bin/time"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def template_java_opts():
    with open("template.yaml", encoding="utf-8") as f:
        m = re.search(r"JAVA_TOOL_OPTIONS:\s*(.+)", f.read())
    return m.group(1).strip() if m else ""


def find_java():
    out = subprocess.run([".ci/with-jdk", "sh", "-c", "command -v java"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def run(cmd, env):
    """Runs cmd once; returns (seconds, peak RSS in MiB or None). Fails loudly when the command fails.

    Peak RSS comes from GNU time: a child forked from this Python process would report Python's own
    memory as its high-water mark, while time's child starts small."""
    measured = [GNU_TIME, "-f", "%M", *cmd] if os.path.exists(GNU_TIME) else cmd
    start = time.perf_counter()
    proc = subprocess.run(measured, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    rss = None
    if measured is not cmd:
        last = proc.stderr.decode(errors="replace").strip().splitlines()[-1]
        rss = int(last) / 1024
    return elapsed, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--event", default="events/ssm-start-session.json")
    ap.add_argument("--java-opts", default=None, help="JVM options for the notifier (default: template.yaml's)")
    ap.add_argument("--baseline-jar", default=None, help="another build of the command line to compare")
    ap.add_argument("--ledger", action="store_true", help="also --publish with DEDUP_TABLE (the ledger)")
    ap.add_argument("--aot-cache", action="store_true", help="also --publish with an AOT cache trained on one --publish --dry-run")
    args = ap.parse_args()
    java_opts = (template_java_opts() if args.java_opts is None else args.java_opts).split()

    java = find_java()
    moto = shutil.which("moto_server") or os.path.expanduser("~/.pyenv/shims/moto_server")
    port = free_port()
    server = subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   AWS_REGION="ap-northeast-1", AWS_DEFAULT_REGION="ap-northeast-1",
                   AWS_ENDPOINT_URL=endpoint, AWS_ENDPOINT_URL_SNS=endpoint)
        env.pop("AWS_SESSION_TOKEN", None)
        env.pop("JAVA_TOOL_OPTIONS", None)
        import boto3
        topic = boto3.client("sns", endpoint_url=endpoint, region_name="ap-northeast-1", aws_access_key_id="testing",
                             aws_secret_access_key="testing").create_topic(Name="bench")["TopicArn"]
        env["TOPIC_ARN"] = topic
        ledger_env = None
        if args.ledger:
            import json
            dynamo = boto3.client("dynamodb", endpoint_url=endpoint, region_name="ap-northeast-1",
                                  aws_access_key_id="testing", aws_secret_access_key="testing")
            dynamo.create_table(TableName="delivered", BillingMode="PAY_PER_REQUEST",
                                AttributeDefinitions=[{"AttributeName": "eventId", "AttributeType": "S"}],
                                KeySchema=[{"AttributeName": "eventId", "KeyType": "HASH"}])
            with open(args.event, encoding="utf-8") as f:
                event = json.load(f)
            event_id = (event.get("detail") or {}).get("eventID") or event.get("eventID") or event.get("id")
            ledger_env = dict(env, DEDUP_TABLE="delivered", AWS_ENDPOINT_URL_DYNAMODB=endpoint)

        hello_dir = tempfile.mkdtemp()
        with open(os.path.join(hello_dir, "Hello.java"), "w") as f:
            f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }')
        subprocess.run([os.path.join(os.path.dirname(java), "javac"), "-d", hello_dir, os.path.join(hello_dir, "Hello.java")], check=True)

        commands = {"java --publish": [java, *java_opts, "-jar", "target/cloudtrail-notifier.jar", "--publish", args.event]}
        if args.baseline_jar:
            commands["baseline jar"] = [java, *java_opts, "-jar", args.baseline_jar, "--publish", args.event]
        if args.aot_cache:
            cache = os.path.join(tempfile.mkdtemp(), "cli.aot")
            train = subprocess.run([java, *java_opts, "-XX:AOTCacheOutput=" + cache, "-jar", "target/cloudtrail-notifier.jar",
                                    "--publish", "--dry-run", args.event], env=env, capture_output=True)
            if train.returncode != 0 or not os.path.exists(cache):
                sys.exit(f"training the AOT cache failed: {train.stderr.decode(errors='replace')[-2000:]}")
            print(f"AOT cache: {os.path.getsize(cache) / 1e6:.1f} MB, trained on one --publish --dry-run")
            commands["--publish + AOT cache"] = [java, *java_opts, "-XX:AOTCache=" + cache, "-jar",
                                                 "target/cloudtrail-notifier.jar", "--publish", args.event]
        if args.ledger:
            commands["--publish + ledger"] = [java, *java_opts, "-jar", "target/cloudtrail-notifier.jar", "--publish", args.event]
        commands["seed python"] = [sys.executable, "bench/seed004/lambda_function.py", args.event]
        commands["hello JVM"] = [java, *java_opts, "-cp", hello_dir, "Hello"]
        def run_one(name, cmd):
            if name == "--publish + ledger":
                dynamo.delete_item(TableName="delivered", Key={"eventId": {"S": event_id}})
                return run(cmd, ledger_env)
            return run(cmd, env)

        for name, cmd in commands.items():  # warm the page cache, not the processes
            run_one(name, cmd)
        times = {k: [] for k in commands}
        rss = {k: [] for k in commands}
        for _ in range(args.pairs):
            for name, cmd in commands.items():
                t, m = run_one(name, cmd)
                times[name].append(t)
                if m is not None:
                    rss[name].append(m)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"cold start, whole process, {args.pairs} alternated runs each, event {args.event}")
        print(f"JVM options: {' '.join(java_opts) or '(none)'}")
        for name in commands:
            peak = f"{max(rss[name]):6.1f} MiB" if rss[name] else "   n/a"
            print(f"  {name:22s} median {med[name]*1000:7.0f} ms   (min {min(times[name])*1000:5.0f}, "
                  f"max {max(times[name])*1000:5.0f})   peak RSS {peak}")
        print(f"  ratio java/python: {med['java --publish'] / med['seed python']:.2f}")
        print(f"  ratio java/hello-JVM floor: {med['java --publish'] / med['hello JVM']:.2f}")
        if args.baseline_jar:
            print(f"  ratio java/baseline jar: {med['java --publish'] / med['baseline jar']:.2f}")
        if args.aot_cache:
            print(f"  ratio java + AOT cache/python: {med['--publish + AOT cache'] / med['seed python']:.2f}"
                  f"; with/without the cache: {med['--publish + AOT cache'] / med['java --publish']:.2f}")
        if args.ledger:
            print(f"  ratio with ledger/without: {med['--publish + ledger'] / med['java --publish']:.2f}"
                  f" (+{(med['--publish + ledger'] - med['java --publish']) * 1000:.0f} ms)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
