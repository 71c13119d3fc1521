"""The root ``certpath`` command: global options, error rendering, and the noun sub-commands."""

from __future__ import annotations

from typing import Any

import typer
from pydantic import ValidationError
from typer._click.core import Context  # the Context class Typer's groups are typed with
from typer.core import TyperGroup

from certpath import __version__
from certpath.api import Navigator
from certpath.cli import catalog, certs, market, roles, skills
from certpath.cli.extract import extract
from certpath.cli.plan import assess, plan
from certpath.cli.render import print_error
from certpath.errors import CertpathError, InputError
from certpath.settings import Settings


class _ErrorsForPeople(TyperGroup):
    """Turns a CertpathError raised by any command into a red message and exit code 1."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except CertpathError as exc:
            if ctx.params.get("debug"):
                raise
            print_error(exc)
            raise typer.Exit(code=1) from None


app = typer.Typer(
    name="certpath",
    cls=_ErrorsForPeople,
    help="Plan a career in machine learning and AI, with evidence for every line.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"certpath {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks instead of short errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Plan a career in machine learning and AI, with evidence for every line."""
    ctx.obj = Navigator(read_settings())


def read_settings() -> Settings:
    """The settings from the config file and environment, or an InputError naming the bad one."""
    try:
        return Settings()
    except ValidationError as exc:
        bad = "; ".join(
            f"CERTPATH_{'_'.join(str(part) for part in error['loc']).upper()}: {error['msg']}"
            for error in exc.errors(include_url=False)
        )
        raise InputError(
            f"invalid setting ({bad}); fix the environment variable or the config file"
        ) from None


app.add_typer(catalog.app, name="catalog")
app.add_typer(certs.app, name="certs")
app.add_typer(skills.app, name="skills")
app.add_typer(roles.app, name="roles")
app.add_typer(market.app, name="market")
app.command("extract")(extract)
app.command("plan")(plan)
app.command("assess")(assess)


def main() -> None:
    """Console-script entry point."""
    app()
