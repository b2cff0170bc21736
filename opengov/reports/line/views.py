"""``POST /line/webhook``: the LINE platform's calls (outside the language prefixes, no CSRF —
the signature on the raw body authenticates LINE)."""

from __future__ import annotations

import logging
from collections import Counter

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from linebot.v3.exceptions import InvalidSignatureError

from opengov.reports.line.client import line_enabled, line_ready
from opengov.reports.line.webhook import events_process, webhook_parse

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def line_webhook(request: HttpRequest) -> HttpResponse:
    """404 while the channel is off (no secret), 503 without the access token, 400 for a wrong
    signature or a body that is not a webhook (nothing processed), else 200 with the counts of
    handled, ignored and duplicate events."""
    if not line_enabled():
        raise Http404
    if not line_ready():
        return HttpResponse("LINE channel access token missing", status=503)
    try:
        events = webhook_parse(
            body=request.body,
            signature=request.headers.get("X-Line-Signature", ""),
            channel_secret=settings.LINE_CHANNEL_SECRET,
        )
    except InvalidSignatureError:
        logger.warning("LINE webhook with an invalid signature refused")
        return HttpResponse("invalid signature", status=400)
    except ValueError:
        return HttpResponse("not a LINE webhook body", status=400)
    base_url = settings.OPENGOV_PUBLIC_URL or request.build_absolute_uri("/").rstrip("/")
    outcomes = events_process(events, base_url=base_url)
    return JsonResponse(dict(Counter(outcome.result for outcome in outcomes)))
