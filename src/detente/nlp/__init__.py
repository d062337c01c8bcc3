"""The spaCy adapter: loading the model and turning Docs into detente records."""

from detente.nlp.annotate import ENTITY_LABELS, doc_records
from detente.nlp.model import MODEL_NAME, load_model, model_version

__all__ = ["ENTITY_LABELS", "MODEL_NAME", "doc_records", "load_model", "model_version"]
