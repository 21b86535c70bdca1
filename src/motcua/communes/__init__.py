"""Per-commune setup: the administrative units and the service centres' profiles."""

from motcua.communes.profile import (
    CommuneProfile,
    Counter,
    dump_csv,
    dump_yaml,
    load_profiles_file,
    parse_csv,
    parse_yaml,
    sample_profiles,
    write_profiles_file,
)
from motcua.communes.registry import (
    ProfileRegistry,
    counter_for,
    load_profiles,
    save_profiles,
    where_facts,
)
from motcua.communes.units import AdminUnit, list_units, resolve_unit

__all__ = [
    "AdminUnit",
    "CommuneProfile",
    "Counter",
    "ProfileRegistry",
    "counter_for",
    "dump_csv",
    "dump_yaml",
    "list_units",
    "load_profiles",
    "load_profiles_file",
    "parse_csv",
    "parse_yaml",
    "resolve_unit",
    "sample_profiles",
    "save_profiles",
    "where_facts",
    "write_profiles_file",
]
