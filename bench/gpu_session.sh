#!/usr/bin/env bash
# Everything measured on a GPU for bench/RESULTS.md, in one go (about 9 minutes on one H100):
# the device, fit() against a plain loop at a notebook's gpu configuration (bf16, and fp16 with
# loss scaling as on a T4), then every notebook at the gpu profile with a step cap.
#   bash bench/gpu_session.sh [OUTDIR]        (the python with torch, lightning, tokenizers, matplotlib)
set -u
out=${1:-gpu_results}
mkdir -p "$out"
cd "$(dirname "$0")/.."
export PYTHONUNBUFFERED=1 PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH} MPLBACKEND=Agg
py=${PYTHON:-python3}
{
  date -u +"%Y-%m-%d %H:%M UTC"
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  $py -c "import sys, torch, lightning, tokenizers; print('python', sys.version.split()[0], '| torch', torch.__version__, '| lightning', lightning.__version__, '| tokenizers', tokenizers.__version__)"
  echo "CPU cores: $(nproc)"
} 2>&1 | tee "$out/device.txt"
gpt="--vocab 4096 --block 128 --d-model 384 --layers 6 --heads 6 --batch 64"  # the next-word notebook's gpu GPT
timeout 90 $py bench/train_throughput.py $gpt --steps 300 --rounds 3 2>&1 | tee "$out/throughput.txt"
timeout 40 $py bench/train_throughput.py $gpt --steps 100 --rounds 1 --precision 16-mixed 2>&1 | tee -a "$out/throughput.txt"
ch=chapters  # the notebooks that train on the GPU first, the riskiest last
timeout 440 $py bench/gpu_check.py --max-steps 300 --timeout 200 --budget 310 \
  $ch/02_pretraining/01_next_word_prediction.ipynb $ch/02_pretraining/03_masked_language_modeling.ipynb \
  $ch/02_pretraining/04_scaling.ipynb $ch/01_input_representation/02_embeddings.ipynb \
  $ch/02_pretraining/02_compression.ipynb \
  --out "$out/gpu_check.json" --logs "$out/gpu_check_logs.txt" \
  --alongside $ch/00_introduction/01_data.ipynb $ch/01_input_representation/01_subword_tokenization.ipynb \
  2>&1 | tee "$out/gpu_check.txt"
