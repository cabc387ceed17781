#!/usr/bin/env bash
# Rebuild the shipped NER model from ../shared/data/ner (see src/triangulate/models/MODEL_CARD.md).
# Usage: training/train_ner.sh [DATA_DIR] [WORK_DIR] [TRAIN_SET]
#   TRAIN_SET: trainval (CoNLL-2003 train + val: the shipped model), conll (train only, val as
#   an honest dev set) or mix (CoNLL-2003 train + WikiANN train); default trainval.
# Runs on CPU, one core; model-best (by CoNLL-2003 val) is packaged into
# src/triangulate/models/ner_en.  MAX_STEPS (default 8000) bounds the run.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
DATA_DIR="${1:-$ROOT/../shared/data/ner}"
WORK_DIR="${2:-/tmp/ner_train}"
TRAIN_SET="${3:-trainval}"
PY="$ROOT/.venv/bin/python"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

"$PY" "$HERE/convert_ner_data.py" "$DATA_DIR" "$WORK_DIR/corpus"
mkdir -p "$WORK_DIR/train_$TRAIN_SET"
ln -sf ../corpus/conll_train.spacy "$WORK_DIR/train_$TRAIN_SET/"
case "$TRAIN_SET" in
  trainval) ln -sf ../corpus/conll_val.spacy "$WORK_DIR/train_$TRAIN_SET/" ;;
  mix) ln -sf ../corpus/wikiann_train.spacy "$WORK_DIR/train_$TRAIN_SET/" ;;
  conll) ;;
  *) echo "unknown TRAIN_SET $TRAIN_SET" >&2; exit 2 ;;
esac
nice -n 10 "$PY" -m spacy train "$HERE/ner.cfg" \
  --output "$WORK_DIR/out_$TRAIN_SET" \
  --paths.train "$WORK_DIR/train_$TRAIN_SET" \
  --paths.dev "$WORK_DIR/corpus/conll_val.spacy" \
  --training.max_steps "${MAX_STEPS:-8000}"
"$PY" "$HERE/package_ner_model.py" "$WORK_DIR/out_$TRAIN_SET/model-best" \
  "$ROOT/src/triangulate/models/ner_en"
