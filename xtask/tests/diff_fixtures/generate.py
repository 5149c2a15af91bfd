#!/usr/bin/env python3
"""Writes the diff fixture corpus (one JSON file per pair) into this directory.

Each fixture holds an `old` and a `new` OpenAPI 3.1 document and the rule ids `cargo xtask diff`
must report going forward (old -> new) and in reverse (new -> old). The expectations here are
written by hand, case by case; `xtask/tests/diff.rs` checks the tool against them and that the
corpus reaches every rule of the catalog. Run it after adding a case:
`python3 xtask/tests/diff_fixtures/generate.py`.
"""
import copy
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pairs")


def doc(paths, components=None, servers=None, security=None):
    d = {
        "openapi": "3.1.0",
        "info": {"title": "fixture", "version": "1.0.0"},
        "servers": servers if servers is not None else [{"url": "https://api.example.test"}],
        "paths": paths,
    }
    if security is not None:
        d["security"] = security
    if components:
        d["components"] = components
    return d


def ok(description="OK", schema=None, headers=None, media="application/json"):
    r = {"description": description}
    if schema is not None:
        r["content"] = {media: {"schema": schema}}
    if headers:
        r["headers"] = headers
    return r


def request_positions(schema):
    """Three request positions of one schema: body, property, query parameter."""
    return {
        "body": {"post": {"operationId": "body", "requestBody": {"required": True, "content": {
            "application/json": {"schema": schema}}}, "responses": {"204": ok("done")}}},
        "property": {"post": {"operationId": "property", "requestBody": {"required": True, "content": {
            "application/json": {"schema": {"type": "object", "properties": {"v": schema}}}}},
            "responses": {"204": ok("done")}}},
        "parameter": {"get": {"operationId": "parameter", "parameters": [
            {"name": "v", "in": "query", "schema": schema}], "responses": {"204": ok("done")}}},
    }


def response_positions(schema):
    """Three response positions of one schema: body, required property, header."""
    return {
        "body": {"get": {"operationId": "body", "responses": {"200": ok(schema=schema)}}},
        "property": {"get": {"operationId": "property", "responses": {"200": ok(schema={
            "type": "object", "required": ["v"], "properties": {"v": schema}})}}},
        "header": {"get": {"operationId": "header", "responses": {"204": ok("done", headers={
            "X-V": {"required": True, "schema": schema}})}}},
    }


def as_paths(positions, only=None):
    return {f"/{k}": v for k, v in positions.items() if only is None or k in only}


STR = {"type": "string"}
OBJ_A = {"type": "object", "required": ["type"], "properties": {"type": {"const": "a"}}}
OBJ_B = {"type": "object", "required": ["type"], "properties": {"type": {"const": "b"}}}
OBJ_C = {"type": "object", "required": ["type"], "properties": {"type": {"const": "c"}}}


def other(tags):
    """An open union's catch-all as the documents write it: `not: {enum}` plus a pattern."""
    return {"type": "object", "required": ["type"], "properties": {"type": {
        "type": "string", "pattern": "^(?!(?:" + "|".join(tags) + ")$)", "not": {"enum": list(tags)}}}}


# Schema cases: (name, old, new, {dir: (forward kinds, reverse kinds)}, positions).
# Kinds are rule-id suffixes, prefixed with `<dir>-<subject>-`; a kind beginning with "=" is a
# full rule id. `positions` limits the subjects (default: all three of the direction).
SCHEMA_CASES = [
    ("type-integer-to-number", {"type": "integer"}, {"type": "number"},
     {"request": (["type-generalized"], ["type-changed"]),
      "response": (["type-changed"], ["type-specialized"])}, None),
    ("type-string-to-integer", STR, {"type": "integer"},
     {"request": (["type-changed"], ["type-changed"]),
      "response": (["type-changed"], ["type-changed"])}, None),
    ("nullable", STR, {"type": ["string", "null"]},
     {"request": (["became-nullable"], ["became-not-nullable"]),
      "response": (["became-nullable"], ["became-not-nullable"])}, None),
    ("nullable-ref-branch", {"$ref": "#/components/schemas/S"},
     {"oneOf": [{"$ref": "#/components/schemas/S"}, {"type": "null"}]},
     {"request": (["became-nullable"], ["became-not-nullable"]),
      "response": (["became-nullable"], ["became-not-nullable"])}, None),
    ("enum-value-swapped", {"type": "string", "enum": ["a", "b"]}, {"type": "string", "enum": ["a", "c"]},
     {"request": (["enum-value-removed", "enum-value-added"], ["enum-value-removed", "enum-value-added"]),
      "response": (["enum-value-removed", "enum-value-added"], ["enum-value-removed", "enum-value-added"])}, None),
    ("open-enum-value-added", {"type": "string", "enum": ["a"], "description": "Open set: more may come."},
     {"type": "string", "enum": ["a", "b"], "description": "Open set: more may come."},
     {"request": (["enum-value-added"], ["enum-value-removed"]),
      "response": (["open-enum-value-added"], ["enum-value-removed"])}, None),
    ("enum-restricted", STR, {"type": "string", "enum": ["a"]},
     {"request": (["enum-restricted"], ["enum-unrestricted"]),
      "response": (["enum-restricted"], ["enum-unrestricted"])}, None),
    ("format-widened", {"type": "integer", "format": "int32"}, {"type": "integer", "format": "int64"},
     {"request": (["format-generalized"], ["format-changed"]),
      "response": (["format-changed"], ["format-specialized"])}, None),
    ("format-replaced", {"type": "string", "format": "date-time"}, {"type": "string", "format": "date"},
     {"request": (["format-changed"], ["format-changed"]),
      "response": (["format-changed"], ["format-changed"])}, None),
    ("pattern-added", STR, {"type": "string", "pattern": "^[a-z]+$"},
     {"request": (["pattern-added"], ["pattern-removed"]),
      "response": (["pattern-added"], ["pattern-removed"])}, None),
    ("pattern-changed", {"type": "string", "pattern": "^[a-z]+$"}, {"type": "string", "pattern": "^[a-f]+$"},
     {"request": (["pattern-changed"], ["pattern-changed"]),
      "response": (["pattern-changed"], ["pattern-changed"])}, None),
    ("default-added", {"type": "integer"}, {"type": "integer", "default": 1},
     {"request": (["default-value-added"], ["default-value-removed"]),
      "response": (["default-value-added"], ["default-value-removed"])}, None),
    ("default-changed", {"type": "integer", "default": 1}, {"type": "integer", "default": 2},
     {"request": (["default-value-changed"], ["default-value-changed"]),
      "response": (["default-value-changed"], ["default-value-changed"])}, None),
    ("one-of-added", {"oneOf": [OBJ_A, OBJ_B]}, {"oneOf": [OBJ_A, OBJ_B, OBJ_C]},
     {"request": (["one-of-added"], ["one-of-removed"]),
      "response": (["one-of-added"], ["one-of-removed"])}, None),
    ("any-of-added", {"anyOf": [OBJ_A, OBJ_B]}, {"anyOf": [OBJ_A, OBJ_B, OBJ_C]},
     {"request": (["any-of-added"], ["any-of-removed"]),
      "response": (["any-of-added"], ["any-of-removed"])}, None),
    ("open-union-value-added", {"oneOf": [OBJ_A, other(["a"])]}, {"oneOf": [OBJ_A, OBJ_B, other(["a", "b"])]},
     {"request": (["one-of-added"], ["open-union-value-removed"]),
      "response": (["open-union-value-added"], ["open-union-value-removed"])}, None),
    # The catch-all stops excluding a tag whose branch stays: two branches match it.
    ("open-union-catch-all-overlap", {"oneOf": [OBJ_A, OBJ_B, other(["a", "b"])]},
     {"oneOf": [OBJ_A, OBJ_B, other(["a"])]},
     {"request": (["open-union-catch-all-overlap"], []),
      "response": (["open-union-catch-all-overlap"], [])}, None),
    # The catch-all excludes a tag no branch names: that tag is refused (the reverse hands it
    # back to the catch-all, which is what an open union is for).
    ("open-union-catch-all-narrowed", {"oneOf": [OBJ_A, other(["a"])]}, {"oneOf": [OBJ_A, other(["a", "b"])]},
     {"request": (["=request-property-not-enum-value-added"], []),
      "response": (["=response-property-not-enum-value-added"], [])}, None),
    ("not-added", STR, {"type": "string", "not": {"enum": ["x"]}},
     {"request": (["not-added"], ["not-removed"]), "response": (["not-added"], ["not-removed"])}, None),
    ("not-enum-value-added", {"type": "string", "not": {"enum": ["x"]}}, {"type": "string", "not": {"enum": ["x", "y"]}},
     {"request": (["not-enum-value-added"], ["not-enum-value-removed"]),
      "response": (["not-enum-value-added"], ["not-enum-value-removed"])}, None),
    ("not-changed", {"type": "string", "not": {"pattern": "^x"}}, {"type": "string", "not": {"pattern": "^y"}},
     {"request": (["not-changed"], ["not-changed"]), "response": (["not-changed"], ["not-changed"])}, None),
    ("additional-properties-closed", {"type": "object"}, {"type": "object", "additionalProperties": False},
     {"request": (["additional-properties-narrowed"], ["additional-properties-widened"]),
      "response": (["additional-properties-narrowed"], ["additional-properties-widened"])}, None),
    ("additional-properties-retyped", {"type": "object", "additionalProperties": {"type": "integer"}},
     {"type": "object", "additionalProperties": {"type": "number"}},
     {"request": (["=request-property-type-generalized"], ["=request-property-type-changed"]),
      "response": (["=response-property-type-changed"], ["=response-property-type-specialized"])}, None),
    ("items-retyped", {"type": "array", "items": STR}, {"type": "array", "items": {"type": "integer"}},
     {"request": (["=request-property-type-changed"], ["=request-property-type-changed"]),
      "response": (["=response-property-type-changed"], ["=response-property-type-changed"])}, None),
    ("read-only", STR, {"type": "string", "readOnly": True},
     {"request": (["became-read-only"], ["became-not-read-only"]), "response": ([], [])}, None),
    ("write-only", STR, {"type": "string", "writeOnly": True},
     {"request": ([], []), "response": (["became-write-only"], ["became-not-write-only"])}, None),
]
for stem, keyword, base in [
    ("max-length", "maxLength", STR), ("min-length", "minLength", STR),
    ("max", "maximum", {"type": "integer"}), ("min", "minimum", {"type": "integer"}),
    ("max-items", "maxItems", {"type": "array", "items": STR}),
    ("min-items", "minItems", {"type": "array", "items": STR}),
    ("max-properties", "maxProperties", {"type": "object"}),
    ("min-properties", "minProperties", {"type": "object"}),
]:
    upper = stem.startswith("max")
    SCHEMA_CASES.append((f"{stem}-set", base, {**base, keyword: 5},
                         {d: ([f"{stem}-set"], [f"{stem}-unset"]) for d in ("request", "response")}, None))
    SCHEMA_CASES.append((f"{stem}-increased", {**base, keyword: 5}, {**base, keyword: 10},
                         {d: ([f"{stem}-increased"], [f"{stem}-decreased"]) for d in ("request", "response")}, None))
    del upper


def expand(dir_, subjects, kinds):
    out = []
    for s in subjects:
        for k in kinds:
            out.append(k[1:] if k.startswith("=") else f"{dir_}-{s}-{k}")
    return sorted(set(out))


COMPONENTS = {"schemas": {"S": STR}}

fixtures = {}


def add(name, about, old, new, forward, reverse):
    assert name not in fixtures, name
    fixtures[name] = {"about": about, "forward": sorted(set(forward)), "reverse": sorted(set(reverse)),
                      "old": old, "new": new}


for name, old_s, new_s, dirs, only in SCHEMA_CASES:
    for dir_, (fwd, rev) in dirs.items():
        positions = request_positions if dir_ == "request" else response_positions
        subjects = ["body", "property", "parameter"] if dir_ == "request" else ["body", "property", "header"]
        if only:
            subjects = [s for s in subjects if s in only]
        add(f"{dir_}-{name}", f"{name} in every {dir_} position",
            doc(as_paths(positions(old_s), subjects), COMPONENTS),
            doc(as_paths(positions(new_s), subjects), COMPONENTS),
            expand(dir_, subjects, fwd), expand(dir_, subjects, rev))


def body_op(schema, dir_):
    if dir_ == "request":
        return {"post": {"operationId": "op", "requestBody": {"required": True, "content": {
            "application/json": {"schema": schema}}}, "responses": {"204": ok("done")}}}
    return {"get": {"operationId": "op", "responses": {"200": ok(schema=schema)}}}


def obj(props, required=()):
    o = {"type": "object", "properties": {p: STR for p in props}}
    if required:
        o["required"] = list(required)
    return o


for dir_, cases in {
    "request": [
        ("new-required-property", obj(["a"], ["a"]), obj(["a", "b"], ["a", "b"]),
         ["new-required-request-property"], ["request-property-removed"]),
        ("new-optional-property", obj(["a"]), obj(["a", "b"]),
         ["new-optional-request-property"], ["request-property-removed"]),
        ("property-became-required", obj(["a"]), obj(["a"], ["a"]),
         ["request-property-became-required"], ["request-property-became-optional"]),
    ],
    "response": [
        ("new-required-property", obj(["a"], ["a"]), obj(["a", "b"], ["a", "b"]),
         ["response-required-property-added"], ["response-required-property-removed"]),
        ("new-optional-property", obj(["a"]), obj(["a", "b"]),
         ["response-optional-property-added"], ["response-optional-property-removed"]),
        ("property-became-required", obj(["a"]), obj(["a"], ["a"]),
         ["response-property-became-required"], ["response-property-became-optional"]),
    ],
}.items():
    for name, o, n, fwd, rev in cases:
        add(f"{dir_}-{name}", f"object properties ({dir_})", doc({"/x": body_op(o, dir_)}),
            doc({"/x": body_op(n, dir_)}), fwd, rev)


def simple_op(op_id="op", **extra):
    op = {"operationId": op_id, "responses": {"200": ok(schema=STR)}}
    op.update(extra)
    return op


# Operations.
add("endpoint-removed", "a whole path goes", doc({"/a": {"get": simple_op("a")}, "/b": {"get": simple_op("b")}}),
    doc({"/a": {"get": simple_op("a")}}), ["api-path-removed-without-deprecation"], ["endpoint-added"])
add("endpoint-removed-after-deprecation", "a deprecated path goes",
    doc({"/a": {"get": simple_op("a")}, "/b": {"get": simple_op("b", deprecated=True)}}),
    doc({"/a": {"get": simple_op("a")}}), ["api-path-removed-with-deprecation"], ["endpoint-added"])
add("operation-removed", "one method of a path goes",
    doc({"/a": {"get": simple_op("a"), "delete": simple_op("d")}}), doc({"/a": {"get": simple_op("a")}}),
    ["api-removed-without-deprecation"], ["endpoint-added"])
add("operation-removed-after-deprecation", "a deprecated method goes",
    doc({"/a": {"get": simple_op("a"), "delete": simple_op("d", deprecated=True)}}),
    doc({"/a": {"get": simple_op("a")}}), ["api-removed-with-deprecation"], ["endpoint-added"])
add("operation-deprecated", "deprecation", doc({"/a": {"get": simple_op()}}),
    doc({"/a": {"get": simple_op(deprecated=True)}}), ["endpoint-deprecated"], ["endpoint-reactivated"])
add("operation-id-renamed", "operationId renamed", doc({"/a": {"get": simple_op("listA")}}),
    doc({"/a": {"get": simple_op("getA")}}), ["api-operation-id-removed"], ["api-operation-id-removed"])
no_id = {"responses": {"200": ok(schema=STR)}}
add("operation-id-added", "operationId added", doc({"/a": {"get": no_id}}), doc({"/a": {"get": simple_op("getA")}}),
    ["api-operation-id-added"], ["api-operation-id-removed"])


def params(*ps):
    return doc({"/a": {"get": simple_op(parameters=list(ps))}})


Q = {"name": "q", "in": "query", "schema": STR}
add("parameter-required-added", "a new required parameter", params(), params({**Q, "required": True}),
    ["new-required-request-parameter"], ["request-parameter-removed"])
add("parameter-optional-added", "a new optional parameter", params(), params(Q),
    ["new-optional-request-parameter"], ["request-parameter-removed"])
add("parameter-became-required", "required flag", params(Q), params({**Q, "required": True}),
    ["request-parameter-became-required"], ["request-parameter-became-optional"])
add("parameter-moved", "query to header", params(Q), params({**Q, "in": "header"}),
    ["request-parameter-location-changed"], ["request-parameter-location-changed"])
add("parameter-style", "form to spaceDelimited",
    params({**Q, "schema": {"type": "array", "items": STR}, "explode": False}),
    params({**Q, "schema": {"type": "array", "items": STR}, "explode": False, "style": "spaceDelimited"}),
    ["request-parameter-style-changed"], ["request-parameter-style-changed"])
add("parameter-explode", "explode true to false", params({**Q, "schema": {"type": "array", "items": STR}}),
    params({**Q, "schema": {"type": "array", "items": STR}, "explode": False}),
    ["request-parameter-explode-changed"], ["request-parameter-explode-changed"])
add("refactor-path-parameter-renamed", "a path parameter renamed: the same endpoint",
    doc({"/a/{id}": {"get": simple_op(parameters=[{"name": "id", "in": "path", "required": True, "schema": STR}])}}),
    doc({"/a/{aId}": {"get": simple_op(parameters=[{"name": "aId", "in": "path", "required": True, "schema": STR}])}}),
    [], [])


def body(required=True, media=("application/json",)):
    b = {"required": required, "content": {m: {"schema": STR} for m in media}}
    return doc({"/a": {"post": simple_op(requestBody=b)}})


bare = doc({"/a": {"post": simple_op()}})
add("request-body-added-required", "a required body", bare, body(True),
    ["request-body-added-required"], ["request-body-removed"])
add("request-body-added-optional", "an optional body", bare, body(False),
    ["request-body-added-optional"], ["request-body-removed"])
add("request-body-became-required", "required flag", body(False), body(True),
    ["request-body-became-required"], ["request-body-became-optional"])
add("request-media-type-added", "another media type", body(), body(media=("application/json", "text/plain")),
    ["request-body-media-type-added"], ["request-body-media-type-removed"])


def responses(rs):
    return doc({"/a": {"get": {"operationId": "a", "responses": rs}}})


add("success-status-added", "201 beside 200", responses({"200": ok(schema=STR)}),
    responses({"200": ok(schema=STR), "201": ok(schema=STR)}),
    ["response-success-status-added"], ["response-success-status-removed"])
add("error-status-added", "404 beside 200", responses({"200": ok(schema=STR)}),
    responses({"200": ok(schema=STR), "404": ok("missing", schema=STR)}),
    ["response-non-success-status-added"], ["response-non-success-status-removed"])
add("response-media-type-added", "text/plain beside JSON", responses({"200": ok(schema=STR)}),
    responses({"200": {"description": "OK", "content": {"application/json": {"schema": STR},
                                                         "text/plain": {"schema": STR}}}}),
    ["response-media-type-added"], ["response-media-type-removed"])
RA = {"schema": {"type": "integer"}}
add("response-header-added", "Retry-After appears", responses({"429": ok("slow down")}),
    responses({"429": ok("slow down", headers={"Retry-After": RA})}),
    ["new-response-header"], ["response-optional-header-removed"])
add("response-required-header-added", "a required header appears", responses({"429": ok("slow down")}),
    responses({"429": ok("slow down", headers={"Retry-After": {**RA, "required": True}})}),
    ["new-response-header"], ["response-required-header-removed"])
add("response-header-became-required", "Retry-After always sent",
    responses({"429": ok("slow down", headers={"Retry-After": RA})}),
    responses({"429": ok("slow down", headers={"retry-after": {**RA, "required": True}})}),
    ["response-header-became-required"], ["response-header-became-optional"])

# Security.
SCHEMES = {"bearer": {"type": "http", "scheme": "bearer"},
           "key": {"type": "apiKey", "in": "header", "name": "x-api-key"},
           "oauth": {"type": "oauth2", "flows": {"clientCredentials": {
               "tokenUrl": "https://auth.example.test/token", "scopes": {"read": "r", "write": "w"}}}}}


def secured(security, schemes=None):
    d = doc({"/a": {"get": simple_op(security=security)}}, {"securitySchemes": schemes or SCHEMES})
    return d


add("security-alternative-added", "API key beside bearer", secured([{"bearer": []}]),
    secured([{"bearer": []}, {"key": []}]), ["api-security-added"], ["api-security-removed"])
add("security-required-added", "anonymous access ends", secured([{}]), secured([{"bearer": []}]),
    ["api-security-added", "api-security-removed"], ["api-security-added", "api-security-removed"])
add("security-scope-added", "a scope more", secured([{"oauth": ["read"]}]), secured([{"oauth": ["read", "write"]}]),
    ["api-security-scope-added"], ["api-security-scope-removed"])
add("security-scheme-header-renamed", "x-api-key to api-key", secured([{"key": []}]),
    secured([{"key": []}], {**SCHEMES, "key": {"type": "apiKey", "in": "header", "name": "api-key"}}),
    ["security-scheme-changed"], ["security-scheme-changed"])
add("security-scheme-added", "an unused scheme", secured([{"bearer": []}], {"bearer": SCHEMES["bearer"]}),
    secured([{"bearer": []}]), ["security-scheme-added"], ["security-scheme-removed"])

# Servers.
P = {"/a": {"get": simple_op()}}
add("server-added", "a second server", doc(P, servers=[{"url": "https://a.test"}]),
    doc(P, servers=[{"url": "https://a.test"}, {"url": "https://b.test"}]), ["server-added"], ["server-removed"])
V1 = {"url": "https://{host}:{port}", "variables": {"host": {"default": "a.test"}}}
V2 = {"url": "https://{host}:{port}", "variables": {"host": {"default": "a.test"}, "port": {"default": "443"}}}
add("server-variable-added", "a variable", doc(P, servers=[V1]), doc(P, servers=[V2]),
    ["server-variable-added"], ["server-variable-removed"])
E1 = {"url": "https://{region}.test", "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}}}
E2 = {"url": "https://{region}.test", "variables": {"region": {"default": "eu", "enum": ["eu", "us", "ap"]}}}
add("server-variable-enum-value-added", "a region", doc(P, servers=[E1]), doc(P, servers=[E2]),
    ["server-variable-enum-value-added"], ["server-variable-enum-value-removed"])
E3 = copy.deepcopy(E1)
E3["variables"]["region"]["default"] = "us"
# Path- and operation-level servers override the document's.
add("path-server-added", "a path served from a second host too",
    doc(P, servers=[{"url": "https://a.test"}]),
    doc({"/a": {"servers": [{"url": "https://a.test"}, {"url": "https://b.test"}], "get": simple_op()}},
        servers=[{"url": "https://a.test"}]),
    ["server-added"], ["server-removed"])
add("operation-server-moved", "one operation moves to another host",
    doc(P, servers=[{"url": "https://a.test"}]),
    doc({"/a": {"get": simple_op(servers=[{"url": "https://upload.a.test"}])}}, servers=[{"url": "https://a.test"}]),
    ["server-removed", "server-added"], ["server-removed", "server-added"])
add("operation-server-variable-enum-value-added", "an operation's server allows another region",
    doc({"/a": {"get": simple_op(servers=[E1])}}), doc({"/a": {"get": simple_op(servers=[E2])}}),
    ["server-variable-enum-value-added"], ["server-variable-enum-value-removed"])
add("server-variable-default-changed", "default region", doc(P, servers=[E1]), doc(P, servers=[E3]),
    ["server-variable-default-changed"], ["server-variable-default-changed"])


# Streams: the data schema of a text/event-stream response (the union of the payloads) and its
# event table (`x-sse-events`), which alone names the events.
def event(name, extra=None, description=None):
    e = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": [name]}}}
    if extra:
        e["properties"].update(extra)
    if description:
        e["description"] = description
    return e


def table(events, open_=False, done=None):
    """`events`: (name, payload component, terminal) in published order."""
    t = {"open": open_, "events": {n: {"schema": {"$ref": f"#/components/schemas/{p}"}, "terminal": term}
                                   for n, p, term in events}}
    if done is not None:
        t["done"] = done
    return t


def stream(branches, schemas=None, events=None, description=None):
    data = {"oneOf": [{"$ref": f"#/components/schemas/{b}"} for b in branches]}
    if description:
        data["description"] = description
    comps = {"Data": data, **(schemas or {})}
    media = {"schema": {"type": "string"}, "x-sse-data-schema": {"$ref": "#/components/schemas/Data"}}
    if events is not None:
        media["x-sse-events"] = events
    return doc({"/s": {"post": {"operationId": "stream", "responses": {"200": {
        "description": "events", "content": {"text/event-stream": media}}}}}},
        {"schemas": comps})


EVENTS = {"Start": event("start"), "Delta": event("delta", {"text": STR}), "Stop": event("stop")}
ROWS = [("start", "Start", False), ("delta", "Delta", False), ("stop", "Stop", True)]
T = table(ROWS)
add("stream-event-removed", "a named event goes from the union and the table",
    stream(["Start", "Delta", "Stop"], EVENTS, T), stream(["Start", "Stop"], EVENTS, table([ROWS[0], ROWS[2]])),
    ["response-stream-event-removed", "response-body-one-of-removed"],
    ["response-stream-event-added", "response-body-one-of-added"])
OPEN = {**EVENTS, "Unknown": other(["start", "delta", "stop"])}
OPEN2 = {**EVENTS, "Ping": event("ping"), "Unknown": other(["start", "delta", "stop", "ping"])}
add("stream-open-event-added", "an open stream names a new event",
    stream(["Start", "Delta", "Stop", "Unknown"], OPEN, table(ROWS, open_=True)),
    stream(["Start", "Delta", "Ping", "Stop", "Unknown"], OPEN2, table(ROWS + [("ping", "Ping", False)], open_=True)),
    ["response-stream-open-event-added", "response-body-open-union-value-added"],
    ["response-stream-event-removed", "response-body-open-union-value-removed"])
add("stream-open-terminal-event-added", "an open table lists a new terminal event (as `response.incomplete`)",
    stream(["Start", "Delta", "Stop"], EVENTS, table(ROWS, open_=True)),
    stream(["Start", "Delta", "Stop"], EVENTS, table(ROWS + [("incomplete", "Stop", True)], open_=True)),
    ["response-stream-open-event-added"], ["response-stream-event-removed"])
add("stream-terminal-event-changed", "the stop event no longer ends the stream",
    stream(["Start", "Delta", "Stop"], EVENTS, T),
    stream(["Start", "Delta", "Stop"], EVENTS, table(ROWS[:2] + [("stop", "Stop", False)])),
    ["response-stream-terminal-event-changed"], ["response-stream-terminal-event-changed"])
EVENTS_R = {**EVENTS, "Delta": event("delta", {"text": {"type": "integer"}})}
add("stream-event-data-retyped-in-place", "an event's data field changes type",
    stream(["Start", "Delta", "Stop"], EVENTS, T), stream(["Start", "Delta", "Stop"], EVENTS_R, T),
    ["response-property-type-changed"], ["response-property-type-changed"])
UNTAGGED = {"Snapshot": {"type": "object", "properties": {"id": STR}},
            "Delta": {"type": "object", "properties": {"delta": STR}},
            "Text": {"type": "object", "properties": {"text": STR}}}
TROWS = [("a.created", "Snapshot", False), ("a.done", "Snapshot", True), ("a.delta", "Delta", False)]
add("stream-table-event-retyped", "a table-declared event gets another data schema",
    stream(["Snapshot", "Delta"], UNTAGGED, table(TROWS)),
    stream(["Snapshot", "Text"], UNTAGGED, table(TROWS[:2] + [("a.delta", "Text", False)])),
    ["response-stream-event-retyped", "response-body-any-of-added", "response-body-any-of-removed",
     "response-optional-property-added", "response-optional-property-removed"],
    ["response-stream-event-retyped", "response-body-any-of-added", "response-body-any-of-removed",
     "response-optional-property-added", "response-optional-property-removed"])
for f in ("old", "new"):
    for k, v in fixtures["stream-table-event-retyped"][f]["components"]["schemas"].items():
        if k == "Data":
            v["anyOf"] = v.pop("oneOf")
add("stream-table-event-removed", "an event dropped from the table only",
    stream(["Snapshot", "Delta"], UNTAGGED, table(TROWS)),
    stream(["Snapshot", "Delta"], UNTAGGED, table([TROWS[0], TROWS[2]])),
    ["response-stream-event-removed"], ["response-stream-event-added"])
add("stream-done-changed", "the `[DONE]` line that ends the stream goes",
    stream(["Start", "Delta", "Stop"], EVENTS, table(ROWS, done="[DONE]")),
    stream(["Start", "Delta", "Stop"], EVENTS, T),
    ["response-stream-done-changed"], ["response-stream-done-changed"])
add("stream-became-open", "a closed table becomes open",
    stream(["Start", "Delta", "Stop"], EVENTS, T), stream(["Start", "Delta", "Stop"], EVENTS, table(ROWS, open_=True)),
    ["response-stream-became-open"], ["response-stream-became-closed"])
add("stream-events-declared", "the event table is published",
    stream(["Start", "Delta", "Stop"], EVENTS), stream(["Start", "Delta", "Stop"], EVENTS, T),
    ["response-stream-events-declared"], ["response-stream-events-undeclared"])
add("refactor-stream-prose", "descriptions that once named events and their end say nothing the table does not",
    stream(["Start", "Delta", "Stop"], EVENTS, T),
    stream(["Start", "Delta", "Stop"], {**EVENTS, "Stop": event("stop", description="Terminal: the stream is complete.")},
           T, "| `event:` | `data:` schema |\n|---|---|\n| `start`, `gone` | `Start` |\n"),
    [], [])
RENAMED = {**EVENTS, "TextDelta": EVENTS["Delta"]}
add("refactor-stream-payload-renamed", "an event's payload component renamed, same structure",
    stream(["Start", "Delta", "Stop"], EVENTS, T),
    stream(["Start", "TextDelta", "Stop"], RENAMED, table([ROWS[0], ("delta", "TextDelta", False), ROWS[2]])),
    [], [])

# Refactors that change nothing a client sees.
INLINE = {"type": "object", "required": ["id"], "properties": {"id": STR, "n": {"type": "integer"}}}
add("refactor-ref-extracted", "an inline schema moved to components",
    doc({"/a": {"post": {"operationId": "a", "requestBody": {"content": {"application/json": {"schema": INLINE}}},
                         "responses": {"200": ok(schema=INLINE)}}}}),
    doc({"/a": {"post": {"operationId": "a", "requestBody": {"content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Thing"}}}},
        "responses": {"200": ok(schema={"$ref": "#/components/schemas/Thing"})}}}}, {"schemas": {"Thing": INLINE}}),
    [], [])
reordered = json.loads(json.dumps(INLINE), object_pairs_hook=lambda kv: dict(reversed(kv)))
add("refactor-keys-reordered", "the same document with keys in another order",
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema=INLINE)}}}}),
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema=reordered)}}}}), [], [])
add("refactor-description-reworded", "descriptions and summaries reworded",
    doc({"/a": {"get": {"operationId": "a", "summary": "List", "responses": {"200": ok("OK", schema={**INLINE, "description": "A thing."})}}}}),
    doc({"/a": {"get": {"operationId": "a", "summary": "List things", "responses": {"200": ok("The things", schema={**INLINE, "description": "One thing, as stored."})}}}}),
    [], [])
add("refactor-null-spelling", "`X | null` spelled as a type array or a null branch",
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema={"type": ["string", "null"]})}}}}),
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema={"oneOf": [STR, {"type": "null"}]})}}}}),
    [], [])
add("refactor-const-as-enum", "`const` and a one-value `enum`",
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema={"type": "string", "const": "x"})}}}}),
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema={"type": "string", "enum": ["x"]})}}}}),
    [], [])
RECURSIVE = {"Node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}
add("refactor-recursive-schema", "a recursive schema compared with itself terminates",
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema={"$ref": "#/components/schemas/Node"})}}}}, {"schemas": RECURSIVE}),
    doc({"/a": {"get": {"operationId": "a", "responses": {"200": ok(schema={"$ref": "#/components/schemas/Node"})}}}}, {"schemas": RECURSIVE}),
    [], [])
# Naming anonymous branches (a component per branch, as the documents' reshaping did) and
# reordering them: the branches accept what they accepted.
SYSTEM = {"type": "object", "required": ["role"], "properties": {"role": {"type": "string", "enum": ["system"]}, "content": STR}}
USER = {"type": "object", "required": ["role"], "properties": {"role": {"const": "user"},
        "content": {"oneOf": [STR, {"type": "array", "items": STR}]}}}
OPTIONS = {"type": "object", "properties": {"top": {"type": "integer"}}}
INLINE_U = {"type": "object", "properties": {
    "messages": {"type": "array", "items": {"oneOf": [SYSTEM, USER]}},
    "logprobs": {"oneOf": [{"type": "boolean"}, OPTIONS, {"type": "null"}]}}}
NAMED = {"MessageSystem": SYSTEM, "MessageUser": {**USER, "properties": {**USER["properties"], "content": {
    "oneOf": [{"$ref": "#/components/schemas/UserContentParts"}, STR]}}},
    "UserContentParts": {"type": "array", "items": STR, "description": "Parts."},
    "LogprobsOptions": {**OPTIONS, "title": "Options"}}
NAMED_U = {"type": "object", "properties": {
    "messages": {"type": "array", "items": {"oneOf": [{"$ref": "#/components/schemas/MessageUser"},
                                                      {"$ref": "#/components/schemas/MessageSystem"}]}},
    "logprobs": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/LogprobsOptions"}, {"type": "boolean"}]}}}


def both_ways(schema, comps=None):
    return doc({"/x": {"post": {"operationId": "x", "requestBody": {"required": True, "content": {
        "application/json": {"schema": schema}}}, "responses": {"200": ok(schema=schema)}}}}, comps)


add("refactor-one-of-branches-named", "inline branches become named components, in another order",
    both_ways(INLINE_U), both_ways(NAMED_U, {"schemas": NAMED}), [], [])
NAMED_CHANGED = {**NAMED, "LogprobsOptions": {**OPTIONS, "properties": {**OPTIONS["properties"], "n": STR}},
                 "MessageUser": {**NAMED["MessageUser"], "required": ["role", "content"]}}
add("one-of-branches-named-and-changed", "named branches are still compared with the inline ones they replace",
    both_ways(INLINE_U), both_ways(NAMED_U, {"schemas": NAMED_CHANGED}),
    ["new-optional-request-property", "response-optional-property-added",
     "request-property-became-required", "response-property-became-required"],
    ["request-property-removed", "response-optional-property-removed",
     "request-property-became-optional", "response-property-became-optional"])

add("additive-optional-request-field", "a new optional request field: additive only",
    doc({"/x": body_op(obj(["a"], ["a"]), "request")}), doc({"/x": body_op(obj(["a", "b"], ["a"]), "request")}),
    ["new-optional-request-property"], ["request-property-removed"])

if os.path.isdir(OUT):
    shutil.rmtree(OUT)
os.makedirs(OUT)
for name, f in sorted(fixtures.items()):
    with open(os.path.join(OUT, f"{name}.json"), "w") as fh:
        json.dump(f, fh, indent=1)
        fh.write("\n")
print(f"{len(fixtures)} fixtures in {OUT}")
