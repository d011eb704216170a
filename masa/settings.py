"""masa settings: one module, driven by environment variables read once here."""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("MASA_DEBUG", False)
# MASA_TESTING counts only inside the test runner: set by mistake on a server it must not
# weaken anything (no development key, HTTPS settings kept).
TESTING = env_bool("MASA_TESTING", False) and "pytest" in sys.modules
# mypy's Django plugin imports these settings to type-check: it needs no real key either.
TYPE_CHECKING_RUN = "mypy" in sys.modules
LOCAL = DEBUG or TESTING or TYPE_CHECKING_RUN

# Production refuses to start without a long random key; only a local demo (MASA_DEBUG=1) or
# the test runner falls back to a development key (docs/security.md, "Settings").
SECRET_KEY_MIN_LENGTH = 50
DEVELOPMENT_SECRET_KEY = "masa-insecure-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("MASA_SECRET_KEY", "")
if not SECRET_KEY and LOCAL:
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not SECRET_KEY:
    raise RuntimeError(
        "MASA_SECRET_KEY is not set. Production refuses to start without a secret key; "
        "set MASA_DEBUG=1 for a local demo."
    )
elif not LOCAL and (len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH or len(set(SECRET_KEY)) < 5):
    raise RuntimeError(
        f"MASA_SECRET_KEY is too short or too simple: use at least {SECRET_KEY_MIN_LENGTH} random "
        "characters, for example from: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("MASA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("MASA_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
SITE_URL = os.environ.get("MASA_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "auditlog",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "masa.core",
    "masa.accounts",
    "masa.partnership",
    "masa.structure",
    "masa.audit",
    "masa.governance",
    "masa.actions",
    "masa.incidents",
    "masa.returns",
    "masa.reviews",
    "masa.assurance",
    "masa.effectiveness",
    "masa.scrutiny",
    "masa.case_audits",
    "masa.escalations",
    "masa.restraint",
    "masa.training",
    "masa.case_discussions",
    "masa.briefings",
    "masa.indicators",
    "masa.dashboards",
    "masa.bank_holidays",
    "masa.search",
    "masa.voice",
    "masa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "masa.audit.actor.AuditActorMiddleware",
    "masa.accounts.middleware.SessionIdleTimeoutMiddleware",
    "masa.accounts.middleware.RequireMfaMiddleware",
    "masa.core.middleware.NoStoreWhenSignedInMiddleware",
]

ROOT_URLCONF = "masa.urls"
WSGI_APPLICATION = "masa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "masa" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masa.accounts.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("MASA_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# masa's own wording for text that django-allauth renders (docs/architecture.md, "Wording of
# third-party pages"): GOV.UK sentence case and plain English, as British English "translations".
LOCALE_PATHS = [BASE_DIR / "masa" / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "build" / "staticfiles"
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# GOV.UK Frontend is copied from node_modules by `make assets` (never by hand).
STATICFILES_DIRS = [BASE_DIR / "masa" / "static", BASE_DIR / "build" / "vendor"]
# The precompiled GOV.UK CSS asks for fonts and images at /assets/.
WHITENOISE_ROOT = BASE_DIR / "build" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MASA_MEDIA_ROOT", BASE_DIR / "media"))

# Sessions: signed-in users are signed out after 8 hours, or 30 minutes idle.
SESSION_COOKIE_AGE = int(os.environ.get("MASA_SESSION_SECONDS", str(8 * 60 * 60)))
SESSION_IDLE_SECONDS = int(os.environ.get("MASA_SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Requests: refuse oversized bodies with a plain 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MASA_MAX_FORM_BYTES", str(2 * 1024 * 1024)))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MASA_MAX_UPLOAD_BYTES = int(os.environ.get("MASA_MAX_UPLOAD_BYTES", str(100 * 1024 * 1024)))
# Statutory returns (CIN census, SSDA903): the largest file accepted by an upload or an import.
MASA_RETURN_UPLOAD_MAX_BYTES = int(os.environ.get("MASA_RETURN_UPLOAD_MAX_BYTES", str(100 * 1024 * 1024)))
# Where uploaded return files wait for the worker; shared by the web server and the worker.
MASA_RETURN_UPLOAD_DIR = os.environ.get("MASA_RETURN_UPLOAD_DIR") or None

if not LOCAL:
    SECURE_SSL_REDIRECT = env_bool("MASA_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# allauth: sign in by email; no open sign-up (users are invited).
ACCOUNT_ADAPTER = "masa.accounts.adapter.MasaAccountAdapter"
ACCOUNT_FORMS = {"login": "masa.accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {
    # Lock out after 5 failed sign-ins for the same account within 15 minutes.
    "login_failed": os.environ.get("MASA_LOGIN_FAILED_LIMIT", "10/m/ip,5/15m/key"),
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "masa: "
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "/accounts/login/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "masa"
# Roles that must use a second factor: business team, LSP, DSP, scrutineer (docs/domain.md,
# "5. Roles"; administrators too, see docs/security.md, "Second factor").
MASA_MFA_ROLES = ("business_team", "lsp", "dsp", "scrutineer")

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("MASA_FROM_EMAIL", "masa@localhost")
GOVUK_NOTIFY_API_KEY = os.environ.get("GOVUK_NOTIFY_API_KEY", "")
GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID = os.environ.get("GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID", "")
if GOVUK_NOTIFY_API_KEY:
    EMAIL_BACKEND = "django_gov_notify.backends.NotifyEmailBackend"
if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend"
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "contenttypes",
    "auditlog",
    "django_tasks_db",
    "ninja",
    "account.emailconfirmation",
    # Recording that one has read published learning is itself the record (docs/domain.md, "10.").
    "briefings.learningread",
    # The record of a sent email is itself the log (masa.core.models.SentEmail).
    "core.sentemail",
)
AUDITLOG_DISABLE_REMOTE_ADDR = False

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("MASA_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["MASA_REDIS_URL"],
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MASA_LOG_LEVEL", "INFO")},
}

API_TOKEN_TTL = timedelta(days=int(os.environ.get("MASA_API_TOKEN_DAYS", "365")))
