"""``certpath skills``: list, search and show the skills taxonomy."""

from __future__ import annotations

import typer
from rich.markup import escape

from certpath.api import Navigator
from certpath.catalog.models import Skill, SkillGroup, SkillType
from certpath.cli.render import emit_json, stdout, table

app = typer.Typer(help="Browse the skills taxonomy.", no_args_is_help=True)


def skill_json(skill: Skill) -> dict[str, object]:
    """The compact JSON form of a skill used by list and search."""
    return {
        "id": skill.id,
        "label": skill.label,
        "group": skill.group.value,
        "type": skill.type.value,
        "aliases": [alias.text for alias in skill.aliases],
        "parent": skill.parent,
    }


@app.command("list")
def list_(
    ctx: typer.Context,
    group: SkillGroup | None = typer.Option(None, "--group"),
    type_: SkillType | None = typer.Option(None, "--type"),
    json_: bool = typer.Option(
        False, "--json", help="Print JSON: id, label, group, type, aliases, parent."
    ),
) -> None:
    """List skills, filtered by group and type.

    Example:

        certpath skills list --group generative-ai --json
    """
    nav: Navigator = ctx.obj
    skills = nav.skills(group.value if group else None, type_.value if type_ else None)
    if json_:
        emit_json([skill_json(skill) for skill in skills])
        return
    stdout().print(
        table(
            f"{len(skills)} skill(s)",
            ["id", "label", "group", "type", "aliases", "parent"],
            (
                (s.id, s.label, s.group.value, s.type.value, len(s.aliases), s.parent)
                for s in skills
            ),
        )
    )


@app.command()
def search(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="A label, alias or part of one."),
    limit: int = typer.Option(20, "--limit", min=1),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Find skills by label or alias (exact, prefix, substring, then close spellings).

    Example:

        certpath skills search sklearn
    """
    nav: Navigator = ctx.obj
    found = nav.search_skills(text, limit)
    if json_:
        emit_json(
            [
                {**skill_json(s), "matched": form, "score": round(score, 3)}
                for s, form, score in found
            ]
        )
        return
    if not found:
        stdout().print(f"No skill matches {escape(repr(text))}.")
        raise typer.Exit(code=1)
    stdout().print(
        table(
            f"Skills matching {text!r}",
            ["id", "label", "group", "matched", "score"],
            ((s.id, s.label, s.group.value, form, f"{score:.2f}") for s, form, score in found),
        )
    )


@app.command()
def show(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="Skill id, label or alias."),
    json_: bool = typer.Option(False, "--json", help="Print JSON (every field)."),
) -> None:
    """Show a skill: its surface forms, context rules, the phrases that name it before a
    list, parent, children, the skills its name spells out (a stack) and crosswalks.

    Example:

        certpath skills show r
    """
    nav: Navigator = ctx.obj
    skill = nav.skill(key)
    children = nav.children(skill.id)
    if json_:
        emit_json({**skill.model_dump(mode="json"), "children": [c.id for c in children]})
        return
    console = stdout()
    console.print(f"[bold]{skill.label}[/] ({skill.id}) · {skill.group.value} · {skill.type.value}")
    if skill.description:
        console.print(skill.description)
    if skill.parent:
        console.print(f"parent: {skill.parent}")
    if skill.includes:
        console.print("names each of: " + ", ".join(skill.includes))
    if children:
        console.print("narrower: " + ", ".join(c.id for c in children))
    rows = []
    for alias in skill.surface_forms():
        rule = ""
        if alias.context:
            ctx_ = alias.context
            parts = []
            if ctx_.cues:
                parts.append(f"needs one of {', '.join(ctx_.cues)} within {ctx_.window} chars")
            if ctx_.not_before:
                parts.append(f"not before {', '.join(repr(t) for t in ctx_.not_before)}")
            if ctx_.not_after:
                parts.append(f"not after {', '.join(repr(t) for t in ctx_.not_after)}")
            rule = "; ".join(parts)
        rows.append(
            (
                alias.text,
                "yes" if alias.case_sensitive else "",
                "yes" if alias.ambiguous else "",
                rule,
            )
        )
    console.print(table("Surface forms", ["form", "case-sensitive", "ambiguous", "context"], rows))
    for phrase in skill.lists:
        console.print(
            f"also named by {', '.join(repr(t) for t in phrase.after)} (any tense) followed by a "
            f"list of {phrase.at_least} or more of: {', '.join(phrase.items)}"
        )
    cross = skill.crosswalk
    links = [
        ("ESCO", cross.esco_uri),
        (
            "O*NET",
            f"{cross.onet.example} ({cross.onet.commodity_code} {cross.onet.commodity_title})"
            if cross.onet
            else None,
        ),
        ("Stack Overflow tag", cross.stackoverflow_tag),
    ]
    for name, value in links:
        if value:
            console.print(f"{name}: {value}")
