#!/usr/bin/env python3
"""SDK replay entry point: builds a throwaway venv with the pinned SDKs, runs replay.py in it,
and removes the venv again. Stdlib only, so it runs on a bare python3.

    python3 tests/sdk_replay/run.py [--only openai|anthropic] [--no-venv]

Exit codes: 0 every body valid; 1 a body or auth header does not match the spec; 2 bad
command line or unreadable spec; 3 an SDK call failed; 4 the venv could not be built.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import venv

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    args = sys.argv[1:]
    if "--no-venv" in args:
        # Run with the current interpreter (which must already have the pinned packages).
        args.remove("--no-venv")
        return subprocess.call([sys.executable, os.path.join(HERE, "replay.py"), *args])
    tmp = tempfile.mkdtemp(prefix="kindo-sdk-replay-")
    try:
        venv.create(tmp, with_pip=True)
        python = os.path.join(tmp, "bin", "python")
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        if subprocess.call([*pip, "-r", os.path.join(HERE, "requirements.txt")]) != 0:
            print("sdk-replay: pip install of tests/sdk_replay/requirements.txt failed", file=sys.stderr)
            return 4
        return subprocess.call([python, os.path.join(HERE, "replay.py"), *args])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
