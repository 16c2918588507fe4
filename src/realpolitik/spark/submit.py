"""The file to give ``spark-submit``: ``realpolitik spark ingest`` with the same arguments.

    spark-submit --master yarn ... "$(python -c 'import realpolitik.spark.submit as m;
    print(m.__file__)')" INPUT... --out DIR
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from realpolitik.cli.app import main as cli_main

    cli_main(["spark", "ingest", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
