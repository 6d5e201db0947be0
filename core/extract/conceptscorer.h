#pragma once

#include "concepttype.h"

#include <QString>
#include <QStringList>

namespace carto::extract {

// What the extractor knows about one merged concept when it ranks and types it.
struct ConceptFeatures
{
    int mentions = 0;          // tf: mentions after longest-match assignment
    int documents = 0;         // df
    int documentTotal = 1;     // N
    int words = 1;             // tokens in the canonical form
    bool named = false;        // capitalised name, acronym or mixed-case word (most mentions)
    bool linked = false;       // explicit [[wiki link]]
    bool quoted = false;       // quoted coinage
    bool heading = false;      // also appears in a heading
    bool acronymPair = false;  // defined as "expansion (ACRONYM)"
    int generalCount = 0;      // WordNet tag count of the canonical lemma (general-English frequency)
    bool evaluative = false;   // evaluative adjective + abstract head ("widespread adoption")
    bool commonWordName = false; // one-word name, a common WordNet noun (g >= 25) also written in lower case ("Government")

    // typing cues
    QString key;               // canonical lower-case form, words separated by spaces
    QString headLemma;         // last word, lemmatised
    QString headLexFile;       // WordNet lexicographer file of the head noun ("noun.artifact"); terms and multiword names
    QString properLexFile;     // lexicographer file of the whole name as a proper noun ("noun.location")
    bool personCue = false;    // preceded by an honorific, or in apposition with a person noun
    bool nationality = false;  // merged from a nationality adjective ("Chinese" -> China)
    QString classCue;          // head of "Ns such as X" / "X and other Ns" (lemma), most frequent
    QString followerCue;       // lemma of the word that most often follows a mention ("initiative")
    bool capitalisedTokensUnknown = false; // every token of a name is unknown to WordNet
    bool firstTokenGivenName = false;      // first token is a WordNet proper noun in noun.person
    bool peoplePlural = false;             // one-word name, plural of a noun.person noun ("Americans")
};

// Ranks concepts. The score is
//
//   score = specificity × (1 + ln tf) × (1 + ½ ln df) × boost × length × description
//
//   specificity = 1                         for names, links and coinages
//               = 1 / (1 + ln(1 + g))       for common-noun terms, g = WordNet tag count
//                                            of the term (a general-English frequency proxy:
//                                            "way", "time" ≈ 10³ → 0.12; unseen phrases → 1)
//               = 1 / √(1 + ln(1 + g))      for one-word names that are common English nouns
//                                            (g ≥ 25) capitalised by convention and also
//                                            written in lower case ("Government",
//                                            "Department", "President": 0.45 … 0.6)
//   boost       = 1 + n·named + 0.5·linked + 0.3·quoted + 0.3·acronymPair + 0.1·heading
//   n           = 1 / (1 + ln(max(1, N / 20))), N = documents: 1 up to twenty documents,
//                 0.29 at 233. In a small corpus a name is rare and telling; in a large
//                 one names are plentiful (every place, office and department) and a
//                 full boost would bury the multiword themes under them.
//   length      = 1 + 0.15·(words − 1) for names, 1 + 0.3·(words − 1) for terms,
//                 words capped at 4; 0.6 for a lone common noun. A multiword term is a
//                 theme the text names deliberately ("national defense", "tax cuts").
//   description = 0.5 for a term opened by an evaluative adjective (an adjective
//                 only, pertaining to no noun: "widespread", "robust", "integrated")
//                 whose head's first WordNet sense is abstract (noun.act, .process,
//                 .attribute, .state, .feeling): "widespread adoption" describes;
//                 relational adjectives keep full weight ("national defense",
//                 "operational efficiency"); else 1
//
// Frequency enters only logarithmically and specificity is multiplicative, so a
// company name seen twice (1 × 1.69 × 1 × 2 ≈ 3.4) outranks a generic noun
// seen fifty times ("way": 0.12 × 4.9 × … ≈ 1), while a central term that is
// both frequent and specific rises to the top.
[[nodiscard]] double conceptScore(const ConceptFeatures &f);

// Types a concept by the first rule that fires:
//  -. a one-word plural name whose singular is a WordNet person noun (a demonym
//     or people: "Americans", "Indians", "Canadians") → person: the concept is a
//     group of people, so it sits with persons on a map, not with the country
//  0. the whole name is a WordNet proper noun in noun.location or noun.object → place
//  1. person cue (honorific "Mr./Dr."; apposition "X, a writer"; "X said"), or a
//     two/three-token name whose first token is a WordNet given name → person,
//     unless the name's head noun is collective (WordNet noun.group: "Federal
//     Government", "Grace Foundation") → organization
//  2. the whole name is a WordNet proper noun: noun.location → place,
//     noun.person → person, noun.group → organization, noun.event → event,
//     noun.artifact → product; nationality adjectives → place
//  3. head word: organisation heads (company, bank, exchange, ministry,
//     university, party, …) → organization; policy heads (plan, policy, act,
//     initiative, control, strategy, law, regulation, …) → policy; event heads
//     (war, crisis, summit, election, …) → event
//  4. class cue from "Ns such as X" / "X and other Ns" / the following word:
//     the class noun's kind as in 3, plus company/firm/startup → organization,
//     platform/app/product/service → product, country/city/region → place,
//     technology/model/chip → technology
//  5. technology heads (computing, learning, model, network, chip, algorithm,
//     software, …) or a head noun in WordNet's noun.artifact → technology
//  6. defaults: lower-case terms → theme; a capitalised name with two or three
//     tokens unknown to WordNet and a person cue nearby → person; other names →
//     organization.
[[nodiscard]] ConceptType conceptType(const ConceptFeatures &f);

} // namespace carto::extract
