"""Run a command; print its wall time and the peak memory of its whole process tree (JSON).

    python bench/peak.py COMMAND [ARGS...]

Peak memory of the largest single process (VmHWM, the kernel's own high-water mark) and of all
its processes at once (the sum of their Pss, sampled from /proc every 20 ms: memory a process
shares with others, such as the pages a forked worker still shares with its parent, is counted
once over all of them, not once per process as a sum of VmRSS would). This process is a child
subreaper, so workers whose parent exits first (multiprocessing's forkserver) stay in the tree;
``ru_maxrss`` alone missed them. :func:`measured` runs it in a fresh process.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def measured(command: list[str], env: dict | None = None) -> dict:
    """Wall seconds (``s``) and peak memory in KB (``kb``: largest process, ``kb_all``: all at
    once) of ``command``, measured by this script in a fresh process."""
    result = subprocess.run(
        [sys.executable, __file__, *command],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, **(env or {})},
    )
    if result.returncode:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return json.loads(result.stdout)


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants now (every thread's children): walking down is cheap."""
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += [int(child) for child in f.read().split()]
        except OSError:
            pass  # it has just ended
    return found


def _high_water_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(command: list[str]) -> int:
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    peak = {"one": 0, "all": 0}
    done = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not done.is_set():
            processes = tree(me)[1:]
            peak["one"] = max([peak["one"], *map(_high_water_kb, processes)])
            peak["all"] = max(peak["all"], sum(map(_pss_kb, processes)))
            done.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    done.set()
    thread.join()
    if code.returncode:
        sys.stderr.write(code.stderr[-3000:])
        return code.returncode
    print(json.dumps({"s": seconds, "kb": peak["one"], "kb_all": peak["all"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
