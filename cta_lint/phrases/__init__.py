"""The phrase syntax every lexicon list and phrase rule is written in, and the sets that match
lists of phrases.

- ``syntax``: the syntax itself (words, ``(a|b)``, ``[x]``, ``*``, ``#``, ``...``, ``$``),
  compiled to bounded, linear-time regexes; text normalisation (curly quotes, dashes);
- ``index``: where a phrase can start (its first and second words), and the words of a text as
  the sets read them;
- ``sets``: PhraseSet, a list of phrases matched like one regex but compiled lazily, word by
  word.

Recognising what copy does (an ask, a hedge, a seller's need) is not done here: the word classes
and their composition live in ``analysis/``; a phrase list is for the fixed expressions that are
not compositions ("get started", "count me in") and for rule packs.
"""
from .index import (_CACHED_TEXT, _WORD_START, _WORDRUN, _word_list, first_words,  # noqa: F401
                    following_word, next_word, next_words, next_words_for, word_at, word_list,
                    words_in)
from .sets import PhraseSet, compile_list, phrase_set  # noqa: F401
from .syntax import (MAX_WAYS, QUOTES, PhraseError, compile_phrase, normalise,  # noqa: F401
                     _prepare, _tokenize)
