#include "conceptscorer.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace carto::extract {

namespace {

bool inSet(const QString &word, std::initializer_list<const char16_t *> words)
{
    for (const char16_t *w : words) {
        if (word == QStringView(w))
            return true;
    }
    return false;
}

bool isOrganizationHead(const QString &w)
{
    return inSet(w, {u"inc", u"corp", u"corporation", u"company", u"co", u"ltd", u"llc", u"plc", u"group",
                     u"exchange", u"bank", u"ministry", u"university", u"institute", u"agency", u"department",
                     u"association", u"council", u"committee", u"party", u"foundation", u"commission",
                     u"bureau", u"academy", u"administration", u"federation", u"fund", u"court", u"congress",
                     u"senate", u"parliament", u"board", u"office", u"authority", u"organization",
                     u"organisation", u"school", u"college", u"laboratory", u"lab", u"labs", u"army", u"navy",
                     u"force", u"service", u"firm", u"startup", u"enterprise", u"holdings", u"team", u"club",
                     u"network", u"society", u"league", u"alliance"});
}

bool isPolicyHead(const QString &w)
{
    return inSet(w, {u"plan", u"policy", u"act", u"initiative", u"control", u"strategy", u"program",
                     u"programme", u"law", u"regulation", u"treaty", u"agreement", u"doctrine", u"reform",
                     u"bill", u"tariff", u"sanction", u"deal", u"accord", u"rule", u"standard", u"framework",
                     u"directive", u"budget", u"tax", u"subsidy", u"ban", u"amendment", u"protocol"});
}

bool isEventHead(const QString &w)
{
    return inSet(w, {u"war", u"crisis", u"summit", u"election", u"conference", u"revolution", u"depression",
                     u"recession", u"pandemic", u"epidemic", u"olympics", u"attack", u"battle", u"invasion",
                     u"panic", u"famine", u"strike", u"race", u"boom", u"meeting", u"festival"});
}

bool isTechnologyHead(const QString &w)
{
    return inSet(w, {u"computing", u"learning", u"model", u"network", u"chip", u"semiconductor", u"algorithm",
                     u"software", u"hardware", u"intelligence", u"technology", u"robot", u"robotics",
                     u"device", u"processor", u"gpu", u"cloud", u"engine", u"machine", u"drone", u"vision",
                     u"processing", u"automation", u"encryption", u"database", u"computer",
                     u"internet", u"infrastructure", u"pipeline", u"datasets", u"dataset", u"data",
                     u"system", u"platform", u"app", u"application", u"battery", u"vehicle", u"reactor",
                     u"weapon", u"satellite", u"telegraph", u"railroad", u"railway"});
}

bool isProductClass(const QString &w)
{
    return inSet(w, {u"platform", u"app", u"application", u"product", u"service", u"tool", u"device",
                     u"brand", u"assistant", u"chatbot", u"game", u"phone", u"agent"});
}

bool isOrganizationClass(const QString &w)
{
    return isOrganizationHead(w)
        || inSet(w, {u"company", u"firm", u"startup", u"business", u"vendor", u"player", u"giant", u"maker",
                     u"manufacturer", u"lab", u"provider", u"institution", u"organization", u"enterprise"});
}

bool isPlaceClass(const QString &w)
{
    return inSet(w, {u"country", u"nation", u"city", u"region", u"state", u"province", u"territory",
                     u"place", u"area", u"hub", u"island", u"port"});
}

bool isPersonClass(const QString &w)
{
    return inSet(w, {u"person", u"people", u"leader", u"entrepreneur", u"founder", u"writer", u"analyst",
                     u"author", u"executive", u"researcher", u"scientist", u"engineer", u"politician",
                     u"president", u"minister", u"ceo", u"investor", u"expert"});
}

std::optional<ConceptType> typeFromClass(const QString &w)
{
    if (w.isEmpty())
        return std::nullopt;
    if (isPersonClass(w))
        return ConceptType::Person;
    if (isPlaceClass(w))
        return ConceptType::Place;
    if (isProductClass(w))
        return ConceptType::Product;
    if (isOrganizationClass(w))
        return ConceptType::Organization;
    if (isPolicyHead(w))
        return ConceptType::Policy;
    if (isEventHead(w))
        return ConceptType::Event;
    if (isTechnologyHead(w) || w == u"field" || w == u"sector")
        return ConceptType::Technology;
    return std::nullopt;
}

} // namespace

double conceptScore(const ConceptFeatures &f)
{
    // A lone common noun ("constraints", "iteration") says less than a phrase or a name.
    constexpr double kSingleNounFactor = 0.6;
    const bool nameLike = f.named || f.linked || f.quoted;
    const double generality = 1.0 + std::log1p(std::max(0, f.generalCount));
    const double specificity = !nameLike ? 1.0 / generality
        : f.commonWordName && !f.linked && !f.quoted ? 1.0 / std::sqrt(generality)
                                                      : 1.0;
    constexpr double kSmallCorpus = 20.0;
    const double namedBoost = 1.0 / (1.0 + std::log(std::max(1.0, f.documentTotal / kSmallCorpus)));
    const double tf = 1.0 + std::log(std::max(1, f.mentions));
    const double spread = 1.0 + 0.5 * std::log(std::max(1, f.documents));
    const double boost = 1.0 + namedBoost * f.named + 0.5 * f.linked + 0.3 * f.quoted + 0.3 * f.acronymPair
        + 0.1 * f.heading;
    const double perWord = nameLike ? 0.15 : 0.3;
    const double length = f.words == 1 && !nameLike ? kSingleNounFactor : 1.0 + perWord * (std::min(f.words, 4) - 1);
    const double description = f.evaluative && !nameLike ? 0.5 : 1.0;
    return specificity * tf * spread * boost * length * description;
}

ConceptType conceptType(const ConceptFeatures &f)
{
    if (f.peoplePlural)
        return ConceptType::Person;
    // continents, rivers and mountains live in noun.object
    if (f.properLexFile == u"noun.location" || f.properLexFile == u"noun.object")
        return ConceptType::Place;
    // a multiword name headed by a collective noun is an institution, whatever
    // its first word: "Federal Government", "Grace Foundation"
    const bool groupHead = f.named && f.words >= 2 && f.headLexFile == u"noun.group";
    if (f.named && f.personCue && f.words <= 3 && f.properLexFile != u"noun.location" && !groupHead)
        return ConceptType::Person;
    if (f.named && f.firstTokenGivenName && f.words >= 2 && f.words <= 3 && !isOrganizationHead(f.headLemma)
        && !groupHead)
        return ConceptType::Person;
    if (f.nationality || f.properLexFile == u"noun.location")
        return ConceptType::Place;
    if (f.properLexFile == u"noun.person")
        return ConceptType::Person;
    if (f.properLexFile == u"noun.group")
        return ConceptType::Organization;
    if (f.properLexFile == u"noun.event")
        return ConceptType::Event;
    if (f.properLexFile == u"noun.artifact")
        return ConceptType::Product;
    if (f.words > 1 || !f.named) {
        if ((isOrganizationHead(f.headLemma) || groupHead) && f.named)
            return ConceptType::Organization;
        if (isPolicyHead(f.headLemma))
            return ConceptType::Policy;
        if (isEventHead(f.headLemma) && f.words > 1)
            return ConceptType::Event;
    }
    if (auto t = typeFromClass(f.classCue))
        return *t;
    if (f.followerCue.size() > 0) {
        if (isPolicyHead(f.followerCue))
            return ConceptType::Policy;
        if (isOrganizationHead(f.followerCue) && f.named)
            return ConceptType::Organization;
    }
    if (isTechnologyHead(f.headLemma) || (!f.named && f.headLexFile == u"noun.artifact"))
        return ConceptType::Technology;
    if (!f.named)
        return ConceptType::Theme;
    return ConceptType::Organization;
}

} // namespace carto::extract
