"""`flask regelingen create-admin`: the first account of a fresh install (a platform administrator)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from staff.accounts.models import Account, Role
from staff.accounts.secrets import hash_password, password_problem
from staff.audit import record
from staff.db import db
from views.catalog import cli


@click.command("create-admin")
@click.argument("email")
@click.option("--naam", "name", default="Beheerder", help="De naam die in de geschiedenis staat.")
@click.option("--gemeente", "municipality", help="Een beheerder van deze gemeente in plaats van een platformbeheerder.")
@click.password_option("--wachtwoord", "password", prompt="Wachtwoord", confirmation_prompt="Nog een keer")
@with_appcontext
def create_admin_command(email: str, name: str, municipality: str | None, password: str) -> None:
    """Maak een beheerdersaccount. Bij de eerste keer inloggen koppelt u een authenticator-app."""
    email = email.strip().lower()
    problem = password_problem(password)
    if problem:
        raise click.ClickException(problem)
    if db.session.scalar(db.select(Account).filter_by(email=email)):
        raise click.ClickException(f"er is al een account met {email}")
    role = Role.BEHEERDER if municipality else Role.PLATFORM
    db.session.add(
        Account(
            email=email, name=name, role=role.value, municipality=municipality, password_hash=hash_password(password)
        )
    )
    record("account_gemaakt", municipality=municipality, target=email, detail=f"{role.value} (opdrachtregel)")
    db.session.commit()
    click.echo(
        f"Account {email} gemaakt ({role.value}). Log in op /beheer/inloggen en koppel daar uw authenticator-app."
    )


def init_app(app: Flask) -> None:
    """Add `create-admin` to the `flask regelingen` group."""
    cli.add_command(create_admin_command)
