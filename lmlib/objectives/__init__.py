"""Training objectives as LightningModules: each one's ``training_step`` returns the loss and a few
scalars, and ``lmlib.train.fit`` trains it.

- ``SequenceClassifier``: a head on the pooled [CLS] vector of an encoder, cross-entropy.
"""

from lmlib.objectives.classify import SequenceClassifier, warmup_linear

__all__ = ["SequenceClassifier", "warmup_linear"]
