"""Project-wide pytest fixtures: the personas (citizen, officers of agencies A and B, moderator,
platform admin, anonymous) live in opengov/accounts/testing.py."""

pytest_plugins = ["opengov.accounts.testing"]
