#pragma once

#include <vector>

namespace carto::extract {

// What the scorer knows about one merged concept.
struct SalienceFeatures
{
    double mentions = 0;      // mentions in running text; one inside a longer candidate counts kNestedWeight
    int documents = 0;        // documents mentioning it
    double corpusTokens = 1;  // word tokens of the corpus
    // The concept's expected count in the background corpus of
    // backgroundTokens words (see Background, and phraseBackgroundRate() for
    // phrases), before smoothing.
    double backgroundCount = 0;
    double backgroundTokens = 1;
    int words = 1;            // words in the canonical form
    bool named = false;       // a proper name (most mentions capitalised)
    bool commonWordName = false; // one capitalised word that is also a common noun ("Government")
    bool linked = false;      // explicit [[wiki link]]
    bool quoted = false;      // quoted coinage
    bool heading = false;     // also appears in a heading
    bool acronymPair = false; // defined as "expansion (ACRONYM)"
    bool evaluative = false;  // evaluative adjective + abstract head ("widespread adoption")
};

// The background rate of a phrase from the rates of its content words
// (each smoothed): a phrase is at most as common as its rarest word, taking
// kPhraseShare of its uses, and a phrase of common words is common itself,
// kCollocationLift times what independent words would give ("American people"):
//   rate = min(min_i p_i, max(kPhraseShare · min_i p_i, kCollocationLift · Π_i p_i))
[[nodiscard]] double phraseBackgroundRate(const std::vector<double> &wordRates);
inline constexpr double kPhraseShare = 0.05;
inline constexpr double kCollocationLift = 1000.0;
// Added to every background count: a word the background never saw is as
// rare as half an occurrence.
inline constexpr double kBackgroundFloor = 0.5;
// A mention inside a longer candidate's that is not its head ("energy" in
// "energy policy") says less about the shorter one than a mention of its own
// ("recession" in "a severe recession" counts whole).
inline constexpr double kNestedWeight = 0.5;

// Ranks concepts by keyness, the smoothed ratio of a concept's frequency in
// the texts to its frequency in general English (Kilgarriff's "simple maths"
// for keywords, in frequencies per million words):
//
//   keyness = log2((f_text + k) / (f_background + k)),  k = kSmoothing
//   score   = keyness × damping × boost × description
//
//   k decides between rare and common words: a word the background never saw,
//     mentioned once in 10,000 words (100 per million), scores as a word used
//     four times as often as in general English; frequent words need to be used
//     far more often than usual. A concept no commoner than in general English
//     scores 0.
//   damping  = 0.5 for one mention, else 1: a name or phrase met once is
//              damped, not boosted by its rarity alone, unless the writer
//              marked it (quoted or linked);
//   boost    = 1 + n·named + linked + quoted + 0.3·acronymPair + 0.1·heading,
//              n = kNameBoost (half for a common noun written as a name): a
//              quotation or a link is the writer naming a concept;
//   description = 0.5 for a phrase opened by an evaluative adjective on an
//              abstract head ("widespread adoption"); relational adjectives
//              ("national defense") keep full weight.
[[nodiscard]] double conceptScore(const SalienceFeatures &f);
inline constexpr double kSmoothing = 35.0;
inline constexpr double kNameBoost = 1.0;

// The same keyness for one document, against the rest of the corpus and the
// background together: what this document talks about more than the others
// do. documentMentions and documentTokens are the document's own; f the
// concept's corpus-wide features.
[[nodiscard]] double documentScore(const SalienceFeatures &f, double documentMentions, double documentTokens);

} // namespace carto::extract
