"""What the benchmarks print about the machine they ran on (shared by both scripts)."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def cpu_and_cores() -> str:
    """The first processor's model name, family and model ("virtual machine" if the
    hypervisor flag is set), and the cores this process may use."""
    cpu = platform.processor() or "unknown CPU"
    try:
        info = dict(
            (k.strip(), v.strip())
            for k, _, v in (line.partition(":") for line in Path("/proc/cpuinfo").read_text().splitlines())
        )
        cpu = f"{info['model name']} (family {info['cpu family']}, model {info['model']})"
        if "hypervisor" in info.get("flags", "").split():
            cpu += ", virtual machine"
    except (OSError, KeyError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores; Python {platform.python_version()}"


def load_avg() -> str:
    try:
        return "{:.2f}, {:.2f}, {:.2f}".format(*os.getloadavg())
    except OSError:
        return "unknown"
