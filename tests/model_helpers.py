"""Helpers the model tests share (imported by test modules; pytest puts this folder on sys.path)."""

import torch


def perturb_(model):
    """Random init leaves LayerNorms at the identity and biases at zero; move them off so bugs show."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "bias" in name or "LayerNorm" in name or "ln" in name or "norm" in name:
                p.add_(0.1 * torch.randn_like(p))
    return model
