"""A Sentence (and a DiaryError carrying one) survives pickling, as it must to come back from a worker
process of the research export: the same template and values, so it still translates."""

import pickle

from diary.domain.errors import DiaryError, Sentence, ValidationFailed
from diary.i18n import in_language


def test_a_sentence_with_braces_in_its_values_comes_back_whole():
    sentence = Sentence("The folder {parent} does not exist; create it first or choose another --out.",
                        parent="/data/{odd} name")
    back = pickle.loads(pickle.dumps(sentence))
    assert (type(back), str(back), back.template, back.values) == (Sentence, str(sentence), sentence.template,
                                                                   sentence.values)


def test_a_diary_error_reads_the_same_after_pickling_in_either_language():
    error = DiaryError(Sentence("The folder {parent} does not exist; create it first or choose another --out.",
                                parent="/tmp/x"))
    back = pickle.loads(pickle.dumps(error))
    for language in ("en", "sv"):
        with in_language(language):
            assert str(back) == str(error)
    with in_language("sv"):
        assert "finns inte" in str(back)
    field = pickle.loads(pickle.dumps(ValidationFailed("bad", field="pain")))
    assert (str(field), field.field) == ("bad", "pain")
