#!/usr/bin/python3
"""Runs a command and records its peak anonymous memory: RssAnon of the process and all its
descendants, summed, sampled every INTERVAL ms from /proc. Pages of a memory-mapped input file
are not anonymous, so this is the figure to hold against a memory target, where peak RSS
(`/usr/bin/time -f %M`) also counts the mapped file. A spike shorter than the interval can be
missed: the figure is a lower bound.
Writes "peak_anon_kib N" and "samples N" to OUT; exits with the command's status.
Usage: peak_anon.py OUT [--interval MS] -- COMMAND [ARG...]
"""
import argparse
import os
import subprocess
import sys
import time


def children(pid):
    """Direct children of pid, over all its threads; empty once it has gone."""
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return out


def rss_anon_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_anon_kib(root):
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss_anon_kib(pid)
        todo.extend(children(pid))
    return total


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        print("usage: peak_anon.py OUT [--interval MS] -- COMMAND [ARG...]", file=sys.stderr)
        return 2
    split = argv.index("--")
    p = argparse.ArgumentParser(prog="peak_anon.py")
    p.add_argument("out")
    p.add_argument("--interval", type=float, default=5.0)
    a = p.parse_args(argv[:split])
    command = argv[split + 1:]
    if not command:
        p.error("no command after --")
    try:
        proc = subprocess.Popen(command)
    except OSError as e:
        print(f"peak_anon.py: cannot run {command[0]}: {e.strerror}", file=sys.stderr)
        return 127
    peak, samples = 0, 0
    while proc.poll() is None:
        peak = max(peak, tree_anon_kib(proc.pid))
        samples += 1
        time.sleep(a.interval / 1000.0)
    with open(a.out, "w") as f:
        f.write(f"peak_anon_kib {peak}\nsamples {samples}\n")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
