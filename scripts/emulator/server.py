#!/usr/bin/env python3
"""Local AWS emulator: moto's server with the Cognito Identity extension.

Serves cognito-identity, cognito-idp, sts and iam (and anything else moto
knows) for any region on 127.0.0.1; cognito-idp's updates replace what they
are not sent, as the service does (idp_fidelity.py), and it answers the
device, sign-in event and linked-provider operations moto lacks (idp_admin.py,
which also serves the private seed route POST /_emulator/cognito-idp/seed,
apart from the AWS API). moto routes each request by its
X-Amz-Target header or the service name in the SigV4 credential scope
(Authorization: ... Credential=<key>/<date>/<region>/<service>/aws4_request),
so clients just point their endpoint at the printed URL.

Prints exactly one line to stdout, ``http://127.0.0.1:PORT``, once the
server answers requests; logs go to stderr (requests only with --verbose).

    python3 scripts/emulator/server.py [--port N] [--watch-parent] [--verbose]
"""

import argparse
import http.client
import logging
import os
import sys

# Read before moto's imports, which take seconds on a busy machine: a parent that exits during
# them must still be seen to go (--watch-parent).
STARTED_BY = os.getppid()
import threading

# Accept any region name a client sends, not only the ones botocore knows.
os.environ.setdefault("MOTO_ALLOW_NONEXISTENT_REGION", "true")

from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

from moto.moto_server.werkzeug_app import (  # noqa: E402
    DomainDispatcherApplication,
    create_backend_app,
)

import cognito_emulator  # noqa: E402
import idp_admin  # noqa: E402
import idp_auth  # noqa: E402
import identity_credentials  # noqa: E402
import idp_fidelity  # noqa: E402
import idp_listing  # noqa: E402
from lifecycle import Lifetime  # noqa: E402
from moto import backends as moto_backends  # noqa: E402


def cache_module_list() -> None:
    """moto lists its own install folder on every request to route it (about 190 file checks
    under a global lock); the folder does not change while we run, so list it once."""
    modules = tuple(moto_backends.list_of_moto_modules())
    moto_backends.list_of_moto_modules = lambda: modules

HOST = "127.0.0.1"

# Requests made once at start-up: they prove the server answers and build
# moto's per-service Flask apps and backends (IAM's loads its managed policies,
# which takes a moment) before any client is waiting.
_WARM_UP = [
    ("sts", "Action=GetCallerIdentity&Version=2011-06-15", None),
    ("iam", "Action=ListRoles&Version=2010-05-08", None),
    ("cognito-identity", '{"MaxResults": 1}', "AWSCognitoIdentityService.ListIdentityPools"),
    ("cognito-idp", '{"MaxResults": 1}', "AWSCognitoIdentityProviderService.ListUserPools"),
]


class QuietRequestHandler(WSGIRequestHandler):
    """werkzeug's handler without the per-request access log."""

    verbose = False

    def log_request(self, *args, **kwargs):
        if self.verbose:
            super().log_request(*args, **kwargs)


def warm_up(port: int) -> None:
    for service, body, target in _WARM_UP:
        headers = {
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"
                             f"20240101/us-east-1/{service}/aws4_request, "
                             "SignedHeaders=host, Signature=0",
        }
        if target:
            headers["X-Amz-Target"] = target
            headers["Content-Type"] = "application/x-amz-json-1.1"
        else:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        try:
            conn.request("POST", "/", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"warm-up {service} answered HTTP {response.status}")
        finally:
            conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port to listen on (default 0: pick a free one)")
    parser.add_argument("--watch-parent", action="store_true",
                        help="exit when the parent process goes away")
    parser.add_argument("--verbose", action="store_true",
                        help="log every request to stderr")
    args = parser.parse_args()

    # stdout carries only the URL line: anything moto prints goes to stderr.
    url_out = sys.stdout
    sys.stdout = sys.stderr
    logging.basicConfig(stream=sys.stderr,
                        level=logging.INFO if args.verbose else logging.WARNING)
    if not args.verbose:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
    QuietRequestHandler.verbose = args.verbose

    lifetime = Lifetime(args.watch_parent, parent=STARTED_BY)

    cognito_emulator.install()
    idp_fidelity.install()
    idp_admin.install()
    idp_auth.install()
    identity_credentials.install()
    idp_listing.install()
    cache_module_list()
    app = idp_admin.with_private_routes(DomainDispatcherApplication(create_backend_app))
    server = make_server(HOST, args.port, app, threaded=True,
                         request_handler=QuietRequestHandler)
    port = server.server_port
    thread = threading.Thread(target=server.serve_forever, name="moto-server", daemon=True)
    thread.start()

    try:
        warm_up(port)
    except Exception as error:  # the server can't serve: say why and fail
        print(f"emulator failed to start: {error}", file=sys.stderr)
        server.shutdown()
        return 1

    print(f"http://{HOST}:{port}", file=url_out, flush=True)

    lifetime.wait_then_close(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
