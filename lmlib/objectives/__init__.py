"""Training objectives as LightningModules: each one's ``training_step`` returns the loss and a few
scalars, and ``lmlib.train.fit`` trains it.

- ``CausalLM``: GPT's next-token prediction.
- ``MaskedLM``: BERT's masked language modeling plus next-sentence prediction.
- ``SequenceClassifier``: a head on the pooled [CLS] vector of an encoder, cross-entropy.
"""

from lmlib.objectives.causal_lm import CausalLM, warmup_cosine
from lmlib.objectives.classify import SequenceClassifier, warmup_linear
from lmlib.objectives.mlm import MaskedLM

__all__ = ["CausalLM", "MaskedLM", "SequenceClassifier", "warmup_cosine", "warmup_linear"]
