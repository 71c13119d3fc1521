"""Charts of salary answers, for ``--plot FILE.png|.svg``.

Place in the flow: after :mod:`certpath.market.salaries` and :mod:`certpath.market.trend`; takes
their answer dictionaries and writes one image. matplotlib is the optional ``plot`` extra,
imported only here and only when a chart is asked for; figures are drawn on a
:class:`~matplotlib.figure.Figure` directly, so no GUI backend or global pyplot state is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from certpath.errors import InputError, MissingExtraError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg")


def _save(figure: Figure, path: Path) -> Path:
    try:
        figure.savefig(path)
    except OSError as exc:
        raise InputError(f"{path}: the chart cannot be written ({exc.strerror})") from None
    return path


def _figure(path: Path) -> Figure:
    if path.suffix.lower() not in FORMATS:
        raise InputError(f"{path}: a chart is written as .png or .svg")
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError("plots", "plot") from None
    return Figure(figsize=(7, 3.2), layout="constrained")


def _dollars(value: float, _position: object = None) -> str:
    return f"${value / 1000:,.0f}k"


def plot_salary(answer: dict[str, Any], path: Path) -> Path:
    """A percentile strip: p10-p90 whiskers, p25-p75 box, the median and its 95% interval."""
    if not answer.get("enough_data"):
        raise InputError(f"no chart: {answer.get('message', 'not enough data')}")
    figure = _figure(path)
    axes = figure.add_subplot()
    p = answer["percentiles"]
    low, high = answer["median_ci95"]
    axes.hlines(0, p["p10"], p["p90"], color="0.35", linewidth=1.5)
    axes.barh(0, p["p75"] - p["p25"], left=p["p25"], height=0.4, color="#9ecae1", edgecolor="0.3")
    axes.axvspan(low, high, ymin=0.3, ymax=0.7, color="#fdae6b", alpha=0.7, label="median 95% CI")
    axes.vlines(p["median"], -0.2, 0.2, color="#d94801", linewidth=2.5, label="median")
    for name in ("p10", "p25", "median", "p75", "p90"):
        axes.annotate(name, (p[name], 0.27), ha="center", fontsize=8)
    axes.set_ylim(-0.6, 0.6)
    axes.set_yticks([])
    axes.xaxis.set_major_formatter(_dollars)
    axes.set_xlabel("salary in USD")
    axes.set_title(f"{answer['label']} (n={answer['n']:,})", fontsize=10, loc="left")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    figure.text(0.01, 0.01, answer["source"], fontsize=6, color="0.4")
    return _save(figure, path)


def plot_trend(answer: dict[str, Any], path: Path) -> Path:
    """Median salary by year with 95% intervals; years without enough data are left out."""
    years = [row for row in answer["salary"] if row["enough_data"]]
    if not years:
        raise InputError("no chart: no year has enough data")
    figure = _figure(path)
    axes = figure.add_subplot()
    x = [row["year"] for row in years]
    medians = [row["median"] for row in years]
    below = [row["median"] - row["median_ci95"][0] for row in years]
    above = [row["median_ci95"][1] - row["median"] for row in years]
    axes.errorbar(x, medians, yerr=[below, above], marker="o", capsize=4, color="#2171b5")
    for row in years:
        axes.annotate(
            f"n={row['n']:,}",
            (row["year"], row["median"]),
            fontsize=7,
            textcoords="offset points",
            xytext=(6, -10),
        )
    axes.set_xticks(x)
    axes.yaxis.set_major_formatter(_dollars)
    axes.set_ylabel("median salary (USD)")
    axes.set_title(f"Median salary by year: {answer['label']}", fontsize=10, loc="left")
    figure.text(0.01, 0.01, answer["source"], fontsize=6, color="0.4")
    return _save(figure, path)
