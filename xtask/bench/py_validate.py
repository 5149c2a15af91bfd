"""The Python baseline of `cargo xtask bench`'s conformance leg.

Validates every example of corpus/examples/ against the media type it documents in every
spec/*.openapi.json that has its operation: the same (example, media type) pairs as
crates/kindo-conformance/benches/corpus.rs, with `jsonschema` (Draft 2020-12, formats checked,
`$ref`s resolved inside each document through a `referencing` registry). A text/event-stream
example is split into frames and each frame's JSON `data` (except `[DONE]`) is validated against
the media type's `x-sse-data-schema`.

Prints `bench-sample<TAB>cold|warm<TAB>seconds` per round and `bench-info` counts:
  cold: read documents and examples, build the registry and validators, validate every pair;
  cold_load: the part of cold before the first validation (jsonschema resolves `$ref`s lazily,
    during validation, so little happens here);
  warm: validate every pair again with the same validators (per-pass time).

Usage: python py_validate.py --spec-dir spec --corpus-dir corpus [--rounds N]
"""

import argparse
import importlib.metadata
import json
import pathlib
import sys
import time
import urllib.parse

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

def escape(token):
    return token.replace("~", "~0").replace("/", "~1")

def load(spec_dir, corpus_dir):
    """Documents by name and the corpus examples, read from disk."""
    documents = {}
    for path in sorted(spec_dir.glob("*.openapi.json")):
        documents[path.name[: -len(".openapi.json")]] = json.loads(path.read_text())
    examples = []
    for path in sorted((corpus_dir / "examples").rglob("*.json")):
        examples.append((path, json.loads(path.read_text())))
    return documents, examples

def pointer_get(document, pointer):
    node = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return None
    return node

def pairs(documents, examples):
    """(document name, schema pointer, example, is stream) for every pair."""
    out = []
    for path, example in examples:
        media = example.get("media_type", "application/json")
        for name, document in documents.items():
            # A file may restrict its operations to one document (ids can repeat across them).
            if example.get("document") not in (None, name):
                continue
            for template, item in document.get("paths", {}).items():
                for method, operation in item.items():
                    if method not in METHODS:
                        continue
                    if operation.get("operationId") not in example["operations"]:
                        continue
                    base = f"/paths/{escape(template)}/{method}"
                    if example["direction"] == "request":
                        at = f"{base}/requestBody/content/{escape(media)}"
                    else:
                        at = f"{base}/responses/{example['status']}/content/{escape(media)}"
                    if pointer_get(document, at) is None:
                        sys.exit(f"{path}: {name} declares nothing at {at}")
                    stream = media.split(";")[0].strip() == "text/event-stream"
                    schema = f"{at}/x-sse-data-schema" if stream else f"{at}/schema"
                    out.append((name, schema, example["value"], stream))
    return out

def frames(text):
    """The `data` of each event of an event stream (WHATWG rules, comments dropped)."""
    events, data = [], None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line == "":
            if data is not None:
                events.append(data)
            data = None
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if field == "data":
            data = value if data is None else data + "\n" + value
    if data is not None:
        events.append(data)
    return [e for e in events if e.strip() != "[DONE]"]

def compile_validators(documents, work):
    registry = Registry().with_resources(
        (f"urn:kindo:spec:{name}", Resource(contents=doc, specification=DRAFT202012))
        for name, doc in documents.items()
    )
    validators = {}
    for name, schema, _, _ in work:
        key = (name, schema)
        if key not in validators:
            ref = f"urn:kindo:spec:{name}#{urllib.parse.quote(schema, safe='/~')}"
            validators[key] = Draft202012Validator(
                {"$ref": ref},
                registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
    return validators

def validate_all(validators, work):
    """Validates every pair; returns how many conform."""
    conforming = 0
    for name, schema, value, stream in work:
        validator = validators[(name, schema)]
        if stream:
            ok = all(validator.is_valid(json.loads(data)) for data in frames(value))
        else:
            ok = validator.is_valid(value)
        conforming += ok
    return conforming

def cold(spec_dir, corpus_dir):
    """One pass from nothing; returns the time spent before the first validation too."""
    start = time.perf_counter()
    documents, examples = load(spec_dir, corpus_dir)
    work = pairs(documents, examples)
    validators = compile_validators(documents, work)
    loaded = time.perf_counter() - start
    validate_all(validators, work)
    return loaded

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec-dir", type=pathlib.Path, required=True)
    parser.add_argument("--corpus-dir", type=pathlib.Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    documents, examples = load(args.spec_dir, args.corpus_dir)
    work = pairs(documents, examples)
    validators = compile_validators(documents, work)
    validations = sum(len(frames(v)) if s else 1 for _, _, v, s in work)
    print(f"bench-info\tpairs\t{len(work)}")
    print(f"bench-info\tvalidations\t{validations}")
    print(f"bench-info\tconforming\t{validate_all(validators, work)}")
    print(f"bench-info\tvalidators\t{len(validators)}")
    print(f"bench-info\tjsonschema\t{importlib.metadata.version('jsonschema')}")

    for round in range(args.rounds + 1):
        start = time.perf_counter()
        loaded = cold(args.spec_dir, args.corpus_dir)
        if round > 0:
            print(f"bench-sample\tcold\t{time.perf_counter() - start:e}")
            print(f"bench-sample\tcold_load\t{loaded:e}")
    for round in range(args.rounds + 1):
        start = time.perf_counter()
        passes = 0
        while passes == 0 or time.perf_counter() - start < 0.3:
            validate_all(validators, work)
            passes += 1
        if round > 0:
            print(f"bench-sample\twarm\t{(time.perf_counter() - start) / passes:e}")

if __name__ == "__main__":
    main()
