"""Subword tokenization: WordPiece and byte-level BPE from scratch, and helpers around HF ``tokenizers``.

- ``WordPiece``  BERT's tokenizer (normaliser, pre-tokeniser, greedy longest-match-first) and a
                 likelihood-based trainer; gives the same tokens as HF given the same vocabulary
- ``BPE``        byte-level byte-pair encoding (Sennrich et al. 2016, GPT-2), exact round trip
- ``Unigram``    SentencePiece's unigram language model (Kudo 2018): EM training, Viterbi encoding;
                 gives the same tokens as HF given the same pieces and scores
- ``hf``         train / save / load HF tokenizers with BERT's special tokens, BERT's pair input
"""

from . import hf
from .bpe import BPE
from .hf import unigram_from_hf, unigram_to_hf
from .unigram import Unigram, train_unigram
from .wordpiece import SPECIAL_TOKENS, WordPiece

__all__ = [
    "BPE", "SPECIAL_TOKENS", "Unigram", "WordPiece", "hf", "train_unigram", "unigram_from_hf", "unigram_to_hf"
]  # fmt: skip
