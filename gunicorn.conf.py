"""gunicorn's settings for Stockroom, read by gunicorn from the working directory (the
Dockerfile, compose and the benchmarks all start it from the project's root).

gunicorn answers what it refuses before the app sees it (a request line longer than its
limit: 414; a header holding a NUL or other invalid bytes: 400) with an HTML page. The
contract says every error is JSON, so its error writer is replaced with one that writes the
contract's error shape. In production a proxy in front (nginx, a load balancer) must do the
same for what it refuses itself (docs/runbook.md).
"""

import json

from gunicorn import util

# gunicorn's own maximum: a longer request line is a JSON 414.
limit_request_line = 8190


def _write_json_error(sock, status_int, reason, mesg):
    body = json.dumps({"code": status_int, "status": reason,
                       "message": str(mesg or reason)}).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + body)


util.write_error = _write_json_error
