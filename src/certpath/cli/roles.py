"""``certpath roles``: list roles and show one with its skills, certifications and codes."""

from __future__ import annotations

import typer

from certpath.api import Navigator
from certpath.catalog.models import IMPORTANCE_WEIGHT, Importance
from certpath.cli.render import emit_json, stdout, table

app = typer.Typer(help="Browse ML/AI roles and the career graph.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the roles.

    Example:

        certpath roles list --json
    """
    nav: Navigator = ctx.obj
    roles = nav.roles()
    if json_:
        emit_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "family": r.family,
                    "seniority": [s.value for s in r.seniority],
                    "onet_soc": r.onet_soc,
                    "esco_uri": r.esco_uri,
                }
                for r in roles
            ]
        )
        return
    stdout().print(
        table(
            f"{len(roles)} role(s)",
            ["id", "title", "family", "seniority", "O*NET SOC", "skills"],
            (
                (
                    r.id,
                    r.title,
                    r.family,
                    f"{r.seniority[0].value}–{r.seniority[1].value}",
                    r.onet_soc,
                    len(r.skills),
                )
                for r in roles
            ),
        )
    )


@app.command()
def show(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="Role id or title."),
    json_: bool = typer.Option(False, "--json", help="Print JSON (every field)."),
) -> None:
    """Show a role: focus, day-to-day work, weighted skills, certifications, codes, moves.

    Example:

        certpath roles show ml-engineer
    """
    nav: Navigator = ctx.obj
    role = nav.role(key)
    edges = nav.transitions_of(role.id)
    if json_:
        emit_json(
            {
                **role.model_dump(mode="json"),
                "transitions": [e.model_dump(mode="json") for e in edges],
            }
        )
        return
    console = stdout()
    console.print(
        f"[bold]{role.title}[/] ({role.id}) · {role.family} · "
        f"{role.seniority[0].value}–{role.seniority[1].value}"
    )
    console.print(role.focus)
    console.print("Day to day:")
    for item in role.day_to_day:
        console.print(f"  • {item}")
    for level in Importance:
        skills = [item.skill for item in role.skills if item.importance == level]
        if skills:
            console.print(
                f"[bold]{level.value}[/] (weight {IMPORTANCE_WEIGHT[level]:g}): "
                + ", ".join(skills)
            )
    if role.certifications:
        console.print(
            table(
                "Best-fit certifications",
                ["ecosystem", "stage", "in order"],
                (
                    (p.ecosystem.value, p.stage.value, " → ".join(p.certs))
                    for p in role.certifications
                ),
            )
        )
    console.print(f"O*NET: {role.onet_soc} {role.onet_title}")
    console.print(f"ESCO: {role.esco_title} <{role.esco_uri}>")
    if edges:
        console.print(
            table(
                "Career moves",
                ["from", "to", "years", "skills the move needs"],
                (
                    (e.source, e.target, f"{e.years_low:g}–{e.years_high:g}", ", ".join(e.skills))
                    for e in edges
                ),
            )
        )


@app.command()
def classify(
    ctx: typer.Context,
    titles: list[str] = typer.Argument(..., help="Job titles (quote each one)."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Classify job titles to a catalog role (or none) and a seniority, with a confidence.

    Example:

        certpath roles classify "Senior Machine Learning Engineer" "Data Analyst II" --json
    """
    nav: Navigator = ctx.obj
    results = nav.classify_titles(titles)
    if json_:
        emit_json([result.to_dict() for result in results])
        return
    stdout().print(
        table(
            None,
            ["title", "role", "seniority", "confidence"],
            (
                (r.title, r.role or "none", r.seniority.value, f"{r.confidence:.2f}")
                for r in results
            ),
        )
    )
