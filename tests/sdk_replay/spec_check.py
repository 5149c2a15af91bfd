"""Checks one captured request against a published OpenAPI 3.1 document: the operation is
looked up by method + path, the body is validated (Draft 2020-12, the whole document
registered as one resource) against that operation's request-body schema, and the auth and
declared header parameters the SDK sent are checked against the operation's declarations."""

import json
import re
from urllib.parse import quote

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def _escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(parts):
    return "".join("/" + _escape(p) for p in parts)


class SpecDocument:
    def __init__(self, name, path):
        self.name = name
        with open(path, encoding="utf-8") as f:
            self.doc = json.load(f)
        self.urn = f"urn:kindo:spec:{name}"
        self.registry = Registry().with_resource(self.urn, Resource(self.doc, DRAFT202012))

    def find_operation(self, method, path):
        """(template, operation) for a concrete path, or None."""
        for template, item in self.doc.get("paths", {}).items():
            regex = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
            if re.match(regex, path) and method in item:
                return template, item[method]
        return None

    def validator(self, json_pointer):
        ref = self.urn + "#" + quote(json_pointer, safe="/~")
        return Draft202012Validator({"$ref": ref}, registry=self.registry)

    def check(self, captured):
        """Problems found (each one line); empty when the request conforms."""
        found = self.find_operation(captured.method, captured.path)
        if found is None:
            return [f"operation {captured.method.upper()} {captured.path} not in document {self.name}"]
        template, op = found
        problems = []
        media = "application/json"
        content = op.get("requestBody", {}).get("content", {})
        if media not in content:
            problems.append(f"{op.get('operationId')}: declares no {media} request body")
        else:
            body_pointer = pointer(["paths", template, captured.method, "requestBody", "content", media, "schema"])
            error = best_match(self.validator(body_pointer).iter_errors(captured.body))
            if error is not None:
                problems.append(
                    f"{op.get('operationId')}: body {pointer(error.absolute_path) or '/'} "
                    f"fails {pointer(error.absolute_schema_path)}: {error.message[:300]}")
        problems += self._check_auth(op, captured)
        problems += self._check_headers(template, op, captured)
        return problems

    def _check_auth(self, op, captured):
        requirements = op.get("security", self.doc.get("security", []))
        if not requirements:
            return []
        schemes = self.doc.get("components", {}).get("securitySchemes", {})

        def satisfied(name):
            scheme = schemes.get(name, {})
            if scheme.get("type") == "http" and scheme.get("scheme", "").lower() == "bearer":
                value = captured.headers.get("authorization", "")
                return value.lower().startswith("bearer ") and value[7:].strip() != ""
            if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                return captured.headers.get(scheme["name"].lower(), "") != ""
            return False

        if any(all(satisfied(n) for n in req) for req in requirements):
            return []
        declared = " | ".join(" + ".join(req) or "(none)" for req in requirements)
        sent = sorted(h for h in captured.headers if h in ("authorization", "x-api-key", "api-key"))
        return [f"{op.get('operationId')}: auth headers sent {sent} satisfy none of {declared}"]

    def _check_headers(self, template, op, captured):
        problems = []
        for index, param in enumerate(op.get("parameters", [])):
            if param.get("in") != "header":
                continue
            name = param["name"].lower()
            if name in ("accept", "content-type", "authorization"):
                continue  # OpenAPI says tools ignore these as parameters
            value = captured.headers.get(name)
            if value is None:
                if param.get("required"):
                    problems.append(f"{op.get('operationId')}: required header {param['name']} not sent")
                continue
            schema = pointer(["paths", template, captured.method, "parameters", index, "schema"])
            error = best_match(self.validator(schema).iter_errors(value))
            if error is not None:
                problems.append(f"{op.get('operationId')}: header {param['name']}: {error.message}")
        return problems
