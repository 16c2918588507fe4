"""Spark's Python daemon with the realpolitik pipeline loaded before it forks any worker.

``session()`` names this module as ``spark.python.daemon.module``. Spark starts one daemon
per executor (and per set of worker environment variables), and the daemon forks a Python
worker for each task slot. :func:`realpolitik.spark.job.run` puts the job's configuration
in the workers' environment (:data:`CONFIG_ENV`); this module reads it, loads the pipeline
once, freezes the collector's view of it and only then runs PySpark's own daemon, so every
worker it forks finds the pipeline already loaded and shares its memory copy-on-write
instead of loading its own. Without the variable, or if the load fails, it is PySpark's
daemon unchanged and each worker loads the pipeline itself, as before.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import os
import pickle
import sys

#: the job's :class:`~realpolitik.config.Config`, pickled and base64-encoded
CONFIG_ENV = "REALPOLITIK_SPARK_CONFIG"


def encode_config(config: object) -> str:
    return base64.b64encode(pickle.dumps(config)).decode("ascii")


def preload() -> bool:
    """Load the pipeline of the configuration in the environment; True if it did."""
    data = os.environ.get(CONFIG_ENV)
    if not data:
        return False
    try:
        # the daemon's stdout carries its port to the JVM: nothing else may go there
        with contextlib.redirect_stdout(sys.stderr):
            from realpolitik.spark.job import _pipeline

            _pipeline(pickle.loads(base64.b64decode(data)))
    except Exception as exc:  # the workers then load their own
        print(f"realpolitik: pipeline not preloaded in Spark's daemon ({exc})", file=sys.stderr)
        return False
    # the workers' collector then never walks (and so never copies) the pipeline's pages
    gc.freeze()
    return True


def main() -> None:
    preload()
    from pyspark.daemon import manager

    manager()


if __name__ == "__main__":
    main()
