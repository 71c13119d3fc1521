"""How well a profile fits each catalog role: the weighted share of the role's skills it shows.

Second step of assessment, after :mod:`.profile`: fit = sum of the importance weights of the
role skills present / sum of all its weights x 100. A role skill is present when the profile
has it, or has a narrower skill whose parent chain reaches it (``via``: PyTorch shows deep
learning). Each verdict carries the resume line behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from certpath.assess.models import Profile, ProfileSkill, RoleFit, SkillVerdict
from certpath.catalog.models import IMPORTANCE_WEIGHT, Role

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog

_MAX_DEPTH = 16  # parent chains are short; this only guards against a cycle in a bad catalog


def ancestors(catalog: Catalog, skill_id: str) -> list[str]:
    """The broader skills a skill implies, nearest first (``amazon-sagemaker`` -> ``aws`` ->
    ``cloud-computing``).

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> ancestors(load_catalog(), "amazon-sagemaker")
        ['aws', 'cloud-computing']
    """
    chain: list[str] = []
    skill = catalog.skills.get(skill_id)
    while skill is not None and skill.parent and len(chain) < _MAX_DEPTH:
        if skill.parent in chain:
            break
        chain.append(skill.parent)
        skill = catalog.skills.get(skill.parent)
    return chain


def implied_by(catalog: Catalog, skills: Iterable[str]) -> dict[str, str]:
    """Every skill shown by ``skills``, mapped to the skill that shows it (itself or the first
    narrower skill, in the given order, whose parent chain reaches it)."""
    own = list(dict.fromkeys(skills))
    shown = dict.fromkeys(own, "")
    for skill in own:
        shown[skill] = skill
    for skill in own:
        for parent in ancestors(catalog, skill):
            shown.setdefault(parent, skill)
    return shown


def role_fit(profile: Profile, role: Role, catalog: Catalog) -> RoleFit:
    """The fit of one role, with a verdict for each of its weighted skills."""
    by_skill: Mapping[str, ProfileSkill] = {s.skill: s for s in profile.skills}
    shown = implied_by(catalog, by_skill)
    present: list[SkillVerdict] = []
    missing: list[SkillVerdict] = []
    total = 0.0
    have = 0.0
    for item in role.skills:
        weight = IMPORTANCE_WEIGHT[item.importance]
        total += weight
        label = catalog.skills[item.skill].label if item.skill in catalog.skills else item.skill
        source = shown.get(item.skill)
        verdict = SkillVerdict(
            skill=item.skill,
            label=label,
            importance=item.importance,
            weight=weight,
            present=source is not None,
            evidence=by_skill[source].evidence if source is not None else None,
            via=None if source in (None, item.skill) else source,
        )
        if source is None:
            missing.append(verdict)
        else:
            have += weight
            present.append(verdict)
    score = round(100 * have / total, 1) if total else 0.0
    return RoleFit(role=role.id, title=role.title, score=score, present=present, missing=missing)


def fit_all(profile: Profile, catalog: Catalog) -> list[RoleFit]:
    """The fit of every catalog role, best first (ties by role id, so the order is stable).

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> from certpath.assess.models import ProfileSkill
        >>> profile = Profile(skills=[ProfileSkill(skill="pytorch")])
        >>> fit = {f.role: f for f in fit_all(profile, load_catalog())}["ml-engineer"]
        >>> [(v.skill, v.via) for v in fit.present]
        [('machine-learning', 'pytorch'), ('pytorch', None), ('deep-learning', 'pytorch')]
    """
    fits = [role_fit(profile, role, catalog) for role in catalog.roles.values()]
    return sorted(fits, key=lambda fit: (-fit.score, fit.role))
