#include "typer.h"

#include "lexicon.h"

#include <QHash>
#include <QReadWriteLock>

#include <algorithm>
#include <optional>
#include <string>

namespace carto::extract {

namespace {

bool anyOf(const std::vector<std::string> &chain, std::initializer_list<std::string_view> anchors)
{
    return std::any_of(chain.begin(), chain.end(), [&](const std::string &w) {
        return std::find(anchors.begin(), anchors.end(), w) != anchors.end();
    });
}

enum class Reading : std::uint8_t { First, Class, Name };

// A name names an institution when its head has an institution among its
// commonest senses (WordNet orders senses by frequency), and no place before
// it: "World Bank", "Patent Office", but "German Empire", "Barbary States".
constexpr int kNameHeadSenses = 3;

int firstGroupSense(const Lexicon &lex, std::string_view lemma)
{
    for (int s = 0; s < kNameHeadSenses; ++s) {
        const QString file = lex.nounSenseLexFile(lemma, s);
        if (file.isEmpty() || file == u"noun.location")
            break;
        if (file == u"noun.group")
            return s;
    }
    return -1;
}

HeadClass classifySense(std::string_view lemma, int sense);

HeadClass classifyUncached(std::string_view lemma, Reading reading)
{
    const Lexicon &lex = Lexicon::instance();
    if (reading == Reading::Name) {
        const int group = firstGroupSense(lex, lemma);
        if (group > 0) {
            if (const HeadClass c = classifySense(lemma, group); c == HeadClass::Group)
                return c; // an institution, not any collection ("a school of fish")
        }
    }
    return classifySense(lemma, reading == Reading::Class ? lex.firstClassSense(lemma) : 0);
}

HeadClass classifySense(std::string_view lemma, int sense)
{
    const Lexicon &lex = Lexicon::instance();
    const QString file = lex.nounSenseLexFile(lemma, sense);
    if (file.isEmpty())
        return HeadClass::None;
    // nouns of restriction name the measure itself when they head a phrase
    // ("export controls", "spending freeze", "tax cuts"), whatever WordNet's
    // first sense of the bare word is
    // ("tax_cut" as WordNet lists it too)
    const size_t space = lemma.rfind('_');
    const std::string_view last = space == std::string_view::npos ? lemma : lemma.substr(space + 1);
    for (std::string_view w : {"control", "ban", "embargo", "quota", "moratorium", "freeze", "cut"}) {
        if (last == w)
            return HeadClass::Policy;
    }
    std::vector<std::string> chain = lex.hypernymWords(lemma, 1, sense);
    chain.insert(chain.begin(), std::string(lemma));
    if (anyOf(chain, {"plan", "program", "programme", "policy", "law", "legislation", "statute", "legal_document",
                      "treaty", "agreement", "regulation", "reform", "tax", "tariff", "subsidy", "budget",
                      "bill", "doctrine", "amendment", "initiative", "sanction", "insurance", "social_control",
                      "cancellation", "abolition", "injunction", "exemption",
                      "negotiation"}))
        return HeadClass::Policy;
    if (file == u"noun.event"
        || anyOf(chain, {"war", "conflict", "battle", "crisis", "conference", "meeting", "election", "revolution",
                         "attack", "depression", "recession", "exhibition", "summit"}))
        return HeadClass::Event;
    if (anyOf(chain, {"device", "instrumentality", "machine", "weapon", "technology", "equipment", "vehicle",
                      "software", "energy", "fuel", "engine", "computer_code", "communications_protocol"}))
        return HeadClass::Technology;
    // an institution, not any collection ("people", "family", "class")
    if (anyOf(chain, {"enterprise", "institution", "administrative_unit", "administrative_body", "military_unit",
                      "armed_forces", "armed_service", "military_service", "political_party", "legislature", "union",
                      "company", "financial_institution", "court", "agency"}))
        return HeadClass::Group;
    if (file == u"noun.group")
        return HeadClass::Collective;
    if (file == u"noun.person")
        return HeadClass::Person;
    if (file == u"noun.location" || file == u"noun.object")
        return HeadClass::Location;
    if (file == u"noun.artifact")
        return anyOf(chain, {"construction", "building", "edifice", "way", "facility", "installation"})
            ? HeadClass::Location
            : HeadClass::Artifact;
    return HeadClass::Other;
}

std::optional<ConceptType> fromClass(HeadClass c, bool named)
{
    switch (c) {
    case HeadClass::Group:
        return ConceptType::Organization;
    case HeadClass::Collective:
        return named ? std::optional(ConceptType::Organization) : std::nullopt;
    case HeadClass::Location:
        return ConceptType::Place;
    case HeadClass::Policy:
        return ConceptType::Policy;
    case HeadClass::Event:
        return ConceptType::Event;
    case HeadClass::Technology:
        return ConceptType::Technology;
    case HeadClass::Person:
        return named ? std::optional(ConceptType::Person) : std::nullopt;
    case HeadClass::Artifact:
        return named ? std::optional(ConceptType::Product) : std::nullopt;
    case HeadClass::None:
    case HeadClass::Other:
        break;
    }
    return std::nullopt;
}

} // namespace

namespace {

HeadClass classifyCached(std::string_view lemma, Reading reading)
{
    // distinct heads are few and asked for from both extraction threads
    static QHash<QString, HeadClass> cache;
    static QReadWriteLock lock;
    QString key = QString::fromUtf8(lemma.data(), static_cast<qsizetype>(lemma.size()));
    if (reading != Reading::First)
        key.prepend(reading == Reading::Class ? u'^' : u'@');
    {
        QReadLocker read(&lock);
        auto it = cache.constFind(key);
        if (it != cache.constEnd())
            return *it;
    }
    const HeadClass c = classifyUncached(lemma, reading);
    QWriteLocker write(&lock);
    cache.insert(key, c);
    return c;
}

} // namespace

HeadClass classifyNoun(std::string_view lemma)
{
    return classifyCached(lemma, Reading::First);
}

HeadClass classifyHeadNoun(std::string_view lemma)
{
    return classifyCached(lemma, Reading::Class);
}

HeadClass classifyNameHead(std::string_view lemma)
{
    return classifyCached(lemma, Reading::Name);
}

void TypeGuess::count(ConceptType evidenced)
{
    m_technologies += evidenced == ConceptType::Technology;
    m_agents += evidenced == ConceptType::Organization || evidenced == ConceptType::Person;
}

ConceptType TypeGuess::unknownName() const
{
    return m_technologies > m_agents ? ConceptType::Technology : ConceptType::Organization;
}

ConceptType conceptType(const TypeCues &c, bool *guessed)
{
    if (guessed)
        *guessed = false;
    const bool groupHead = c.head == HeadClass::Group || c.head == HeadClass::Collective;
    if (c.identifier)
        return ConceptType::Technology;
    if (c.nationality || c.placeName || c.proper == HeadClass::Location)
        return ConceptType::Place;
    if (c.named) {
        if (c.instance == HeadClass::Artifact)
            return ConceptType::Product;
        // people are not named after a determiner: "the Nation", "our Navy"
        const bool person = !c.determined;
        if (c.instance != HeadClass::None && c.instance != HeadClass::Other && (person || c.instance != HeadClass::Person)) {
            if (const auto t = fromClass(c.instance, true))
                return *t;
        }
        if ((c.personCue || c.givenName) && c.words <= 3 && !groupHead && c.head != HeadClass::Policy
            && c.head != HeadClass::Event)
            return ConceptType::Person;
        if (c.proper == HeadClass::Person && person)
            return ConceptType::Person;
        if (const auto t = fromClass(c.proper, true); t && c.proper != HeadClass::Artifact && c.proper != HeadClass::Person)
            return *t;
    }
    if (c.personPlural && c.words == 1)
        return c.named ? ConceptType::Organization : ConceptType::Theme;
    // a common noun written as a name ("the Emperor", "Statehood") is what
    // the noun is; so is a title-case phrase of common words ("Universal Training")
    // (an acronym is no common noun: "MIME" is no mime artist, "URI" no place)
    const bool commonName = c.named && c.commonWords && !c.acronym;
    if (c.words > 1 || !c.named || groupHead || commonName) {
        if (const auto t = fromClass(c.head, c.named); t && !(c.named && c.words == 1 && c.head == HeadClass::Artifact))
            return *t;
    }
    if (const auto t = fromClass(c.classCue, c.named))
        return *t;
    if (!c.named || commonName)
        return ConceptType::Theme;
    if (guessed)
        *guessed = true;
    if (c.unknownWords && c.words >= 2 && c.words <= 3)
        return ConceptType::Person;
    return ConceptType::Organization;
}

} // namespace carto::extract
