#!/usr/bin/env python3
"""Whole-process cold start: one `--publish` of one event against a local moto_server, alternated pair
by pair with the seed's Python function publishing the same event to the same endpoint, and a JVM that
only prints "hello" as the floor. Reports medians, ratios and peak RSS, all measured in this run.

usage: bench/cold_publish.py [--pairs N] [--event FILE] [--java-opts "..."]
Run from the repository root after building (target/cloudtrail-notifier.jar).
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_java():
    out = subprocess.run([".ci/with-jdk", "sh", "-c", "command -v java"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def run(cmd, env):
    """Runs cmd, returns (seconds, peak RSS in MiB). Fails loudly when the command fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with {proc.returncode}: {err.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--event", default="events/ssm-start-session.json")
    ap.add_argument("--java-opts", default="", help="extra JVM options for the notifier, e.g. -XX:TieredStopAtLevel=1")
    args = ap.parse_args()

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
        import boto3
        topic = boto3.client("sns", endpoint_url=endpoint, region_name="ap-northeast-1", aws_access_key_id="testing",
                             aws_secret_access_key="testing").create_topic(Name="bench")["TopicArn"]
        env["TOPIC_ARN"] = topic

        hello_dir = tempfile.mkdtemp()
        with open(os.path.join(hello_dir, "Hello.java"), "w") as f:
            f.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }')
        subprocess.run([os.path.join(os.path.dirname(java), "javac"), "-d", hello_dir, os.path.join(hello_dir, "Hello.java")], check=True)

        commands = {
            "java --publish": [java, *args.java_opts.split(), "-jar", "target/cloudtrail-notifier.jar", "--publish", args.event],
            "seed python": [sys.executable, "bench/seed004/lambda_function.py", args.event],
            "hello JVM": [java, "-cp", hello_dir, "Hello"],
        }
        for cmd in commands.values():  # warm the page cache, not the processes
            run(cmd, env)
        times = {k: [] for k in commands}
        rss = {k: [] for k in commands}
        for _ in range(args.pairs):
            for name, cmd in commands.items():
                t, m = run(cmd, env)
                times[name].append(t)
                rss[name].append(m)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"cold start, whole process, {args.pairs} alternated runs each, event {args.event}")
        for name in commands:
            print(f"  {name:15s} median {med[name]*1000:7.0f} ms   peak RSS {max(rss[name]):6.1f} MiB")
        print(f"  ratio java/python: {med['java --publish'] / med['seed python']:.2f}")
        print(f"  ratio java/hello-JVM floor: {med['java --publish'] / med['hello JVM']:.2f}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
