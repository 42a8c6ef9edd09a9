"""The HTTP service (`htqlcl serve`): the engine's checks for other systems (a province's one-stop
portal, a steering committee's dashboard), versioned under `/v1`, described by `docs/openapi.json`.

    settings   limits and options, from the environment (each worker process reads them there)
    bodies     a request body's content type, size limit and bytes
    evaluation the work itself, in a bounded thread pool under a time limit
    problems   RFC 9457 problem documents for every refusal
    logs       structured JSON logs: one access line per request, and internal errors with their id
    openapi    the OpenAPI document and its examples
    app        the FastAPI application: routes and wiring
    server     uvicorn: workers, logging, graceful shutdown
"""
