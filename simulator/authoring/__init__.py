"""The authoring toolkit, without a UI: validate, cross-check, test, explore, draw and
scaffold scenarios and personas, and generate their reference documentation."""

__all__: list[str] = []
