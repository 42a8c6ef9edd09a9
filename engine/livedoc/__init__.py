"""The living documentation: the clause register, the rules and the feature scenarios with their last
results, as a static site and as Markdown that a legal reviewer reads (`python cli.py report`).

One job per module: `features` reads the scenarios, `runner` runs them, `results` joins their outcomes,
`vocabulary` lists the step sentences, `site` models the pages, `html` and `markdown` render them,
`build` puts it together.
"""
