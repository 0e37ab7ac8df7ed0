#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/seed-*): run it from anywhere
after changing a seed below. The SDK targets read their input with libFuzzer's FuzzedDataProvider
(strings from the front, numbers from the back); Seed encodes the values in that layout."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


class Seed:
    """Builds one FuzzedDataProvider input from the values a target consumes, in order."""

    def __init__(self):
        self.front = b""
        self.back = b""  # consumed from the end: the first value is the last byte(s)

    def string(self, text, last=False):
        data = text.encode() if isinstance(text, str) else text
        self.front += data if last else data.replace(b"\\", b"\\\\") + b"\\|"
        return self

    def int_range(self, value, lo, hi):
        span, size = hi - lo, 0
        while span > 0:
            size, span = size + 1, span >> 8
        offset = value - lo
        self.back = offset.to_bytes(size, "little") + self.back if size else self.back
        return self

    def boolean(self, value):
        return self.int_range(1 if value else 0, 0, 255)

    def int64(self, value):
        return self.int_range(value + 2**63, 0, 2**64 - 1)

    def raw_back(self, data):
        self.back = data + self.back
        return self

    def data(self):
        return self.front + self.back


def write(target, seeds):
    folder = os.path.join(HERE, target)
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    for i, seed in enumerate(seeds):
        data = seed.data() if isinstance(seed, Seed) else seed
        with open(os.path.join(folder, f"seed-{i:02d}"), "wb") as f:
            f.write(data)


def answer(status, body, headers=(), token_endpoint=False):
    s = Seed().int_range(status, 100, 599).boolean(token_endpoint)
    s.int_range(len(headers), 0, 3)
    for value in headers:
        s.string(value)
    return s.string(body, last=True)


write("fuzz_answer", [
    answer(200, '{"Result":[{"PK_ID":1,"Name":"O\'Brien"}]}'),
    answer(201, '{"RecordsAffected":3,"Result":[]}'),
    answer(200, '{"RecordsAffected":2.5}'),
    answer(200, "", ["", "ABCDEF12-3456-7890-ABCD-EF1234567890"]),
    answer(404, '{"Code":"ObjectNotFound","Message":"Requested object not found",'
                '"Resource":"https://c1abc123.caspio.com/rest/v2/tables/X","RequestId":"ABC-1"}'),
    answer(400, '[{"message":"You have exceeded your API call rate limits.","name":"api-calls-rate"}]'),
    answer(500, "<ErrorResult><Code>SqlServerError</Code><Message>bad &amp; &lt;worse&gt;</Message>"
                "<RequestId>R1</RequestId></ErrorResult>"),
    answer(429, '{"Code":"TooManyRequests"}', ["30"]),
    answer(503, "<html><body>Service Unavailable</body></html>", ["Sun, 06 Nov 1994 08:49:37 GMT"]),
    answer(400, '{"error":"invalid_client","error_description":"client @T unknown"}', [], True),
    answer(401, '{"Code":"Unauthorized","Message":"Bearer @T was refused","Resource":"/x?access_token=@T"}',
           ["", "@T"]),
])


write("fuzz_pages", [
    b'{"Result":[]}',
    b'{"Result":[{"PK_ID":1,"Name":"Ann","Email":"a@x.com"},{"PK_ID":2,"Name":"Bob","Email":null}]}',
    b'{"Result":[{"Zed":1.50,"PK_ID":7,"Yes":true,"List":{"1":"a","2":"b, c"},'
    b'"Text":"tab\\t\\"q\\" \\u00e9","Neg":-3,"Big":18446744073709551615,"F":[1e3,-0.0]}]}',
    b'{"Result":[{"A":1,"B":"two"},{"B":"b","A":"a","C":3}],"Other":{"x":[1]}}',
    b'{"Result":[{"a":123456789012345678901234567890}]}',
    b'{"Result":[1,[2],"x"]}',
])


def where(fmt, values):
    s = Seed().string(fmt).int_range(len(values), 0, 3)
    for kind, value in values:
        s.int_range(kind, 0, 8)
        if kind in (0,):
            s.string(value)
        elif kind == 1:
            s.int64(value)
        elif kind == 3:
            s.boolean(value)
        elif kind == 5:
            s.boolean(value is not None)
            if value is not None:
                s.string(value)
        elif kind == 6:
            s.int_range(len(value), 0, 4)
            for item in value:
                s.string(item)
        elif kind == 7:
            s.int_range(len(value), 0, 4)
            for item in value:
                s.int_range(item, -2**31, 2**31 - 1)
        elif kind == 8:
            s.int_range(ord(value), -128, 127)
    return s


write("fuzz_where", [
    where("Last_Name = {} AND Active = {}", [(0, "O'Brien"), (3, True)]),
    where("Role IN {} OR PK_ID IN {}", [(6, ["admin", "it's", ""]), (7, [1, 2, 3])]),
    where("Notes = {} AND Age > {}", [(5, None), (1, 42)]),
    where("Code = {} AND Deleted IS {}", [(8, "'"), (4, None)]),
    where("Name LIKE '%{{x}}%' AND Email = {}", [(0, "a'; DROP TABLE x; --")]),
    where("Score = {}", [(2, 0)]),
    where("{}", [(0, "''")]),
])


def url(base, segments, params, tail):
    s = Seed().int_range(base, 0, 2).int_range(len(segments), 0, 4)
    for seg in segments:
        s.string(seg)
    s.int_range(len(params), 0, 3)
    for name, value in params:
        s.string(name).string(value)
    return s.string(tail, last=True)


write("fuzz_url", [
    url(0, ["tables", "Demo_Users", "records"], [("q.where", "Role = 'admin'"), ("q.pageSize", "1000")],
        "https://c1abc123.caspio.com/rest/v2"),
    url(1, ["files", "path"], [("filePath", "/Demo/a b/c.txt")], "http://127.0.0.1:8080/rest/v2"),
    url(2, ["applications", "..", "datapages"], [], "http://localhost/x"),
    url(0, ["a/b?c#d", "%2e%2E", "."], [("a&b", "c=d#e")], "http://[::1]:80/"),
    url(1, ["views", "Ünïcode view"], [], "http://evil.com@127.0.0.1/"),
    url(2, [], [], "HTTP://127.0.0.1.evil.com/"),
])


def http(text):
    return text.replace("\n", "\r\n").encode()


write("fuzz_mock_request", [
    http("GET /rest/v2/tables HTTP/1.1\nHost: f\nAuthorization: Bearer @T\n\n"),
    http("GET /rest/v2/tables/Demo_Physicians/records?q.select=Full_Name,Email&q.where="
         "Office_State%3D%27MI%27&q.orderBy=Full_Name&q.pageSize=5&q.pageNumber=2 HTTP/1.1\n"
         "Host: f\nAuthorization: Bearer @T\nAccept: application/json\n\n"),
    http("POST /rest/v2/tables/Demo_Users/records?response=rows HTTP/1.1\nHost: f\n"
         "Authorization: Bearer @T\nContent-Type: application/json\nContent-Length: @L\n\n"
         '{"Name":"Fuzz","Email":"fuzz@example.com"}'),
    http("PUT /rest/v2/tables/Demo_Users/records?q.where=Name%3D%27Fuzz%27 HTTP/1.1\nHost: f\n"
         "Authorization: Bearer @T\nContent-Type: application/json\nContent-Length: @L\n\n"
         '{"Email":"other@example.com"}'),
    http("DELETE /rest/v2/tables/Demo_Users/records?q.where=Name%3D%27Nobody%27 HTTP/1.1\n"
         "Host: f\nAuthorization: Bearer @T\n\n"),
    http("POST /rest/v2/tables HTTP/1.1\nHost: f\nAuthorization: Bearer @T\n"
         "Content-Type: application/json\nContent-Length: @L\n\n"
         '{"Name":"Fuzz_T","Columns":[{"Name":"Title","Type":"STRING","Unique":false}]}'),
    http("GET /rest/v2/views/Demo_Physicians_MI/records?q.limit=3 HTTP/1.1\nHost: f\n"
         "Authorization: Bearer @T\nAccept: application/xml\n\n"),
    http("GET /rest/v2/applications HTTP/1.1\nHost: f\nAuthorization: Bearer @T\n\n"),
    http("GET /rest/v2/tasks HTTP/1.1\nHost: f\nAuthorization: Bearer @T\n\n"),
    http("GET /rest/v2/files?externalKey= HTTP/1.1\nHost: f\nAuthorization: Bearer @T\n\n"),
    http("POST /rest/v2/files HTTP/1.1\nHost: f\nAuthorization: Bearer @T\n"
         "Content-Type: multipart/form-data; boundary=b\nContent-Length: @L\n\n"
         "--b\nContent-Disposition: form-data; name=\"File\"; filename=\"f.txt\"\n"
         "Content-Type: text/plain\n\nhello\n--b--\n"),
    http("POST /oauth/token HTTP/1.1\nHost: f\nContent-Type: application/x-www-form-urlencoded\n"
         "Content-Length: @L\n\ngrant_type=client_credentials&client_id=caspio-mock-client&"
         "client_secret=caspio-mock-secret"),
    http("GET /rest/v2/tables/Demo_Users/fields/Email HTTP/1.1\nHost: f\n"
         "Authorization: Bearer @T\nTransfer-Encoding: chunked\n\n0\n\n"),
])


def part(name, filename, ctype, content):
    head = f'--fuzzb\r\nContent-Disposition: form-data; name="{name}"'
    if filename is not None:
        head += f'; filename="{filename}"'
    head += "\r\n"
    if ctype:
        head += f"Content-Type: {ctype}\r\n"
    return (head + "\r\n").encode() + content + b"\r\n"


write("fuzz_mock_multipart", [
    part("File", "a.txt", "text/plain", b"hello") + b"--fuzzb--\r\n",
    part("File", "b.png", None, b"\x89PNG\r\n\x1a\n\0\0") + part("note", None, None, b"x")
    + b"--fuzzb--\r\n",
    part("Files", "c d.csv", "text/csv", b"a,b\r\n1,2") + part("Files", "e.json", "application/json",
                                                              b'{"a":1}') + b"--fuzzb--\r\n",
    part("File", "bad/name.txt", "text/plain", b"x") + b"--fuzzb--\r\n",
    part("File", "", "text/plain", b"no name") + b"--fuzzb--\r\n",
])
