"""Air-quality stations, readings and raw payloads (see docs/architecture.md)."""
