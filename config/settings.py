"""Settings for the opengov platform. Every value comes from the environment with a safe default.

DEBUG is off unless the dev runner (./run) turns it on; outside DEBUG a secret key must be given.
See docs/deploy.md for the full list of variables.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    env_bool,
    env_int,
    env_list,
    env_month_day_range,
    env_secret,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

_DEV_SECRET_KEY = "dev-only-insecure-key-for-the-local-runner-never-use-in-production"  # noqa: S105 - DEBUG only
SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE) must be set when DJANGO_DEBUG is off."
        )
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_tasks",
    "opengov.core.task_queue.TaskQueueConfig",
    "opengov.core",
    "opengov.geo",
    "opengov.accounts",
    "opengov.airquality",
    "opengov.hotspots",
    "opengov.budgeting",
    "opengov.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "opengov.accounts.middleware.PrivacyConsentMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opengov.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; a busy timeout avoids "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "opengov_language"
LANGUAGE_COOKIE_SECURE = not DEBUG and env_bool("OPENGOV_SECURE", True)
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("OPENGOV_MEDIA_ROOT", str(BASE_DIR / "media")))
_S3_BUCKET = env_str("OPENGOV_MEDIA_S3_BUCKET")
STORAGES = {
    # Uploaded media: local disk by default, any S3-compatible object store when a bucket is named.
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": _S3_BUCKET,
                "endpoint_url": env_str("OPENGOV_MEDIA_S3_ENDPOINT_URL") or None,
                "region_name": env_str("OPENGOV_MEDIA_S3_REGION") or None,
                "access_key": env_secret("OPENGOV_MEDIA_S3_ACCESS_KEY") or None,
                "secret_key": env_secret("OPENGOV_MEDIA_S3_SECRET_KEY") or None,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
        if _S3_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("OPENGOV_STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

_REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
        if _REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "ingest"],
    }
}

if DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "opengov <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Transport security: on by default outside DEBUG; OPENGOV_SECURE=0 only for plain-HTTP test rigs.
_SECURE = not DEBUG and env_bool("OPENGOV_SECURE", True)
SECURE_SSL_REDIRECT = _SECURE
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000) if _SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("OPENGOV_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("OPENGOV_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Where the real public reference and demo data live (shared/data beside the project by default).
_default_data_dir = BASE_DIR.parent / "shared" / "data"
OPENGOV_DATA_DIR = Path(env_str("OPENGOV_DATA_DIR", str(_default_data_dir)))
OPENGOV_HTTP_TIMEOUT = env_int("OPENGOV_HTTP_TIMEOUT", 60)
OPENAQ_API_KEY = env_secret("OPENAQ_API_KEY")
FIRMS_MAP_KEY = env_secret("FIRMS_MAP_KEY")
# LINE Messaging API channel of the reports: without the channel secret /line/webhook answers 404
# (channel off); with the secret but no access token it answers 503 (LINE redelivers later).
LINE_CHANNEL_SECRET = env_secret("LINE_CHANNEL_SECRET")
LINE_CHANNEL_ACCESS_TOKEN = env_secret("LINE_CHANNEL_ACCESS_TOKEN")
# Absolute address of the site for links sent outside a web page (LINE messages).
OPENGOV_PUBLIC_URL = env_str("OPENGOV_PUBLIC_URL").rstrip("/")

NINJA_PAGINATION_PER_PAGE = 100
# Hotspots: a detection is linked to the nearest public risk place (power plant, factory, sugar
# mill) within this many km; 0 switches the link off.
HOTSPOTS_RISK_PLACE_RADIUS_KM = env_int("HOTSPOTS_RISK_PLACE_RADIUS_KM", 5)
# Burning season for "season to date" and repeated-burn counts: MM-DD..MM-DD in Thai time
# (GISTDA reports 1 January – 31 May; a window may cross the new year, e.g. 12-01..05-31).
HOTSPOTS_SEASON = env_month_day_range("HOTSPOTS_SEASON", "01-01..05-31")
