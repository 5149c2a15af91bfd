"""Drives the stock OpenAI and Anthropic SDKs against a capture server and validates every
body they send against the published documents (see README.md in this folder)."""

import argparse
import os
import sys
import traceback
import warnings
from importlib import metadata

from calls import CALLS
from capture_server import CaptureServer
from spec_check import SpecDocument

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["openai", "anthropic"], help="run one SDK's calls only")
    parser.add_argument("--spec-dir", default=os.path.join(ROOT, "spec"))
    args = parser.parse_args()

    calls = [c for c in CALLS if not args.only or c[1] == args.only]
    documents = {}
    for name in sorted({d for _, _, docs, _ in calls for d in docs}):
        path = os.path.join(args.spec_dir, f"{name}.openapi.json")
        try:
            documents[name] = SpecDocument(name, path)
        except (OSError, ValueError) as e:
            print(f"sdk-replay: cannot read {path}: {e}", file=sys.stderr)
            return 2

    # The SDKs warn about deprecated model ids; the ids are the ones Kindo's pages document.
    warnings.simplefilter("ignore", DeprecationWarning)
    versions = {sdk: metadata.version(sdk) for sdk in ("openai", "anthropic", "jsonschema")}
    print("sdk-replay: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    failures, call_errors, validated = 0, 0, 0
    with CaptureServer() as server:
        for name, _sdk, docs, call in calls:
            try:
                call(server.url)
            except Exception as e:  # an SDK that cannot complete is a failure of its own kind
                call_errors += 1
                print(f"ERROR {name}: SDK call failed: {type(e).__name__}: {e}")
                traceback.print_exc(limit=2)
                server.take()
                continue
            captured = server.take()
            if not captured:
                call_errors += 1
                print(f"ERROR {name}: the SDK sent no request")
                continue
            problems = []
            for request in captured:
                for doc in docs:
                    found = documents[doc].check(request)
                    problems += [f"[{doc}] {p}" for p in found]
                    validated += 1
            if problems:
                failures += 1
                print(f"FAIL  {name}")
                for p in problems:
                    print(f"      {p}")
            else:
                paths = ", ".join(sorted({r.path for r in captured}))
                print(f"ok    {name} ({paths} against {', '.join(docs)})")
    print(f"sdk-replay: {validated} body validations, {failures} failed calls, {call_errors} SDK errors")
    if call_errors:
        return 3
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
