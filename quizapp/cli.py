"""Command-line commands: ``flask --app quizapp COMMAND``."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from quizapp.extensions import db
from quizapp.jobqueue import run_worker, runner_name
from quizapp.models import Role
from quizapp.services.accounts import AccountError, create_user, random_password
from quizapp.services.credentials import password_problem
from quizapp.services.seed import seed_first_run


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.STUDENT.value)
@click.option("--password", help="Leave out to have a random one printed.")
@with_appcontext
def create_user_command(username: str, role: str, password: str | None) -> None:
    """Create an account; prints the password when it was generated."""
    chosen = password or random_password()
    problem = password_problem(chosen, username)
    if problem:
        raise click.ClickException(problem)
    try:
        create_user(username, chosen, role)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    db.session.commit()
    click.echo(f"Created {role} {username!r}.")
    if not password:
        click.echo(f"Password: {chosen}")


@click.command("seed")
@with_appcontext
def seed_command() -> None:
    """On an empty database, load the bundled article's quiz and create demo accounts."""
    report = seed_first_run()
    db.session.commit()
    if not report.quizzes and not report.passwords:
        click.echo("Database already has data; nothing loaded.")
        return
    for quiz in report.quizzes:
        click.echo(f"Loaded quiz {quiz.title!r} ({len(quiz.entries)} questions).")
    for username, role, password in report.passwords:
        click.echo(f"Demo {role}: username {username!r}, password {password!r} (shown once)")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run generation jobs from the Redis queue named by JOB_QUEUE_URL."""
    app = current_app._get_current_object()
    if runner_name(app) != "rq":
        raise click.ClickException(
            "Set JOB_QUEUE_URL (QUIZAPP_JOB_QUEUE_URL=redis://...) to use a worker; without it "
            "the app runs jobs itself."
        )
    run_worker(app, burst=burst)


def register_commands(app: Flask) -> None:
    """Attach the commands to ``app.cli``."""
    app.cli.add_command(create_user_command)
    app.cli.add_command(seed_command)
    app.cli.add_command(worker_command)
