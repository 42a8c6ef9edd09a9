"""Running the service under uvicorn: worker processes, JSON logs, graceful shutdown.

On SIGTERM (or Ctrl-C) uvicorn stops accepting connections, lets the requests in flight finish
(at most the time limit and a margin), then exits; with several workers its supervisor passes the
signal to each.
"""

from __future__ import annotations

import ipaddress
import logging
import logging.config
import os
import socket

from engine.service.logs import LOGGER, logging_config
from engine.service.settings import Settings

APP = "engine.service.app:create_app"


def serve(
    *, host: str, port: int, workers: int, settings: Settings, log_level: str = "info", root_path: str = ""
) -> None:
    import uvicorn

    # Worker processes build the application from the environment (engine.service.settings).
    os.environ.update(settings.environment())
    log = logging.getLogger(LOGGER)
    config = logging_config(log_level)
    logging.config.dictConfig(config)
    if settings.token is None and not _loopback(host):
        log.warning(
            "serving beyond this machine without a token",
            extra={"fields": {"event": "no_token", "host": host, "hint": "set HTQLCL_API_TOKEN"}},
        )
    server_config = uvicorn.Config(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=config,
        log_level=log_level,
        access_log=False,  # the service writes its own, in JSON, with the request id
        http="httptools",
        server_header=False,
        root_path=root_path,
        timeout_graceful_shutdown=int(settings.time_limit) + 5,
    )
    sock = listening_socket(server_config)
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        Multiprocess(server_config, sockets=[sock]).run()
    else:
        server_config.load_app()
        uvicorn.Server(server_config).run(sockets=[sock])


def listening_socket(config) -> socket.socket:
    """uvicorn's socket (bound as `uvicorn.run` binds it), with TCP_NODELAY, which the connections
    accepted from it inherit. uvicorn's own lacks it, and asyncio sets it only on sockets it created:
    without it, an answer's body waits for the client's delayed ACK of its headers (40 ms a request
    with several workers)."""
    sock = config.bind_socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
