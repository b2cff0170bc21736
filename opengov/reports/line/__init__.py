"""The LINE Messaging API channel of the reports: a bot that takes a report in a chat (category →
location → photos → confirm), and pushes every later status change to the reporter.

``views.line_webhook`` (``/line/webhook``) checks the signature on the raw body and hands the events
to ``webhook.events_process``; the conversation lives in ``conversation``; photo downloads and
status pushes run as background tasks (``tasks``); ``notify`` registers the ``line`` notifier.
Reports are made and read only through the reports services and selectors."""
