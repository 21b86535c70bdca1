"""Vietnamese text handling: normalisation, folding, tokens, abbreviations."""

from motcua.text.abbreviations import AbbreviationDictionary, default_dictionary
from motcua.text.normalize import fold, nfc, normalize_text, normalize_tone, syllables
from motcua.text.tokenize import Tokenizer, tokenize

__all__ = [
    "AbbreviationDictionary",
    "Tokenizer",
    "default_dictionary",
    "fold",
    "nfc",
    "normalize_text",
    "normalize_tone",
    "syllables",
    "tokenize",
]
