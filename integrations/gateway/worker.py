"""One worker process of ``aplguard serve --workers N``, started by :func:`.server.serve`.

It serves on the listening socket it inherited (``--fd``) with the config it reads as
JSON from stdin. It is its own process owner: it sets torch's thread count like the
single-process ``serve`` command does. Its environment (from the serve command) holds
``PROMETHEUS_MULTIPROC_DIR``, so prometheus-client counts in multiprocess mode from
its first import on.
"""

from __future__ import annotations

import argparse
import socket
import sys

import uvicorn

from .app import create_app
from .config import GatewayConfig
from .server import uvicorn_config


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="aplguard-gateway-worker", description=__doc__)
    parser.add_argument("--fd", type=int, required=True, help="the inherited listening socket")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    config = GatewayConfig.model_validate_json(sys.stdin.buffer.read())
    pc = config.pipeline
    threads = pc.torch_threads or (1 if pc.model == "toy" else None)
    if threads and pc.enabled:
        import torch

        torch.set_num_threads(threads)
    sock = socket.socket(fileno=args.fd)
    app = create_app(config)
    uvicorn.Server(uvicorn_config(app, config, args.host, args.port, log_level=args.log_level)).run(sockets=[sock])


if __name__ == "__main__":
    main()
