"""Participatory budgeting: pure (Django-free) building blocks.

* ``opengov.budgeting.pabulib`` reads and writes Pabulib ``.pb`` files with exact money.
* ``opengov.budgeting.counting`` counts a round with the declared rule (greedy variants, Method of
  Equal Shares with Add1 / Add1u completion and the comparison step) and explains every decision.

The Django app (models, pages) is built on top of these modules and may import them; these modules
never import Django.
"""
