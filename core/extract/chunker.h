#pragma once

#include "corpustokens.h"
#include "tagger.h"
#include "vocabulary.h"

#include <cstdint>
#include <vector>

namespace carto::extract {

// A noun phrase found by the chunker: a token range of one sentence with its
// determiners and quantifiers stripped ("the three new plants" -> "new plants").
struct Chunk
{
    enum Kind : std::uint8_t {
        NounPhrase,  // adjectives and nouns ending in a noun: "clean energy", "Linux distribution"
        Name,        // a proper-noun phrase: "Federal Reserve Board", "Bank of the United States"
        PrepPhrase,  // noun phrase + of/on/for/from/against/in/toward + noun phrase
        Coordination // "energy and climate bill", "supervision and regulation"
    };

    std::int32_t b = 0; // token range [b, e) of the sentence's document
    std::int32_t e = 0;
    Kind kind = NounPhrase;
    bool properHead = false; // the head noun is a proper noun (NNP/NNPS)
    bool personCue = false;  // a name after an honorific or a title noun
    std::int32_t titleBegin = -1; // the title's first token when personCue came from one
};

// The tokens of one sentence with their tags, as the chunker reads them.
struct TaggedSentence
{
    const std::vector<Token> &tokens;
    const std::vector<std::uint8_t> &tags; // PosTag per token
    const Vocabulary &vocabulary;
    std::int32_t begin;
    std::int32_t end;

    [[nodiscard]] PosTag tag(std::int32_t i) const { return static_cast<PosTag>(tags[static_cast<size_t>(i)]); }
    [[nodiscard]] const Token &token(std::int32_t i) const { return tokens[static_cast<size_t>(i)]; }
    [[nodiscard]] const WordInfo &word(std::int32_t i) const { return vocabulary.wordOf(token(i)); }
    [[nodiscard]] const FormInfo &form(std::int32_t i) const { return vocabulary.formOf(token(i)); }
    [[nodiscard]] bool isWord(std::int32_t i) const { return i >= begin && i < end && token(i).isWord(); }
};

// Finds the noun phrases of a tagged sentence, left to right:
//  - names: runs of proper nouns, joined by "of", "for", "&", "de", "of the",
//    and "and" inside an "X of Y and Z" name or after "the" ("the Chesapeake
//    and Ohio Canal"); a year after "of" ends one ("Atomic Energy Act of
//    1946"); a sentence-initial run that WordNet lists as a proper noun is a
//    name whatever the tagger said ("North Korea tested ...");
//  - noun phrases: optional adjectives, participles and nouns (proper ones
//    too: "Linux distribution") ending in a noun, or in a gerund WordNet lists
//    as a noun ("collective bargaining"); a possessive ends the phrase;
//  - prepositional phrases: two noun phrases of at most three words each
//    joined by of/on/for/from/against/in/toward(s) ("weapons of mass
//    destruction", "war on terror", "freedom from fear");
//  - coordinations: "A and B N" with a shared head, and "N and N" of two bare
//    common nouns.
// Square-bracketed text (transcript markers, editorial notes) yields nothing.
// Chunks may overlap (a prepositional phrase holds two noun phrases).
[[nodiscard]] std::vector<Chunk> chunkSentence(const TaggedSentence &s);

// True for determiners and closed-class quantifiers that open but never
// belong to a noun phrase ("the", "every", "several", "such", "own").
[[nodiscard]] bool isDeterminerLike(PosTag tag, const WordInfo &word);

// The prepositions that join the two sides of a phrase ("war on terror",
// "freedom from fear"): of, on, for, from, against, in, toward(s).
[[nodiscard]] bool isPhrasePreposition(const QString &lower);

} // namespace carto::extract
