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
    uvicorn.run(
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


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
