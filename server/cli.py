"""The ``sourcemark`` command: serve, worker, analyze, token, user, db."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import click

from worker.config import database_url, redis_url


def _session():
    from worker.store import session_scope

    return session_scope()


@click.group()
def main() -> None:
    """sourcemark: attributed statements and unverifiable claims in news articles."""


# --- db -------------------------------------------------------------------------------------


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply all migrations to DATABASE_URL (default: SQLite in the instance folder)."""
    from worker.store.migrate import upgrade

    upgrade()
    click.echo(f"database is up to date: {_safe_url(database_url())}")


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


# --- tokens and users -----------------------------------------------------------------------


@main.group()
def token() -> None:
    """API tokens."""


@token.command("create")
@click.option("--name", required=True, help="What the token is for, e.g. 'my-laptop'.")
@click.option(
    "--role", type=click.Choice(["reader", "editor", "admin"]), default="reader", show_default=True
)
@click.option("--user", "email", default=None, help="Owner's email (default: a user per role).")
def token_create(name: str, role: str, email: str | None) -> None:
    """Create an API token; the token is the last word printed."""
    from worker.store.accounts import create_token, get_or_create_user
    from worker.store.migrate import upgrade

    upgrade()
    with _session() as session:
        user = get_or_create_user(session, email or f"{role}@localhost", role)
        plain = create_token(session, user, name)
    click.echo(f"created {role} token '{name}' for {user.email}: {plain}")


@token.command("revoke")
@click.argument("prefix_or_name")
def token_revoke(prefix_or_name: str) -> None:
    """Revoke tokens by name or by their printed prefix."""
    from worker.store.accounts import revoke_token

    with _session() as session:
        count = revoke_token(session, prefix_or_name)
    click.echo(f"revoked {count} token(s)")
    if not count:
        sys.exit(1)


@token.command("list")
def token_list() -> None:
    """List tokens (names, prefixes, owners; never the tokens themselves)."""
    from sqlalchemy import select

    from worker.store.models import ApiToken

    with _session() as session:
        rows = list(session.scalars(select(ApiToken).order_by(ApiToken.id)))
        if not rows:
            click.echo("no tokens yet: sourcemark token create --name NAME")
            return
        prefix = len(rows[0].prefix) + 1  # the prefix and its ellipsis
        click.echo(f"{'PREFIX':{prefix}}  {'NAME':20}  {'OWNER':30} {'ROLE':7} STATE")
        for row in rows:
            state = "revoked" if row.revoked_at else "active"
            owner = f"{row.user.email:30} {row.user.role:7}"
            click.echo(f"{row.prefix}…  {row.name:20}  {owner} {state}")


@main.group()
def user() -> None:
    """Accounts for the editors' web view."""


@user.command("create")
@click.argument("email")
@click.option(
    "--role", type=click.Choice(["reader", "editor", "admin"]), default="editor", show_default=True
)
def user_create(email: str, role: str) -> None:
    """Create a user; the password comes from SOURCEMARK_PASSWORD or a prompt."""
    from worker.store.accounts import create_user
    from worker.store.migrate import upgrade

    password = os.environ.get("SOURCEMARK_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    if len(password) < 8:
        raise click.ClickException("the password must have at least 8 characters")
    upgrade()
    with _session() as session:
        try:
            created = create_user(session, email, role, password)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"created {created.role} {created.email}")


# --- published fact-checks -----------------------------------------------------------------


@main.group()
def factchecks() -> None:
    """Published fact-checks (schema.org ClaimReview JSON-LD)."""


@factchecks.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def factchecks_import(files: tuple[str, ...]) -> None:
    """Import ClaimReviews from JSON-LD files (a review, an array, a @graph or a DataFeed).

    All or nothing: when any item of any file is malformed, each problem is listed and nothing
    is imported. Importing the same review again (same URL and claim) updates it.
    """
    from worker.factchecks.claimreview import Parsed, parse_text
    from worker.factchecks.store import import_reviews
    from worker.store.claim_features_backfill import BATCH
    from worker.store.claim_features_backfill import write as write_features
    from worker.store.migrate import upgrade

    parsed: list[tuple[str, Parsed]] = []
    problems: list[str] = []
    for name in files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{name}: file: cannot be read ({_reason(exc)})")
            continue
        result = parse_text(text, name)
        problems.extend(str(e) for e in result.errors)
        parsed.append((name, result))
    if problems:
        for line in problems:
            click.echo(line, err=True)
        raise click.ClickException(f"{count(len(problems), 'problem')} found: nothing was imported")
    upgrade()
    found: list[dict] = []
    with _session() as session:
        totals = [0, 0, 0, 0]
        for name, result in parsed:
            done = import_reviews(session, [r for _, r in result.reviews], Path(name).name)
            for i, n in enumerate((done.added, done.updated, done.unchanged, done.matched)):
                totals[i] += n
            found += done.features
            click.echo(f"{name}: {count(len(result.reviews), 'review')}")
    # The candidates parsed for want of stored features: stored now, after the import, in
    # short transactions of their own (workers may be writing features too).
    for at in range(0, len(found), BATCH):
        with _session() as session:
            write_features(session, found[at : at + BATCH])
    added, updated, unchanged, matched = totals
    click.echo(
        f"imported: {added:,} new, {updated:,} updated, {unchanged:,} unchanged; "
        f"{count(matched, 'finding')} newly reached"
    )


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(exc, "strerror", None) or type(exc).__name__


# --- claims across articles ---------------------------------------------------------------


@main.group()
def claims() -> None:
    """Claims across articles (the store's claim matching)."""


@claims.command("backfill-features")
@click.option(
    "--batch",
    default=200,
    show_default=True,
    type=click.IntRange(1, 5000),
    help="Findings parsed and written per transaction.",
)
@click.option(
    "--limit", default=None, type=click.IntRange(min=1), help="Stop after this many findings."
)
def claims_backfill_features(batch: int, limit: int | None) -> None:
    """Store match features for findings that have none (stored before migration 0009) or
    have them from an older matcher.

    Without them matching parses each such finding every time it meets it. Safe while workers
    run (short transactions; a row a worker made current is left); stop it any time and run it
    again to go on.
    """
    import time

    from worker.store import get_sessionmaker
    from worker.store.claim_features_backfill import BackfillResult, backfill
    from worker.store.migrate import upgrade

    upgrade()
    started = time.monotonic()

    def progress(result: BackfillResult, wanted: int) -> None:
        done = result.written + result.skipped
        rate = done / max(time.monotonic() - started, 1e-6)
        left = (wanted - done) / rate if rate else 0.0
        click.echo(
            f"{done:,}/{wanted:,} findings: {result.written:,} written, "
            f"{result.skipped:,} already had them or were deleted; "
            f"{rate:,.0f}/s, about {left:,.0f} s left"
        )

    result = backfill(get_sessionmaker(database_url()), batch=batch, limit=limit, progress=progress)
    click.echo(
        f"done: {count(result.written, 'finding')} given features; "
        f"{result.remaining:,} still without"
    )


# --- serve and worker -----------------------------------------------------------------------


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    default=None,
    type=int,
    help="Web processes (distributed mode only; embedded mode uses one).",
)
def serve(host: str, port: int, workers: int | None) -> None:
    """Run the server (gunicorn). Without REDIS_URL, analyses run inside it."""
    from worker.store.migrate import upgrade

    upgrade()
    embedded = redis_url() is None
    first_token = _first_run_token()
    url = f"http://{host}:{port}"
    click.echo(f"sourcemark is serving at {url}")
    click.echo(f"database: {_safe_url(database_url())}")
    click.echo(
        "analyses run in this process (no REDIS_URL set)"
        if embedded
        else "analyses are queued for `sourcemark worker` processes"
    )
    if first_token:
        click.echo(
            textwrap.dedent(f"""
            First start: an API token for the browser extension was created.
            In the extension's options set  Server URL: {url}  and  API token:
              {first_token}
            (it is shown only once; `sourcemark token create --name NAME` makes more)
        """)
        )
    _run_gunicorn(host, port, 1 if embedded else (workers or (os.cpu_count() or 1) * 2 + 1))


def _first_run_token() -> str | None:
    from worker.store.accounts import create_token, get_or_create_user, token_count

    with _session() as session:
        if token_count(session):
            return None
        owner = get_or_create_user(session, "reader@localhost", "reader")
        return create_token(session, owner, "extension")


def _run_gunicorn(host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in {
                "bind": f"{host}:{port}",
                "workers": workers,
                "worker_class": "gthread",
                "threads": 8,
                "timeout": 60,
                "graceful_timeout": 10,
                "accesslog": os.environ.get("SOURCEMARK_ACCESS_LOG") or None,
                "loglevel": "warning",
            }.items():
                self.cfg.set(key, value)

        def load(self):  # noqa: ANN202
            from server import create_app

            app = create_app({"EMBEDDED_SWEEPER": True})
            if redis_url() is None:
                # Analyses run in this process: load the model now rather than on the reader's
                # first click (a second or more). get_nlp holds a lock, so a click arriving
                # meanwhile waits for this load instead of starting another.
                from worker.pipeline.nlp import get_nlp

                threading.Thread(target=get_nlp, name="sourcemark-model", daemon=True).start()
            return app

    Server().run()


@main.command(context_settings={"ignore_unknown_options": True})
@click.option("--concurrency", "-c", default=None, type=int, help="Processes (default: cores).")
@click.option(
    "--beat/--no-beat",
    default=True,
    show_default=True,
    help="Also run the sweeper that re-queues lost or abandoned analyses.",
)
@click.argument("celery_args", nargs=-1, type=click.UNPROCESSED)
def worker(concurrency: int | None, beat: bool, celery_args: tuple[str, ...]) -> None:
    """Run a Celery worker consuming analyses from REDIS_URL."""
    if redis_url() is None:
        raise click.ClickException(
            "REDIS_URL is not set: `sourcemark serve` runs analyses itself "
            "in that case, no worker is needed."
        )
    from worker.store.migrate import upgrade
    from worker.tasks.celery_app import celery_app

    upgrade()
    argv = ["worker", "--loglevel=INFO"]
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    # Beat's schedule file is scratch state (the sweep is idempotent): it goes with the worker.
    with tempfile.TemporaryDirectory(prefix="sourcemark-beat-") as scratch:
        if beat:
            argv += ["--beat", f"--schedule={Path(scratch) / 'schedule'}"]
        celery_app.worker_main(argv + list(celery_args))


# --- analyze --------------------------------------------------------------------------------


@main.command()
@click.argument("source", type=click.File("rb"))
@click.option("--url", default=None, help="The page's address (for metadata).")
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
def analyze(source, url: str | None, as_json: bool) -> None:  # noqa: ANN001
    """Analyse an HTML file (or - for standard input) without a server."""
    from worker.pipeline import analyze as run
    from worker.pipeline.errors import PipelineError

    try:
        # Bytes, not text: the extractor reads the page's own charset declaration.
        result = run(source.read(), url)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(_report(result))


def count(n: int, noun: str) -> str:
    """``1 word``, ``2 words``: every noun the report counts takes a plain -s."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _report(result) -> str:  # noqa: ANN001
    art = result.article
    lines = [art.title or "(untitled)"]
    meta = " · ".join(x for x in (art.byline, art.published, art.site) if x)
    if meta:
        lines.append(meta)
    from worker.vocabulary import Kind

    attributions = [f for f in result.findings if f.kind == Kind.ATTRIBUTION]
    unverified = [f for f in result.findings if f.kind == Kind.UNVERIFIED]
    lines.append(
        f"{count(len(art.text.split()), 'word')} · "
        f"{count(len(attributions), 'attributed statement')} · "
        f"{count(len(unverified), 'unverifiable claim')}"
    )
    for finding in result.findings:
        lines.append("")
        label = finding.type.replace("_", " ")
        head = f"[{finding.id}] {finding.kind}: {label}"
        if finding.speaker:
            who = finding.speaker.name or finding.speaker.text
            if finding.speaker.role:
                who += f" ({finding.speaker.role})"
            if finding.speaker.anonymous:
                who += " (anonymous)"
            head += f" — speaker: {who}"
        if finding.cue:
            head += f" — cue: “{finding.cue.text}”"
        lines.append(head)
        lines.extend(
            textwrap.wrap(finding.text, 96, initial_indent="    ", subsequent_indent="    ")
        )
        for reason in finding.reasons:
            lines.extend(
                textwrap.wrap(
                    f"why: {reason.explanation}",
                    96,
                    initial_indent="    ",
                    subsequent_indent="         ",
                )
            )
    return "\n".join(lines)
