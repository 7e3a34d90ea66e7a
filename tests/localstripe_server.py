"""Run localstripe for the suite: on 127.0.0.1 only (its own entry point binds every
interface) and with its state in memory (it would otherwise pickle it to /tmp and load it
back in the next run). Usage: python tests/localstripe_server.py PORT"""

import sys

from aiohttp import web
from localstripe import resources, server

resources.Store.dump_to_disk = lambda self: None
port = int(sys.argv[1])
web.run_app(server.app, host="127.0.0.1", port=port, access_log=None,
            print=lambda *_: print(f"localstripe listening on 127.0.0.1:{port}", flush=True))
