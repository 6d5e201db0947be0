#pragma once

#include "tagger.h"
#include "tokenizer.h"

#include <QStringView>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace carto::extract {

// A clause of one tagged sentence: tokens [begin, end), indices into the sentence.
struct Clause
{
    std::int32_t begin = 0;
    std::int32_t end = 0;
    // Opened by a relative pronoun ("which", "who", "that" tagged WDT): the
    // noun phrase just before `begin` is its antecedent and belongs to it too.
    bool relative = false;
};

// Splits a tagged sentence into clauses, so relations link what one clause
// says together rather than everything a long sentence names. Called by the
// relation stage for each sentence holding two or more mentions.
//
// Candidate boundaries are punctuation (, ; : -- and brackets), coordinating
// conjunctions (CC), wh-words (WDT, WP, WP$, WRB) and subordinating
// conjunctions (IN words such as "because", "although", "that", "while"; not
// the prepositions, which the tagger also tags IN). They cut the sentence into
// segments; a segment opens a new clause only when
//   - it holds a finite verb (VBD, VBZ, VBP or a modal), and
//   - it starts with a wh-word or subordinator, or a noun or pronoun (its
//     subject) comes before that verb, and
//   - the clause so far already has a finite verb of its own.
// Every other segment joins the clause before it: list items ("Apple, Google
// and Nvidia met"), appositions ("China, the largest emitter, invests"),
// prepositional phrases and verb phrases that share the subject ("invests in
// solar and builds farms") stay in one clause.
//
// unbreakable: token ranges [first, second) no boundary may cut (the mentions,
// so "research and development" or "war on terror" stay whole). tokens index
// text. Writes the clauses, in order and covering the sentence, to out.
void splitClauses(std::span<const Token> tokens, std::span<const PosTag> tags, QStringView text,
                  std::span<const std::pair<std::int32_t, std::int32_t>> unbreakable, std::vector<Clause> &out);

// True for the words that, tagged IN, open a subordinate clause rather than a
// prepositional phrase ("because", "although", "whether", ...). lower is lower case.
[[nodiscard]] bool isSubordinator(QStringView lower);

} // namespace carto::extract
