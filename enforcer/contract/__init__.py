"""The contract: what people write (bans, waivers, the configuration) and what programs read (the JSON report).

pydantic models, imported only where something is validated or a schema is
printed: a check whose ban table is already validated and cached never
imports this package. `validate` turns raw data into models and every problem
into a line in the project's own words (`enforcer.contract._words`).
"""

from __future__ import annotations

from enforcer.contract._words import Problem, validate

__all__ = ["Problem", "validate"]
