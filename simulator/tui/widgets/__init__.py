"""Small widgets, one per module, each named after what it shows."""

__all__: list[str] = []
