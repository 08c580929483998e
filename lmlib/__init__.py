"""lmlib: the small, tested library behind the runnable textbook on language models.

Modules (one idea each):

- ``lmlib.profile``     cpu | gpu profile, device, seeding (the training seed from $LMLIB_SEED), precision
- ``lmlib.claims``      the results a page states, checked with margins and tolerances
- ``lmlib.train``       ``fit()``: one training function around ``lightning.Trainer``
- ``lmlib.checkpoint``  save / load weights with safetensors
- ``lmlib.nn``          transformer blocks from parts (embeddings, LayerNorm/RMSNorm, self- and
                        cross-attention with boolean or additive masks and a position bias, blocks)
- ``lmlib.data``        tinyworld (procedural corpus with known entropy), pydocs (real English),
                        hub (real datasets online), sources (a notebook's ``data=`` knob),
                        mlm and pairs (BERT's masking; NSP and SOP segment pairs)
- ``lmlib.ngram``       count-based n-gram language models (the baselines)
- ``lmlib.tokenize``    WordPiece, BPE and Unigram from scratch; helpers around HF tokenizers
- ``lmlib.models``      one contract (``TransformerConfig``, ``encode`` -> ``ModelOutput``), bodies
                        (GPTModel, Bert) and task models with separate heads (GPT, BertForMaskedLM,
                        BertForPreTraining); ``models.hf``: table-driven HF converters, from_pretrained dirs
- ``lmlib.objectives``  LightningModules on one base (``Objective``: AdamW, schedules, per-layer
                        learning rates, manual optimisation, frozen references): causal LM, masked
                        LM + NSP, classification
- ``lmlib.inference``   ``evaluating(model)``: eval mode without gradients, the model restored after
- ``lmlib.generate``    greedy, temperature, top-k and top-p sampling (one decoding loop)
- ``lmlib.sequences``   log-probs of completions, batched generation with left padding, KL to a reference
- ``lmlib.compress``    arithmetic coding driven by a language model
- ``lmlib.compressors`` gzip, bz2 and xz as baselines, plain and given a context (the training text)
- ``lmlib.scaling``     parameters, FLOPs, memory, GPU-hours and cost
- ``lmlib.scaling_law`` FLOPs per token layer by layer, the fitted L(N, D), compute-optimal N and D
- ``lmlib.plot``        the book's figures
- ``lmlib._checks``     argument checks (positive integers) and the input checks of every forward
"""

import warnings

# Importing lightning imports tqdm.autonotebook (through torchmetrics and transformers), which warns in
# every Jupyter kernel without ipywidgets. lmlib draws no progress bars, so the warning is noise.
warnings.filterwarnings("ignore", message="IProgress not found")

__version__ = "0.1.0"
