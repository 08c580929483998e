"""Training objectives as LightningModules: each one's ``training_step`` returns the loss and a few
scalars, and ``lmlib.train.fit`` trains it.

- ``SequenceClassifier``: a head on the pooled [CLS] vector of an encoder, cross-entropy.
"""

from lmlib.objectives.causal_lm import CausalLM, warmup_cosine  # noqa: F401  (GPT's next-token prediction)
from lmlib.objectives.classify import SequenceClassifier, warmup_linear
from lmlib.objectives.mlm import MaskedLM  # noqa: F401  (BERT's MLM + NSP)

__all__ = ["SequenceClassifier", "warmup_linear"]
