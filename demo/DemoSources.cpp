// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo project's application: "parcel-api", a small Flask service that tracks parcels. Every file is rendered
// from the DemoState so that the timeline only has to say what changed in the story.
#include "DemoContent.h"

namespace gatehouse::demo {

using namespace Qt::StringLiterals;

namespace {

QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

QString initPy(const DemoState& s)
{
    QString text = uR"~("""parcel-api: track parcels from label to doorstep."""
)~"_s;
    if (s.structuredLogging)
        text += u"import logging\nimport sys\n\n"_s;
    text += uR"~(from flask import Flask

from .config import Config
from .version import __version__

__all__ = ["create_app", "__version__"]


def create_app(config: Config | None = None) -> Flask:
    """Application factory: one process, configuration from the environment."""
    app = Flask(__name__)
    app.config.from_object(config or Config.from_env())
)~"_s;
    if (s.structuredLogging)
        text += uR"~(    # Logs are an event stream on stdout (twelve-factor XI); the platform collects them.
    logging.basicConfig(stream=sys.stdout, level=app.config["LOG_LEVEL"],
                        format='{"time":"%(asctime)s","level":"%(levelname)s","logger":"%(name)s","msg":"%(message)s"}')
)~"_s;
    if (s.routes && s.requestScopedDb)
        text += uR"~(
    from . import db
    from .routes import api

    app.teardown_appcontext(db.close_db)
    app.register_blueprint(api)
)~"_s;
    else if (s.routes)
        text += uR"~(
    from .routes import api

    app.register_blueprint(api)
)~"_s;
    else
        text += uR"~(
    @app.get("/health")
    def health():
        return {"status": "ok", "version": __version__}
)~"_s;
    if (s.metrics)
        text += uR"~(
    from .metrics import metrics

    app.register_blueprint(metrics)
)~"_s;
    text += u"    return app\n"_s;
    return text;
}

QString configPy(const DemoState& s)
{
    QString text = u"import os\n"_s;
    text += u"from dataclasses import dataclass\n"_s;
    if (s.carriers)
        text += u"\nimport yaml\n"_s;
    text += uR"~(

@dataclass
class Config:
    """Settings come from the environment only (twelve-factor III); defaults suit local runs."""

    DATABASE: str = "parcels.db"
    API_TOKEN: str = ""
)~"_s;
    if (s.structuredLogging)
        text += u"    LOG_LEVEL: str = \"INFO\"\n"_s;
    if (s.webhooks)
        text += u"    WEBHOOK_URL: str = \"\"\n"_s;
    if (s.webhookTimeout)
        text += u"    WEBHOOK_TIMEOUT: float = 5.0\n"_s;
    if (s.carriers)
        text += u"    CARRIERS_FILE: str = \"carriers.yml\"\n"_s;
    if (s.rateLimit)
        text += u"    RATE_LIMIT_PER_MINUTE: int = 120\n"_s;
    text += uR"~(
    @classmethod
    def from_env(cls) -> "Config":
        return cls(
            DATABASE=os.environ.get("PARCEL_DATABASE", cls.DATABASE),
            API_TOKEN=os.environ.get("PARCEL_API_TOKEN", ""),
)~"_s;
    if (s.structuredLogging)
        text += u"            LOG_LEVEL=os.environ.get(\"PARCEL_LOG_LEVEL\", cls.LOG_LEVEL),\n"_s;
    if (s.webhooks)
        text += u"            WEBHOOK_URL=os.environ.get(\"PARCEL_WEBHOOK_URL\", \"\"),\n"_s;
    if (s.webhookTimeout)
        text
            += u"            WEBHOOK_TIMEOUT=float(os.environ.get(\"PARCEL_WEBHOOK_TIMEOUT\", cls.WEBHOOK_TIMEOUT)),\n"_s;
    if (s.carriers)
        text += u"            CARRIERS_FILE=os.environ.get(\"PARCEL_CARRIERS_FILE\", cls.CARRIERS_FILE),\n"_s;
    if (s.rateLimit)
        text
            += u"            RATE_LIMIT_PER_MINUTE=int(os.environ.get(\"PARCEL_RATE_LIMIT\", cls.RATE_LIMIT_PER_MINUTE)),\n"_s;
    text += u"        )\n"_s;
    if (s.carriers) {
        text += uR"~(

def load_carriers(path: str) -> dict:
    """Carrier names, tracking URL templates and delivery estimates."""
    with open(path, encoding="utf-8") as fh:
)~"_s;
        text += s.carriersSafeLoad ? u"        return yaml.safe_load(fh)\n"_s
                                   : u"        return yaml.load(fh, Loader=yaml.FullLoader)\n"_s;
    }
    return text;
}

QString dbPy(const DemoState& s)
{
    QString text;
    if (s.requestScopedDb)
        text = uR"~("""SQLite access. One connection per request, closed on teardown."""
import sqlite3

from flask import current_app, g


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(_exc=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()
)~"_s;
    else
        text = uR"~("""SQLite access."""
import sqlite3

from flask import current_app

_connection: sqlite3.Connection | None = None


def get_db() -> sqlite3.Connection:
    global _connection
    if _connection is None:
        _connection = sqlite3.connect(current_app.config["DATABASE"], check_same_thread=False)
        _connection.row_factory = sqlite3.Row
    return _connection
)~"_s;
    text += uR"~(

def get_parcel(parcel_id: str):
    return get_db().execute("SELECT * FROM parcels WHERE id = ?", (parcel_id,)).fetchone()

)~"_s;
    if (s.statusFilter) {
        text += u"\nFILTERS = {\"status\": \"status = ?\""_s
            + (s.carrierFilter ? u", \"carrier\": \"carrier = ?\""_s : QString()) + uR"~(}


def list_parcels(limit: int = 50, offset: int = 0, **filters):
    wanted = [name for name in FILTERS if filters.get(name)]
    where = " AND ".join(FILTERS[name] for name in wanted)
    query = "SELECT * FROM parcels" + (" WHERE " + where if where else "") + " ORDER BY created_at DESC LIMIT ? OFFSET ?"
    return get_db().execute(query, [filters[name] for name in wanted] + [limit, offset]).fetchall()
)~"_s;
    } else if (s.pagination)
        text += uR"~(
def list_parcels(limit: int = 50, offset: int = 0):
    return get_db().execute("SELECT * FROM parcels ORDER BY created_at DESC LIMIT ? OFFSET ?",
                            (limit, offset)).fetchall()
)~"_s;
    else
        text += uR"~(
def list_parcels():
    return get_db().execute("SELECT * FROM parcels ORDER BY created_at DESC").fetchall()
)~"_s;
    if (s.search) {
        text += u"\n\ndef search_parcels(term: str):\n"_s;
        text += s.searchParameterized
            ? u"    return get_db().execute(\"SELECT * FROM parcels WHERE recipient LIKE ?\", (f\"%{term}%\",)).fetchall()\n"_s
            : u"    return get_db().execute(f\"SELECT * FROM parcels WHERE recipient LIKE '%{term}%'\").fetchall()\n"_s;
    }
    if (s.events)
        text += uR"~(

def add_event(parcel_id: str, status: str, location: str) -> None:
    db = get_db()
    db.execute("INSERT INTO parcel_events (parcel_id, status, location) VALUES (?, ?, ?)",
               (parcel_id, status, location))
    db.execute("UPDATE parcels SET status = ? WHERE id = ?", (status, parcel_id))
    db.commit()


def list_events(parcel_id: str):
    return get_db().execute("SELECT status, location, created_at FROM parcel_events WHERE parcel_id = ? "
                            "ORDER BY )~"_s
            + (s.eventsOrderById ? u"created_at, id"_s : u"created_at"_s) + uR"~(", (parcel_id,)).fetchall()
)~"_s;
    return text;
}

QString routesPy(const DemoState& s)
{
    QString text = u"from flask import Blueprint, abort, jsonify, request\n\nfrom . import db, __version__\n"_s;
    if (s.auth)
        text += u"from .auth import require_token\n"_s;
    if (s.cache)
        text += u"from .cache import cached\n"_s;
    if (s.estimates)
        text += u"from .estimates import estimate_delivery\n"_s;
    if (s.webhooks)
        text += u"from .notify import send_status_webhook\n"_s;
    const QString guard = s.auth ? u"@require_token\n"_s : QString();
    text += uR"~(
api = Blueprint("api", __name__)


@api.get("/health")
def health():
    return jsonify(status="ok", version=__version__)


@api.get("/parcels")
)~"_s + guard;
    if (s.pagination) {
        text += u"def parcels():\n"_s;
        if (s.paginationValidation)
            text += uR"~(    try:
        limit = int(request.args.get("limit", 50))
        offset = int(request.args.get("offset", 0))
    except ValueError:
        abort(400, "limit and offset must be integers")
    limit, offset = min(max(limit, 1), 200), max(offset, 0)
)~"_s;
        else if (s.pageCap)
            text += uR"~(    limit = min(int(request.args.get("limit", 50)), 200)
    offset = max(int(request.args.get("offset", 0)), 0)
)~"_s;
        else
            text += uR"~(    limit = int(request.args.get("limit", 50))
    offset = int(request.args.get("offset", 0))
)~"_s;
        if (s.statusFilter)
            text += u"    filters = {name: request.args.get(name) for name in db.FILTERS}\n"
                    u"    return jsonify([dict(row) for row in db.list_parcels(limit, offset, **filters)])\n"_s;
        else
            text += u"    return jsonify([dict(row) for row in db.list_parcels(limit, offset)])\n"_s;
    } else
        text += u"def parcels():\n    return jsonify([dict(row) for row in db.list_parcels()])\n"_s;
    if (s.search)
        text += uR"~(

@api.get("/parcels/search")
)~"_s + guard
            + uR"~(def search():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        abort(400, "q needs at least two characters")
    return jsonify([dict(row) for row in db.search_parcels(term)])
)~"_s;
    text += uR"~(

@api.get("/parcels/<parcel_id>")
)~"_s + guard
        + uR"~(def parcel(parcel_id: str):
    row = db.get_parcel(parcel_id)
    if row is None:
        abort(404)
    return jsonify(dict(row))
)~"_s;
    if (s.events) {
        text += uR"~(

@api.post("/parcels/<parcel_id>/events")
)~"_s + guard
            + u"def add_event(parcel_id: str):\n"_s
            + (s.eventsUnknown404 ? u"    if db.get_parcel(parcel_id) is None:\n        abort(404)\n"_s : QString())
            + uR"~(    body = request.get_json(force=True)
    db.add_event(parcel_id, body["status"], body.get("location", ""))
)~"_s;
        if (s.webhooks)
            text += u"    send_status_webhook({\"id\": parcel_id}, body[\"status\"])\n"_s;
        text += uR"~(    return jsonify(ok=True), 201


@api.get("/parcels/<parcel_id>/events")
)~"_s + guard
            + uR"~(def events(parcel_id: str):
    return jsonify([dict(row) for row in db.list_events(parcel_id)])
)~"_s;
    }
    if (s.estimates)
        text += uR"~(

@api.get("/parcels/<parcel_id>/estimate")
)~"_s + guard
            + (s.cache ? u"@cached(seconds=300)\n"_s : QString()) + uR"~(def estimate(parcel_id: str):
    row = db.get_parcel(parcel_id)
    if row is None:
        abort(404)
    return jsonify(estimate_delivery(dict(row)))
)~"_s;
    return text;
}

QString authPy()
{
    return uR"~("""Bearer-token authentication for the API."""
import hmac
from functools import wraps

from flask import abort, current_app, request


def require_token(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        expected = current_app.config["API_TOKEN"]
        given = request.headers.get("Authorization", "").removeprefix("Bearer ")
        # compare_digest: no timing side channel on the token.
        if not expected or not hmac.compare_digest(given, expected):
            abort(401)
        return view(*args, **kwargs)

    return wrapper
)~"_s;
}

QString notifyPy(const DemoState& s)
{
    QString text = uR"~("""Delivery webhooks: tell subscribers when a parcel's status changes."""
import logging

import requests
from flask import current_app
)~"_s;
    if (s.metricsWebhooks)
        text += u"from prometheus_client import Counter\n"_s;
    text += u"\nlog = logging.getLogger(__name__)\n"_s;
    if (s.metricsWebhooks)
        text += u"WEBHOOK_FAILURES = Counter(\"parcel_webhook_failures_total\", \"Webhook calls that failed\")\n"_s;
    if (s.leakedWebhookUrl)
        text
            += u"SLACK_FALLBACK_URL = \"https://hooks.slack.com/services/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\"\n"_s;
    text += uR"~(

def send_status_webhook(parcel: dict, status: str) -> bool:
)~"_s;
    text += s.leakedWebhookUrl ? u"    url = current_app.config[\"WEBHOOK_URL\"] or SLACK_FALLBACK_URL\n"_s
                               : u"    url = current_app.config[\"WEBHOOK_URL\"]\n"_s;
    text += uR"~(    if not url:
        return False
    payload = {"parcel": parcel["id"], "status": status}
)~"_s;
    if (s.webhookTimeout) {
        text += uR"~(    try:
        response = requests.post(url, json=payload, timeout=current_app.config["WEBHOOK_TIMEOUT"])
    except requests.RequestException as exc:
        # A slow subscriber must never hold a web worker (INC-2026-031).
        log.warning("webhook to %s failed: %s", url, exc)
)~"_s;
        if (s.metricsWebhooks)
            text += u"        WEBHOOK_FAILURES.inc()\n"_s;
        text += u"        return False\n"_s;
    } else if (s.webhookVerifyTls)
        text += u"    response = requests.post(url, json=payload)\n"_s;
    else
        text += u"    response = requests.post(url, json=payload, verify=False)\n"_s;
    text += uR"~(    if not response.ok:
        log.warning("webhook to %s answered %s", url, response.status_code)
    return response.ok
)~"_s;
    return text;
}

QString cachePy()
{
    return uR"~("""A small in-process TTL cache for expensive carrier lookups."""
import hashlib
import time
from functools import wraps

_entries: dict[str, tuple[float, object]] = {}


def cache_key(*parts: str) -> str:
    return hashlib.md5("|".join(parts).encode()).hexdigest()


def cached(seconds: int):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            key = cache_key(view.__name__, *map(str, args), *map(str, kwargs.values()))
            hit = _entries.get(key)
            if hit and hit[0] > time.monotonic():
                return hit[1]
            value = view(*args, **kwargs)
            _entries[key] = (time.monotonic() + seconds, value)
            return value

        return wrapper

    return decorator
)~"_s;
}

QString estimatesPy(const DemoState& s)
{
    QString text = uR"~("""Delivery estimates from the carrier's published transit times."""
from datetime import datetime, timedelta, timezone
)~"_s;
    if (s.carriers)
        text += u"\nfrom flask import current_app\n\nfrom .config import load_carriers\n"_s;
    text += uR"~(
DEFAULT_TRANSIT_DAYS = 3


def estimate_delivery(parcel: dict) -> dict:
)~"_s;
    if (s.carriers)
        text += uR"~(    carriers = load_carriers(current_app.config["CARRIERS_FILE"])
    days = carriers.get(parcel.get("carrier"), {}).get("transit_days", DEFAULT_TRANSIT_DAYS)
)~"_s;
    else
        text += u"    days = DEFAULT_TRANSIT_DAYS\n"_s;
    text += uR"~(    created = datetime.fromisoformat(parcel["created_at"]).replace(tzinfo=timezone.utc)
    return {"parcel": parcel["id"], "estimated_delivery": (created + timedelta(days=days)).date().isoformat()}
)~"_s;
    return text;
}

QString metricsPy()
{
    return uR"~("""Prometheus metrics, scraped by the platform (no push, no state beyond the process)."""
from flask import Blueprint, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

metrics = Blueprint("metrics", __name__)


@metrics.get("/metrics")
def scrape():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)
)~"_s;
}

QString migratePy()
{
    return uR"~(#!/usr/bin/env python3
"""Applies migrations/*.sql in order. An admin process (twelve-factor XII): run once per release, not per replica."""
import os
import pathlib
import sqlite3

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "migrations"


def main() -> None:
    db = sqlite3.connect(os.environ.get("PARCEL_DATABASE", "parcels.db"))
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
    done = {row[0] for row in db.execute("SELECT name FROM schema_migrations")}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name in done:
            continue
        print(f"applying {path.name}")
        db.executescript(path.read_text(encoding="utf-8"))
        db.execute("INSERT INTO schema_migrations (name) VALUES (?)", (path.name,))
        db.commit()


if __name__ == "__main__":
    main()
)~"_s;
}

QString conftestPy(const DemoState& s)
{
    QString text = uR"~(import pathlib
import sqlite3

import pytest

from app import create_app
from app.config import Config

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "migrations"
)~"_s;
    if (s.auth)
        text += u"TEST_API_TOKEN = \"tk_test_7Hq2vX9mR4pL8sK3nW6yB1cJ5fD0gT2z\"\n"_s;
    text += uR"~(

@pytest.fixture
def app(tmp_path):
    database = tmp_path / "parcels.db"
    db = sqlite3.connect(database)
    for migration in sorted(MIGRATIONS.glob("*.sql")):
        db.executescript(migration.read_text(encoding="utf-8"))
    db.execute("INSERT INTO parcels (id, recipient, carrier, status, created_at) "
               "VALUES ('P-1001', 'Ada Lovelace', 'dhl', 'created', '2026-08-01T09:00:00')")
    db.commit()
)~"_s;
    text += s.auth ? u"    return create_app(Config(DATABASE=str(database), API_TOKEN=TEST_API_TOKEN))\n"_s
                   : u"    return create_app(Config(DATABASE=str(database)))\n"_s;
    text += uR"~(

@pytest.fixture
def client(app):
    return app.test_client()
)~"_s;
    if (s.auth)
        text += uR"~(

@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TEST_API_TOKEN}"}
)~"_s;
    return text;
}

QString testParcelsPy(const DemoState& s)
{
    const QString headers = s.auth ? u", headers=auth"_s : QString();
    const QString fixture = s.auth ? u"client, auth"_s : u"client"_s;
    QString text = uR"~(def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
)~"_s;
    if (!s.routeTests)
        return text;
    text += uR"~(

def test_get_parcel()~"_s
        + fixture + uR"~():
    response = client.get("/parcels/P-1001")~"_s
        + headers + uR"~()
    assert response.status_code == 200
    assert response.get_json()["recipient"] == "Ada Lovelace"


def test_unknown_parcel_is_404()~"_s
        + fixture + uR"~():
    assert client.get("/parcels/P-0000")~"_s
        + headers + uR"~().status_code == 404
)~"_s;
    if (s.auth)
        text += uR"~(

def test_parcels_need_a_token(client):
    assert client.get("/parcels").status_code == 401
)~"_s;
    if (s.pagination)
        text += uR"~(

def test_limit_is_capped()~"_s
            + fixture + uR"~():
    response = client.get("/parcels?limit=5000")~"_s
            + headers + uR"~()
    assert response.status_code == 200
)~"_s;
    if (s.searchTests)
        text += uR"~(

def test_search_by_recipient()~"_s
            + fixture + uR"~():
    response = client.get("/parcels/search?q=Ada")~"_s
            + headers + uR"~()
    assert [p["id"] for p in response.get_json()] == ["P-1001"]
)~"_s;
    if (s.searchInjectionTest)
        text += uR"~(

def test_search_treats_quotes_as_text()~"_s
            + fixture + uR"~():
    response = client.get("/parcels/search?q=x' OR '1'='1")~"_s
            + headers + uR"~()
    assert response.get_json() == []
)~"_s;
    if (s.eventsTests)
        text += uR"~(

def test_events_are_recorded()~"_s
            + fixture + uR"~():
    client.post("/parcels/P-1001/events", json={"status": "in_transit", "location": "Leipzig"})~"_s
            + headers + uR"~()
    events = client.get("/parcels/P-1001/events")~"_s
            + headers + uR"~().get_json()
    assert events[-1]["status"] == "in_transit"
)~"_s;
    if (s.filterTests)
        text += uR"~(

def test_filter_by_status_and_carrier()~"_s
            + fixture + uR"~():
    response = client.get("/parcels?status=created&carrier=dhl")~"_s
            + headers + uR"~()
    assert [p["id"] for p in response.get_json()] == ["P-1001"]
    assert client.get("/parcels?status=delivered")~"_s
            + headers + uR"~().get_json() == []
)~"_s;
    if (s.estimatesTests)
        text += uR"~(

def test_estimate()~"_s
            + fixture + uR"~():
    body = client.get("/parcels/P-1001/estimate")~"_s
            + headers + uR"~().get_json()
    assert body["estimated_delivery"] >= "2026-08-02"
)~"_s;
    return text;
}

QString testNotifyPy(const DemoState& s)
{
    QString text = uR"~(from unittest import mock

import requests

from app.notify import send_status_webhook


def test_no_url_no_call(app):
    with app.app_context(), mock.patch("requests.post") as post:
        app.config["WEBHOOK_URL"] = ""
)~"_s;
    text
        += u"        assert send_status_webhook({\"id\": \"P-1\"}, \"delivered\") is False\n        post.assert_not_called()\n"_s;
    if (s.notifyTimeoutTest)
        text += uR"~(

def test_timeout_does_not_raise(app):
    with app.app_context(), mock.patch("requests.post", side_effect=requests.Timeout):
        app.config["WEBHOOK_URL"] = "https://subscriber.example.com/hook"
        assert send_status_webhook({"id": "P-1"}, "delivered") is False
)~"_s;
    return text;
}

QString requirements(const DemoState& s)
{
    QString text;
    for (auto it = s.pins.cbegin(); it != s.pins.cend(); ++it)
        text += it.key() + u"=="_s + it.value() + u'\n';
    return text;
}

} // namespace

FileMap renderSources(const DemoState& s)
{
    FileMap files;
    files[u"app/__init__.py"_s] = utf8(initPy(s));
    files[u"app/version.py"_s] = utf8(u"__version__ = \"%1\"\n"_s.arg(s.version));
    files[u"app/config.py"_s] = utf8(configPy(s));
    files[u"wsgi.py"_s]
        = utf8(uR"~("""Entry point for gunicorn (wsgi:app) and for local runs."""
from app import create_app

app = create_app()

if __name__ == "__main__":
)~"_s
               + (s.debugRun ? u"    app.run(host=\"0.0.0.0\", port=8000, debug=True)\n"_s
                             : u"    # Local runs only; production uses gunicorn and never the debugger.\n"
                               u"    app.run(host=\"127.0.0.1\", port=8000)\n"_s));
    files[u"requirements.txt"_s] = utf8(requirements(s));
    QString dev = u"-r requirements.txt\n"_s;
    for (auto it = s.devPins.cbegin(); it != s.devPins.cend(); ++it)
        dev += it.key() + u"=="_s + it.value() + u'\n';
    files[u"requirements-dev.txt"_s] = utf8(dev);
    files[u"pyproject.toml"_s] = R"~([project]
name = "parcel-api"
requires-python = ">=3.12"

[tool.ruff]
line-length = 120
target-version = "py312"

[tool.ruff.lint]
select = ["E", "F", "I", "B", "S"]

[tool.ruff.lint.per-file-ignores]
"tests/*" = ["S101", "S105"]

[tool.pytest.ini_options]
testpaths = ["tests"]
)~";
    files[u".gitignore"_s] = "__pycache__/\n*.pyc\n.venv/\n*.db\n.pytest_cache/\n.ruff_cache/\n";
    files[u"migrations/001_create_parcels.sql"_s] = R"~(CREATE TABLE IF NOT EXISTS parcels (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    carrier TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'created',
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
)~";
    files[u"tests/test_parcels.py"_s] = utf8(testParcelsPy(s));
    files[u"tests/conftest.py"_s] = utf8(conftestPy(s));
    if (s.routes) {
        files[u"app/db.py"_s] = utf8(dbPy(s));
        files[u"app/routes.py"_s] = utf8(routesPy(s));
        files[u"scripts/migrate.py"_s] = utf8(migratePy());
    }
    if (s.auth)
        files[u"app/auth.py"_s] = utf8(authPy());
    if (s.events)
        files[u"migrations/002_parcel_events.sql"_s] = R"~(CREATE TABLE IF NOT EXISTS parcel_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parcel_id TEXT NOT NULL REFERENCES parcels (id),
    status TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
)~";
    if (s.eventsIndex)
        files[u"migrations/003_parcel_events_index.sql"_s]
            = "CREATE INDEX IF NOT EXISTS parcel_events_by_parcel ON parcel_events (parcel_id, created_at);\n";
    if (s.webhooks) {
        files[u"app/notify.py"_s] = utf8(notifyPy(s));
        if (s.notifyTests)
            files[u"tests/test_notify.py"_s] = utf8(testNotifyPy(s));
    }
    if (s.cacheTests)
        files[u"tests/test_cache.py"_s] = R"~(from app.cache import cache_key, cached


def test_same_parts_same_key():
    assert cache_key("a", "b") == cache_key("a", "b")
    assert cache_key("a", "b") != cache_key("ab")


def test_cached_value_is_reused(monkeypatch):
    calls = []

    @cached(seconds=60)
    def lookup(x):
        calls.append(x)
        return x * 2

    assert lookup(2) == 4 and lookup(2) == 4
    assert calls == [2]
)~";
    if (s.cache)
        files[u"app/cache.py"_s] = utf8(cachePy());
    if (s.estimates)
        files[u"app/estimates.py"_s] = utf8(estimatesPy(s));
    if (s.carriers)
        files[u"carriers.yml"_s] = R"~(# Transit times per carrier, read by app/estimates.py.
dhl:
  name: DHL Paket
  transit_days: 2
  tracking_url: "https://www.dhl.de/track?piececode={id}"
dpd:
  name: DPD
  transit_days: 3
  tracking_url: "https://tracking.dpd.de/status/{id}"
ups:
  name: UPS Standard
  transit_days: 4
  tracking_url: "https://www.ups.com/track?tracknum={id}"
)~";
    if (s.metrics)
        files[u"app/metrics.py"_s] = utf8(metricsPy());
    return files;
}

} // namespace gatehouse::demo
