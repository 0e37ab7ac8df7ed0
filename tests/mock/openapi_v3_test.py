#!/usr/bin/env python3
"""Validates caspio-mock's REST v3 answers against Caspio's OpenAPI document.

Starts the caspio-mock executable with `--api v3`, calls every v3 operation the emulator serves
(tables, table fields, password fields, records, views, view fields, view records), with their
success answers and their main error answers, and checks for each answer that:
  - its status is one the OpenAPI document lists for that operation (and the one expected);
  - a body the document describes (JSON content) validates against that response's schema, with
    `$ref`s resolved into `components`; a 2xx the document gives no content has an empty body;
  - an error answer (the document describes no body) is Caspio's error body
    {"Code","Message","Resource","RequestId"} (the wire spec, section 5.1).
It fails when an answer does not match, and when a served operation was not called.

Usage: openapi_v3_test.py CASPIO_MOCK_EXE OPENAPI_JSON
Exit status: 0 pass, 1 fail (also when the OpenAPI document or jsonschema is missing: never a
silent skip).
Needs Python 3 with jsonschema (Debian: python3-jsonschema).
"""

import copy
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

# The operations under /v3/tables and /v3/views that the emulator does not serve yet
# (attachments); every other one of those paths must be called below.
NOT_SERVED_PATH_PART = "/attachments/"

# Caspio's error body (wire spec 5.1); the OpenAPI document gives error answers no content.
ERROR_SCHEMA = {
    "type": "object",
    "required": ["Code", "Message", "Resource", "RequestId"],
    "properties": {
        "Code": {"type": "string", "minLength": 1},
        "Message": {"type": "string"},
        "Resource": {"type": "string"},
        "RequestId": {"type": "string", "minLength": 1},
    },
}

INT32 = (-(2**31), 2**31 - 1)


def to_json_schema(node, components, seen=()):
    """An OpenAPI 3.0 schema as JSON Schema: `$ref`s inlined, `nullable` as a null type."""
    if isinstance(node, list):
        return [to_json_schema(n, components, seen) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            raise ValueError("recursive schema " + name)
        return to_json_schema(components[name], components, seen + (name,))
    out = {}
    for key, value in node.items():
        if key in ("nullable", "description", "example"):
            continue
        if key == "additionalProperties" and value == {"type": "object"}:
            # Swashbuckle renders a C# `object` (Dictionary<string, object>, a record's values)
            # as {"type":"object"}; it stands for any JSON value (records hold strings, numbers,
            # booleans, null and list objects), so no constraint is kept.
            out[key] = {}
            continue
        if key in ("properties",):
            out[key] = {k: to_json_schema(v, components, seen) for k, v in value.items()}
        else:
            out[key] = to_json_schema(value, components, seen)
    if node.get("nullable"):
        if "type" in out and not any(k in out for k in ("allOf", "oneOf", "anyOf")):
            out["type"] = [out["type"], "null"]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


class Checker:
    def __init__(self, spec, jsonschema):
        self.spec = spec
        self.jsonschema = jsonschema
        self.components = spec["components"]["schemas"]
        self.ops = {}
        for path, item in spec["paths"].items():
            for method, op in item.items():
                if isinstance(op, dict) and "operationId" in op:
                    self.ops[op["operationId"]] = (method.upper(), path, op)
        self.formats = jsonschema.FormatChecker()

        @self.formats.checks("int32")
        def _int32(value):
            return not isinstance(value, int) or INT32[0] <= value <= INT32[1]

        self.failures = []
        self.called = {}
        self.answers = 0

    def served_operations(self):
        return sorted(
            op_id
            for op_id, (_, path, _) in self.ops.items()
            if (path.startswith("/v3/tables") or path.startswith("/v3/views"))
            and NOT_SERVED_PATH_PART not in path
        )

    def url_path(self, op_id, params):
        _, template, _ = self.ops[op_id]
        path = template
        for name, value in params.items():
            path = path.replace("{" + name + "}", urllib.parse.quote(value, safe=""))
        assert "{" not in path, (op_id, path)
        return path

    def fail(self, what, message):
        self.failures.append(what + ": " + message)
        print("FAIL " + what + ": " + message)

    def check(self, op_id, status, body, content_type, expect):
        method, template, op = self.ops[op_id]
        what = "%s (%s %s) -> %d" % (op_id, method, template, status)
        self.called.setdefault(op_id, set()).add(status)
        self.answers += 1
        if status != expect:
            self.fail(what, "expected status %d; body %s" % (expect, body[:300]))
        responses = op.get("responses", {})
        if str(status) not in responses:
            self.fail(what, "status not in the document's answers %s" % sorted(responses))
            return
        content = responses[str(status)].get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if status >= 400:
            if schema is None:
                return self.validate(what, body, content_type, ERROR_SCHEMA)
        if schema is None:
            if body:
                self.fail(what, "the document gives this answer no body, got " + body[:200])
            return
        if not body:
            if to_json_schema(schema, self.components).get("anyOf", [{}])[-1] == {"type": "null"}:
                return  # a nullable answer (POST records without response=rows): no body
            self.fail(what, "empty body, the document describes one")
            return
        self.validate(what, body, content_type, to_json_schema(schema, self.components))

    def validate(self, what, body, content_type, schema):
        if not content_type.startswith("application/json"):
            self.fail(what, "Content-Type %r, not JSON" % content_type)
            return
        try:
            value = json.loads(body)
        except ValueError as e:
            self.fail(what, "body is not JSON (%s): %s" % (e, body[:200]))
            return
        validator = self.jsonschema.Draft7Validator(schema, format_checker=self.formats)
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
        for e in errors[:5]:
            self.fail(what, "%s at %s" % (e.message[:300], "/".join(map(str, e.path))))
        if not errors:
            print("ok   " + what)


def start_mock(exe):
    proc = subprocess.Popen(
        [exe, "--port", "0", "--api", "v3", "--fixture", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = {}
    for _ in range(8):
        line = proc.stdout.readline()
        if not line:
            break
        if "=" in line:
            key, value = line.strip().split("=", 1)
            lines[key] = value
        if line.startswith("CASPIO_CLIENT_SECRET="):
            break
    if "CASPIO_REST_URL" not in lines:
        proc.kill()
        raise SystemExit("caspio-mock did not start: " + repr(lines))
    return proc, lines


class Http:
    def __init__(self, token):
        self.token = token

    def send(self, method, url, body=None):
        data = None
        headers = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read().decode(), r.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), e.headers.get("Content-Type", "")


def token_of(lines):
    form = urllib.parse.urlencode(
        {
            "grant_type": "client_credentials",
            "client_id": lines["CASPIO_CLIENT_ID"],
            "client_secret": lines["CASPIO_CLIENT_SECRET"],
        }
    ).encode()
    with urllib.request.urlopen(lines["CASPIO_TOKEN_URL"], data=form, timeout=30) as r:
        return json.loads(r.read())["access_token"]


def run(checker, rest, http):
    def call(op_id, expect, params=None, query=None, body=None):
        method, _, _ = checker.ops[op_id]
        url = rest + checker.url_path(op_id, params or {})[len("/v3") :]
        if query:
            url += "?" + urllib.parse.urlencode(query)
        status, text, ctype = http.send(method, url, body)
        checker.check(op_id, status, text, ctype, expect)
        return status, text

    table = {"tableName": "Demo_Physicians"}
    users = {"tableName": "Demo_Users"}
    view = {"viewName": "Demo_Physicians_Active"}
    new_table = {"tableName": "V3_Check"}

    # Tables and their design.
    call("ListTables", 200)
    call("GetTable", 200, table)
    call("GetTable", 404, {"tableName": "No_Such_Table"})
    call("CreateTable", 201, body={"Name": "V3_Check", "Fields": [
        {"Name": "Title", "Type": "STRING", "Label": "Title"},
        {"Name": "Kind", "Type": "LIST-STRING", "ListField": ["A", "B"]},
        {"Name": "Stamp", "Type": "TIMESTAMP", "OnInsert": True},
        {"Name": "Code", "Type": "RANDOM ID", "Unique": True, "Format": "0U", "Length": 8},
        {"Name": "Secret", "Type": "PASSWORD"},
    ]})
    call("CreateTable", 400, body={"Name": "V3_Bad", "Columns": []})
    call("ListTableFields", 200, table)
    call("ListTableFields", 200, new_table)
    call("ListTableFields", 404, {"tableName": "No_Such_Table"})
    call("GetTableField", 200, dict(table, fieldName="First_Name"))
    call("GetTableField", 200, dict(new_table, fieldName="Code"))
    call("GetTableField", 404, dict(table, fieldName="No_Such_Field"))
    call("CreateTableField", 201, new_table, body={"Name": "Extra", "Type": "NUMBER"})
    call("CreateTableField", 400, new_table, body={"Name": "Extra", "Type": "NUMBER"})
    call("CreateTableField", 404, {"tableName": "No_Such_Table"},
         body={"Name": "X", "Type": "STRING"})
    call("UpdateTableField", 204, dict(new_table, fieldName="Extra"),
         body={"Name": "Extra2", "Label": "More"})
    call("UpdateTableField", 400, dict(new_table, fieldName="Extra2"), body={"NewLabel": "x"})
    call("UpdateTableField", 404, dict(new_table, fieldName="Nope"), body={"Label": "x"})
    call("DeleteTableField", 204, dict(new_table, fieldName="Extra2"))
    call("DeleteTableField", 404, dict(new_table, fieldName="Extra2"))

    # Password fields.
    call("ListPasswordTableFields", 200, users)
    call("ListPasswordTableFields", 404, {"tableName": "No_Such_Table"})
    call("UpdatePasswordTableField", 200, dict(users, passwordFieldName="Password"),
         {"q.where": "PK_ID=1"}, {"Value": "n3w-Secret!"})
    call("UpdatePasswordTableField", 400, dict(users, passwordFieldName="Password"),
         body={"Value": "x"})
    call("ResetPasswordTableField", 200, dict(users, passwordFieldName="Password"),
         {"q.where": "PK_ID=1"})
    call("ResetPasswordTableField", 404, {"tableName": "No_Such_Table",
                                          "passwordFieldName": "Password"}, {"q.where": "PK_ID=1"})

    # Table records.
    call("ListTableRecords", 200, table)
    call("ListTableRecords", 200, table, {"q.select": "PK_ID, First_Name", "q.orderBy": "PK_ID",
                                          "q.pageSize": "5", "q.pageNumber": "2",
                                          "q.getPaginationInfo": "true"})
    call("ListTableRecords", 200, table, {"q.limit": "3", "q.getPaginationInfo": "true"})
    call("ListTableRecords", 400, table, {"q.pageSize": "2"})
    call("ListTableRecords", 404, {"tableName": "No_Such_Table"})
    call("CreateTableRecord", 201, new_table, body={"Title": "first", "Kind": [1]})
    call("CreateTableRecord", 201, new_table, {"response": "rows"}, {"Title": "second"})
    call("CreateTableRecord", 404, new_table, body={"No_Such_Field": 1})
    call("CreateTableRecord", 404, {"tableName": "No_Such_Table"}, body={"Title": "x"})
    call("UpdateTableRecords", 200, new_table, {"q.where": "Title='first'"}, {"Title": "1st"})
    call("UpdateTableRecords", 200, new_table, {"q.where": "Title='1st'", "response": "rows"},
         {"Kind": [2]})
    call("UpdateTableRecords", 400, new_table, body={"Title": "x"})
    call("DeleteTableRecords", 200, new_table, {"q.where": "Title='second'"})
    call("DeleteTableRecords", 400, new_table)
    call("DeleteTableRecords", 404, {"tableName": "No_Such_Table"}, {"q.where": "PK_ID=1"})

    # Views.
    call("ListViews", 200)
    call("GetView", 200, view)
    call("GetView", 404, {"viewName": "No_Such_View"})
    call("ListViewFields", 200, view)
    call("ListViewFields", 404, {"viewName": "No_Such_View"})
    call("GetViewField", 200, dict(view, fieldName="Last_Name"))
    call("GetViewField", 404, dict(view, fieldName="No_Such_Field"))
    call("ListViewRecords", 200, view)
    call("ListViewRecords", 200, view, {"q.pageSize": "5", "q.getPaginationInfo": "true"})
    call("ListViewRecords", 400, view, {"q.pageSize": "5000"})
    call("ListViewRecords", 404, {"viewName": "No_Such_View"})
    call("CreateViewRecord", 201, view, body={"First_Name": "Vee", "Account_Status": True})
    call("CreateViewRecord", 201, view, {"response": "rows"},
         {"First_Name": "Vee2", "Account_Status": True})
    call("CreateViewRecord", 404, {"viewName": "No_Such_View"}, body={"First_Name": "x"})
    call("UpdateViewRecords", 200, view, {"q.where": "First_Name='Vee'", "response": "rows"},
         {"Last_Name": "View"})
    call("UpdateViewRecords", 400, view, body={"Last_Name": "x"})
    call("DeleteViewRecords", 200, view, {"q.where": "First_Name LIKE 'Vee%'"})
    call("DeleteViewRecords", 400, view)

    # Every served operation was called with a success answer.
    for op_id in checker.served_operations():
        if not any(200 <= s < 300 for s in checker.called.get(op_id, ())):
            checker.fail(op_id, "served operation never called with success")

    # --api v3: v2 is not served.
    status, _, _ = http.send("GET", rest.replace("/integrations/rest/v3", "/rest/v2") + "/tables")
    if status != 404:
        checker.fail("GET /rest/v2/tables with --api v3", "status %d, expected 404" % status)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    exe, spec_path = sys.argv[1], sys.argv[2]
    if not os.path.exists(spec_path):
        print("FAIL: CANNOT RUN: no OpenAPI document at " + spec_path + " (the emulator's v3 "
              "answers were NOT validated; set CASPIO_OPENAPI_V3 to the document)")
        return 1
    try:
        import jsonschema
    except ImportError:
        print("FAIL: this Python (%s) has no jsonschema: install python3-jsonschema "
              "(scripts/deps.sh)" % sys.executable)
        return 1
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    checker = Checker(spec, jsonschema)
    proc, lines = start_mock(exe)
    try:
        rest = lines["CASPIO_REST_URL"]
        if not rest.endswith("/integrations/rest/v3"):
            checker.fail("startup", "CASPIO_REST_URL is not the v3 base: " + rest)
        run(checker, rest, Http(token_of(lines)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    served = checker.served_operations()
    print("%d operations served, %d answers checked, %d failures"
          % (len(served), checker.answers, len(checker.failures)))
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
