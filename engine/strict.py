"""The base of every input model (facts files and rule files): strict about keys, immutable."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


class Strict(BaseModel):
    """Unknown keys are errors (`extra="forbid"`, reported per key with its path), except the
    user's own `x_…` annotations, which are dropped before validation: they carry no facts."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _drop_annotations(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for k in data:  # a plain loop: this runs for every record of every facts file
                if isinstance(k, str) and k.startswith("x_"):
                    return {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x_"))}
        return data
