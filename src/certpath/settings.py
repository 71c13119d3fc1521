"""certpath's settings, read once at the edge (CLI, web app) and passed down.

Sources, later ones winning: defaults, a TOML config file (``$CERTPATH_CONFIG`` or the user
config directory's ``certpath.toml``), then ``CERTPATH_*`` environment variables. No domain
module reads the environment itself.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "certpath"


def default_config_file() -> Path:
    """Where the config file is looked for when ``CERTPATH_CONFIG`` is not set."""
    return Path(user_config_dir(APP_NAME)) / "certpath.toml"


class Settings(BaseSettings):
    """Every setting certpath reads. Each field documents its environment variable."""

    model_config = SettingsConfigDict(env_prefix="CERTPATH_", extra="forbid", frozen=True)

    catalog_dir: Path | None = Field(
        default=None,
        description="CERTPATH_CATALOG_DIR: a catalog folder to use instead of the packaged one.",
    )
    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir(APP_NAME)),
        description="CERTPATH_DATA_DIR: where certpath keeps its databases.",
    )
    shared_dir: Path | None = Field(
        default=None,
        description="CERTPATH_SHARED_DIR: the public data sets used by build and evaluation "
        "commands (defaults to ../shared/data when present).",
    )
    max_document_mb: float = Field(
        default=20,
        gt=0,
        description="CERTPATH_MAX_DOCUMENT_MB: the largest file, in MB, that extraction reads.",
    )
    today: dt.date | None = Field(
        default=None,
        description="CERTPATH_TODAY: the date plans start from and facts age against "
        "(default: the system date); set it for reproducible output.",
    )
    stale_days: int = Field(
        default=180,
        gt=0,
        description="CERTPATH_STALE_DAYS: default age in days after which a fact counts as stale.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The config file path itself can only come from the environment: it is read before
        # any other source exists.
        config = Path(os.environ.get("CERTPATH_CONFIG", default_config_file()))
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=config),
        )
