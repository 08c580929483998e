"""Training objectives as LightningModules on one base, ``Objective``: each one's ``step`` returns the
loss and a few scalars, and ``lmlib.train.fit`` trains it.

- ``Objective``: AdamW with a schedule, parameter groups (per-layer learning rates), manual
  optimisation, frozen reference models, ULMFiT's gradual unfreezing (``base``); the schedules
  are in ``schedules``.
- ``CausalLM``: GPT's next-token prediction.
- ``MaskedLM``: BERT's masked language modeling plus next-sentence prediction.
- ``SequenceClassifier``: a head on the pooled [CLS] vector of an encoder, cross-entropy.
"""

from lmlib.objectives.base import GradualUnfreezing, Objective
from lmlib.objectives.causal_lm import CausalLM
from lmlib.objectives.classify import SequenceClassifier
from lmlib.objectives.mlm import MaskedLM
from lmlib.objectives.schedules import SCHEDULES, schedule, warmup_cosine, warmup_linear

__all__ = ["CausalLM", "GradualUnfreezing", "MaskedLM", "Objective", "SCHEDULES", "SequenceClassifier", "schedule", "warmup_cosine",
           "warmup_linear"]
