#pragma once

#include "concepttype.h"

#include <cstdint>
#include <string_view>

namespace carto::extract {

// What a noun is, from its first WordNet sense: its lexicographer file, and
// anchors on its hypernym chain. Anchors are general classes, checked in this
// order: a policy instrument (the nouns of restriction control, ban, embargo,
// quota, moratorium, freeze and cut themselves; social control, negotiation,
// plan, program, policy, law, legislation, treaty,
// agreement, regulation, reform, tax, tariff, subsidy, budget, bill,
// doctrine, amendment, initiative, sanction), an event (noun.event, war,
// conflict, battle, crisis, conference, meeting, election, revolution,
// attack, depression, recession, exhibition), a technology (device,
// instrumentality, machine, weapon, technology, equipment, vehicle,
// software, energy, fuel, engine), an institution (enterprise, institution,
// administrative unit, military unit or service, political party,
// legislature, union, company, financial institution, court, agency); an
// artifact that is a construction, building, way or facility is a place. The lexicographer file
// decides otherwise: another noun.group noun is a Collective ("people",
// "family"), not an organisation.
enum class HeadClass : std::uint8_t { None, Group, Collective, Person, Location, Policy, Event, Technology, Artifact, Other };
[[nodiscard]] HeadClass classifyNoun(std::string_view lemma);
// The same for a common noun heading a phrase: from its first class sense,
// passing over instances ("user ID" is no Idaho, "bone china" no country).
[[nodiscard]] HeadClass classifyHeadNoun(std::string_view lemma);
// The same for the common noun heading a name ("Free Software Foundation",
// "World Bank", "Patent Office"): when one of its three commonest senses is a
// group, that one (the institution, not the basis of an argument, a river's
// bank or a room); else its first sense.
[[nodiscard]] HeadClass classifyNameHead(std::string_view lemma);

// The evidence the typer weighs for one concept.
struct TypeCues
{
    int words = 1;
    bool named = false;         // a proper name
    bool acronym = false;       // one all-capitals word
    bool nationality = false;   // merged from, or only, a nationality adjective
    bool personPlural = false;  // one word, the plural of a noun.person noun ("veterans", "Democrats")
    bool placeName = false;     // the whole name is a country or subdivision (iso-codes)
    HeadClass proper = HeadClass::None;   // the whole name as a WordNet proper noun (its lexicographer file)
    HeadClass instance = HeadClass::None; // the class the name is a WordNet instance of ("Kansas": a state)
    HeadClass head = HeadClass::None;     // the head noun ("commission" of "Interstate Commerce Commission")
    HeadClass classCue = HeadClass::None; // "Ns such as X", "X and other Ns", the noun that usually follows
    bool personCue = false;     // honorifics, titles, "X said", apposition to a person noun, he/she
    bool givenName = false;     // two or three words, the first a given name
    bool unknownWords = false;  // every word of the name unknown to WordNet
    bool commonWords = false;   // every word of the name a common word WordNet never capitalises
    bool identifier = false;    // a file name or code identifier ("package.json", "NO_SHIM")
    bool determined = false;    // one word, mostly after a determiner ("the Nation", "our Navy")
};

// Types a concept by the first rule that fires:
//  0. a file name or code identifier → technology;
//  1. a nationality adjective, a country or subdivision, or a WordNet
//     location → place;
//  2. the class WordNet makes it an instance of: a location → place, a
//     person → person (not for a word written after a determiner: "the
//     Nation" is no Carry Nation; this holds for rule 4 too), a group → organization, an event → event, a policy
//     instrument → policy, a structure or other artifact → place or product;
//  3. person cues, or a given name opening a two- or three-word name, unless
//     the head is a collective noun ("Grace Foundation") → person;
//  4. the whole name as a WordNet proper noun: person, group → organization,
//     event, policy;
//  5. one-word plurals of person nouns: a name ("Democrats") → organization,
//     a common noun ("veterans", "farmers": a social category) → theme;
//  6. the head noun's class: a group → organization, a location → place,
//     a policy instrument → policy, an event → event, a technology →
//     technology, a person noun heading a name → person;
//  7. the class cue, as for the head;
//  8. defaults: a common-noun phrase, or a name made of common words
//     ("Statehood", "Universal Training", typed by its head first) → theme; a
//     two- or three-word name of unknown words → person; an acronym or other
//     name → organization, or technology where the corpus names more
//     technologies than organisations and people (see TypeGuess).
// guessed, when given, is set to whether one of the last two defaults (an
// unknown person, an organisation) decided.
[[nodiscard]] ConceptType conceptType(const TypeCues &cues, bool *guessed = nullptr);

// The type of a name nothing else types ("Zorblatt", "IPC"), from
// what the evidence typed in the same corpus: in documentation of software,
// whose names are identifiers, protocols and formats, an unknown name is
// most likely another technology; elsewhere an organisation. Counts the
// concepts conceptType typed from evidence.
class TypeGuess final
{
public:
    void count(ConceptType evidenced);
    [[nodiscard]] ConceptType unknownName() const;

private:
    int m_technologies = 0;
    int m_agents = 0; // organisations and people
};

} // namespace carto::extract
