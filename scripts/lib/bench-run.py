#!/usr/bin/env python3
"""Runs one command several times and prints its best and median wall time and its peak RSS as
JSON, so that benchmark scripts can compare tools side by side. Each run is a separate process.
The peak RSS comes from one extra run under GNU time (/usr/bin/time): a child forked from Python
would report at least the Python process's own size.
Usage: bench-run.py RUNS -- COMMAND... (stdout of the command is discarded)"""
import json
import os
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    best, rss, times, cpus = None, 0, [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"bench-run: {' '.join(cmd)} exited {os.waitstatus_to_exitcode(status)}")
        times.append(elapsed)
        cpus.append(usage.ru_utime + usage.ru_stime)  # CPU time: robust on a busy machine
        best = elapsed if best is None else min(best, elapsed)
        rss = max(rss, usage.ru_maxrss)
    times.sort()
    try:
        t = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, check=True)
        rss = int(t.stderr.strip().splitlines()[-1])
    except (OSError, ValueError, subprocess.CalledProcessError):
        pass
    cpus.sort()
    print(json.dumps({"best": best, "median": times[len(times) // 2], "cpu": cpus[0], "rss_kb": rss}))


if __name__ == "__main__":
    main()
