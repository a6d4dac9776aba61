#!/usr/bin/env python3
"""Totals libtorch profiler traces (Chrome trace JSON) per op: self time (an op's time less the ops it called), total
time and calls; with two traces (voxseg's from `voxseg bench network --profile`, PyTorch's from
`bench/pytorch_reference.py --profile`) it prints them side by side with the difference.
Usage: bench/profile_summary.py TRACE.json [OTHER.json] [--top N]"""
import argparse
import collections
import json


def load(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    ops = [e for e in events if e.get("ph") == "X" and "dur" in e
           and e.get("cat", "cpu_op") in ("cpu_op", "Operator", "operator")]
    self_time = collections.Counter()
    total = collections.Counter()
    calls = collections.Counter()
    by_thread = collections.defaultdict(list)
    for e in ops:
        by_thread[e.get("tid")].append(e)
    for thread_ops in by_thread.values():
        thread_ops.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []  # (end, name, child time)
        def close(until):
            while stack and stack[-1][0] <= until:
                end, name, children, dur = stack.pop()
                self_time[name] += dur - children
                if stack:
                    stack[-1][2] += dur
        for e in thread_ops:
            start, dur = float(e["ts"]), float(e["dur"])
            close(start)
            stack.append([start + dur, e["name"], 0.0, dur])
            total[e["name"]] += dur
            calls[e["name"]] += 1
        close(float("inf"))
    return self_time, total, calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("traces", nargs="+")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    loaded = [load(path) for path in args.traces]
    selves = [s for s, _, _ in loaded]
    keys = sorted(set().union(*selves), key=lambda k: -max(s[k] for s in selves))[: args.top]
    header = "op".ljust(44) + "".join(f"{'self ms':>10}{'calls':>7}" for _ in loaded)
    print(header + (f"{'diff ms':>10}" if len(loaded) == 2 else ""))
    for key in keys:
        row = key[:43].ljust(44) + "".join(f"{s[key] / 1e3:10.1f}{c[key]:7d}" for s, _, c in loaded)
        if len(loaded) == 2:
            row += f"{(selves[0][key] - selves[1][key]) / 1e3:10.1f}"
        print(row)
    print("all ops".ljust(44) + "".join(f"{sum(s.values()) / 1e3:10.1f}{sum(c.values()):7d}"
                                         for s, _, c in loaded))


if __name__ == "__main__":
    main()
