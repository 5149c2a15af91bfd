"""A capture server on 127.0.0.1: records every request (method, path, query, headers, JSON
body) and answers with the smallest response that lets the SDK call complete."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Captured:
    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers  # lower-cased names
        self.body = body


def _sse(frames):
    """frames: (event name or None, data string)."""
    out = []
    for event, data in frames:
        if event:
            out.append(f"event: {event}\n")
        out.append(f"data: {data}\n\n")
    return "".join(out).encode()


def _chat(body):
    model = body.get("model", "m")
    if body.get("stream"):
        chunk = lambda delta, finish: json.dumps({
            "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        })
        return "text/event-stream", _sse([
            (None, chunk({"role": "assistant", "content": "ok"}, None)),
            (None, chunk({}, "stop")),
            (None, "[DONE]"),
        ])
    return "application/json", json.dumps({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }).encode()


def _responses(body):
    return "application/json", json.dumps({
        "id": "resp_1", "object": "response", "created_at": 0, "status": "completed",
        "model": body.get("model", "m"),
        "output": [{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                    "content": [{"type": "output_text", "text": "ok", "annotations": []}]}],
        "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
    }).encode()


def _messages(body):
    model = body.get("model", "m")
    message = {"id": "msg_1", "type": "message", "role": "assistant", "model": model,
               "content": [], "stop_reason": None, "stop_sequence": None,
               "usage": {"input_tokens": 1, "output_tokens": 1}}
    if body.get("stream"):
        events = [
            {"type": "message_start", "message": message},
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            {"type": "ping"},
            {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}},
            {"type": "content_block_stop", "index": 0},
            {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
             "usage": {"output_tokens": 1}},
            {"type": "message_stop"},
        ]
        return "text/event-stream", _sse([(e["type"], json.dumps(e)) for e in events])
    message.update(content=[{"type": "text", "text": "ok"}], stop_reason="end_turn")
    return "application/json", json.dumps(message).encode()


ANSWERS = {
    "/v1/chat/completions": _chat,
    "/v1/responses": _responses,
    "/v1/messages": _messages,
    "/v1/messages/count_tokens": lambda body: ("application/json", b'{"input_tokens": 7}'),
}


class CaptureServer:
    def __init__(self):
        self.requests = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                url = urlsplit(self.path)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode(errors="replace")
                with server._lock:
                    server.requests.append(Captured(
                        "post", url.path, url.query,
                        {k.lower(): v for k, v in self.headers.items()}, body))
                answer = ANSWERS.get(url.path)
                if answer is None or not isinstance(body, dict):
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                content_type, payload = answer(body)
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):  # keep the report readable
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()

    def take(self):
        """Returns and forgets the requests captured so far."""
        with self._lock:
            taken, self.requests = self.requests, []
        return taken
