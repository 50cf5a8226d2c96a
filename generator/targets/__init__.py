"""Economic targets and outcomes of a report (主要预期目标 / 工作回顾 figures).

Public API::

    from generator.targets import load_indicators, extract, extract_targets
    catalogue = load_indicators()                 # site_config/indicators.yaml
    targets = extract_targets(report, catalogue)  # list[Target]
    result = extract(report, catalogue)           # .targets and .uncertain (curators' list)
"""

from .extract import OUTCOME, TARGET, Extraction, Target, Uncertain, extract, extract_targets
from .indicators import Catalogue, Indicator, build_catalogue, load_indicators

__all__ = ["Catalogue", "Extraction", "Indicator", "OUTCOME", "TARGET", "Target", "Uncertain",
           "build_catalogue", "extract", "extract_targets", "load_indicators"]
