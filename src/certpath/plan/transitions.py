"""How to get from the current role to the target: the shortest path through the career graph.

Third step of planning. The catalog's transitions are a directed graph of role moves, each
with the typical years in the source role before the move; the path is the one with the
fewest typical years (midpoint of each move's range), found with Dijkstra's algorithm. Ties
go to fewer moves, then to the alphabetically first route, so the answer is stable.
"""

from __future__ import annotations

import heapq
import itertools
from typing import TYPE_CHECKING

from certpath.plan.models import TransitionStep

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog
    from certpath.catalog.models import Transition


def transition_path(catalog: Catalog, current: str | None, target: str) -> list[TransitionStep]:
    """The moves from ``current`` to ``target``, each with the skills it needs.

    Empty when there is no current role, when it is the target, or when the graph holds no
    route. A direct move is a path of one step (its skills are still worth showing).

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> steps = transition_path(load_catalog(), "data-analyst", "ml-engineer")
        >>> [(s.source, s.target) for s in steps]
        [('data-analyst', 'junior-ml-engineer'), ('junior-ml-engineer', 'ml-engineer')]
    """
    if current is None or current == target:
        return []
    edges: dict[str, list[Transition]] = {}
    for edge in catalog.transitions:
        edges.setdefault(edge.source, []).append(edge)
    # (years, moves, route, role): the route as a tuple of roles makes ties deterministic
    queue: list[tuple[float, int, tuple[str, ...], str]] = [(0.0, 0, (current,), current)]
    settled: set[str] = set()
    while queue:
        years, moves, route, role = heapq.heappop(queue)
        if role in settled:
            continue
        settled.add(role)
        if role == target:
            return _steps(route, edges)
        for edge in edges.get(role, []):
            if edge.target not in settled:
                cost = (edge.years_low + edge.years_high) / 2
                heapq.heappush(queue, (years + cost, moves + 1, (*route, edge.target), edge.target))
    return []


def _steps(route: tuple[str, ...], edges: dict[str, list[Transition]]) -> list[TransitionStep]:
    steps = []
    for source, target in itertools.pairwise(route):
        edge = next(e for e in edges[source] if e.target == target)
        steps.append(
            TransitionStep(
                source=source,
                target=target,
                years_low=edge.years_low,
                years_high=edge.years_high,
                skills=list(edge.skills),
            )
        )
    return steps
