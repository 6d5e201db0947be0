// Typing: the rule function conceptType() over hand-made cues, classifyNoun()
// on real WordNet nouns, and the cues the concept builder gathers, end to end
// through ConceptExtractor (issue 7, item 5).
#include "core/extract/stagepipeline.h"

#include "extract/conceptextractor.h"
#include "extract/typer.h"

#include <QTest>

using namespace carto;
using namespace carto::extract;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(carto::extract::TypeCues)
Q_DECLARE_METATYPE(carto::extract::ConceptType)
Q_DECLARE_METATYPE(carto::extract::HeadClass)

namespace {

// Cues for a name of `words` words; a common-noun phrase with named = false.
TypeCues cues(int words, bool named = true)
{
    TypeCues c;
    c.words = words;
    c.named = named;
    return c;
}

template<typename F>
TypeCues with(TypeCues c, F f)
{
    f(c);
    return c;
}

Extraction extractFrom(const QStringList &texts)
{
    return ConceptExtractor().extract(test::readCorpus(texts), {});
}

// The concept with this label, or one that has it as an alias.
const Concept *conceptNamed(const Extraction &x, const QString &name)
{
    for (const Concept &c : x.concepts) {
        if (c.label == name)
            return &c;
    }
    for (const Concept &c : x.concepts) {
        if (c.aliases.contains(name))
            return &c;
    }
    return nullptr;
}

QString listConcepts(const Extraction &x)
{
    QStringList out;
    for (const Concept &c : x.concepts)
        out << c.label + u'/' + conceptTypeName(c.type);
    return out.join(u", "_s);
}

} // namespace

class TyperTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conceptType_cues_firstRuleThatFiresWins_data()
    {
        QTest::addColumn<TypeCues>("cues");
        QTest::addColumn<ConceptType>("type");
        using H = HeadClass;
        using T = ConceptType;
        // 1. places
        QTest::newRow("nationality adjective") << with(cues(1), [](TypeCues &c) { c.nationality = true; c.personCue = true; }) << T::Place;
        QTest::newRow("iso-codes place name") << with(cues(1), [](TypeCues &c) { c.placeName = true; }) << T::Place;
        QTest::newRow("WordNet location") << with(cues(2), [](TypeCues &c) { c.proper = H::Location; }) << T::Place;
        // 2. the class a name is an instance of, before person cues
        QTest::newRow("instance of a location") << with(cues(1), [](TypeCues &c) { c.instance = H::Location; c.personCue = true; }) << T::Place;
        QTest::newRow("instance of a person") << with(cues(1), [](TypeCues &c) { c.instance = H::Person; }) << T::Person;
        QTest::newRow("instance of a person, after determiners")
            << with(cues(1), [](TypeCues &c) { c.instance = H::Person; c.proper = H::Person; c.determined = true; })
            << T::Organization;
        QTest::newRow("instance of an institution") << with(cues(2), [](TypeCues &c) { c.instance = H::Group; }) << T::Organization;
        QTest::newRow("instance of an event") << with(cues(2), [](TypeCues &c) { c.instance = H::Event; }) << T::Event;
        QTest::newRow("instance of a policy") << with(cues(2), [](TypeCues &c) { c.instance = H::Policy; }) << T::Policy;
        QTest::newRow("instance of an artifact") << with(cues(2), [](TypeCues &c) { c.instance = H::Artifact; }) << T::Product;
        // 3. person cues and given names
        QTest::newRow("person cue") << with(cues(2), [](TypeCues &c) { c.personCue = true; }) << T::Person;
        QTest::newRow("given name") << with(cues(2), [](TypeCues &c) { c.givenName = true; }) << T::Person;
        QTest::newRow("given name, collective head")
            << with(cues(2), [](TypeCues &c) { c.givenName = true; c.head = H::Collective; }) << T::Organization;
        QTest::newRow("given name, policy head")
            << with(cues(2), [](TypeCues &c) { c.givenName = true; c.head = H::Policy; }) << T::Policy;
        QTest::newRow("person cue on four words") << with(cues(4), [](TypeCues &c) { c.personCue = true; }) << T::Organization;
        // 4. the whole name as a WordNet proper noun
        QTest::newRow("proper person") << with(cues(1), [](TypeCues &c) { c.proper = H::Person; }) << T::Person;
        QTest::newRow("proper group") << with(cues(1), [](TypeCues &c) { c.proper = H::Group; }) << T::Organization;
        QTest::newRow("proper event") << with(cues(2), [](TypeCues &c) { c.proper = H::Event; }) << T::Event;
        // 5. plurals of person nouns
        QTest::newRow("named person plural") << with(cues(1), [](TypeCues &c) { c.personPlural = true; }) << T::Organization;
        QTest::newRow("common person plural") << with(cues(1, false), [](TypeCues &c) { c.personPlural = true; }) << T::Theme;
        // 6. the head noun
        QTest::newRow("institution head of a name") << with(cues(3), [](TypeCues &c) { c.head = H::Group; }) << T::Organization;
        QTest::newRow("collective head of a name") << with(cues(2), [](TypeCues &c) { c.head = H::Collective; }) << T::Organization;
        QTest::newRow("collective head of a term") << with(cues(2, false), [](TypeCues &c) { c.head = H::Collective; }) << T::Theme;
        QTest::newRow("policy head") << with(cues(2, false), [](TypeCues &c) { c.head = H::Policy; }) << T::Policy;
        QTest::newRow("event head") << with(cues(1, false), [](TypeCues &c) { c.head = H::Event; }) << T::Event;
        QTest::newRow("technology head") << with(cues(2, false), [](TypeCues &c) { c.head = H::Technology; }) << T::Technology;
        QTest::newRow("location head") << with(cues(2), [](TypeCues &c) { c.head = H::Location; }) << T::Place;
        QTest::newRow("person head of a name") << with(cues(2), [](TypeCues &c) { c.head = H::Person; }) << T::Person;
        QTest::newRow("person head of a term") << with(cues(2, false), [](TypeCues &c) { c.head = H::Person; }) << T::Theme;
        QTest::newRow("artifact head of a one-word name")
            << with(cues(1), [](TypeCues &c) { c.head = H::Artifact; }) << T::Organization;
        // 7. the class cue
        QTest::newRow("class cue on a one-word name")
            << with(cues(1), [](TypeCues &c) { c.classCue = H::Artifact; }) << T::Product;
        QTest::newRow("head before class cue")
            << with(cues(2, false), [](TypeCues &c) { c.head = H::Policy; c.classCue = H::Technology; }) << T::Policy;
        // 8. defaults
        QTest::newRow("common-noun phrase") << cues(2, false) << T::Theme;
        QTest::newRow("unknown two-word name") << with(cues(2), [](TypeCues &c) { c.unknownWords = true; }) << T::Person;
        QTest::newRow("unknown three-word name") << with(cues(3), [](TypeCues &c) { c.unknownWords = true; }) << T::Person;
        QTest::newRow("unknown four-word name") << with(cues(4), [](TypeCues &c) { c.unknownWords = true; }) << T::Organization;
        QTest::newRow("unknown one-word name") << with(cues(1), [](TypeCues &c) { c.unknownWords = true; }) << T::Organization;
        QTest::newRow("acronym") << with(cues(1), [](TypeCues &c) { c.acronym = true; }) << T::Organization;
        // rule 0 before every other
        QTest::newRow("identifier") << with(cues(1), [](TypeCues &c) { c.identifier = true; c.placeName = true; c.acronym = true; })
                                    << T::Technology;
        // a name of common words is what its head is, else a theme
        QTest::newRow("common words, no head") << with(cues(2), [](TypeCues &c) { c.commonWords = true; }) << T::Theme;
        QTest::newRow("common words, one word") << with(cues(1), [](TypeCues &c) { c.commonWords = true; }) << T::Theme;
        QTest::newRow("common words, policy head")
            << with(cues(1), [](TypeCues &c) { c.commonWords = true; c.head = H::Policy; }) << T::Policy;
        QTest::newRow("common words, person head (\"the Emperor\")")
            << with(cues(1), [](TypeCues &c) { c.commonWords = true; c.head = H::Person; }) << T::Person;
        // an acronym spelled like a common noun is not that noun ("MIME", "URI")
        QTest::newRow("acronym of common letters, person head")
            << with(cues(1), [](TypeCues &c) { c.acronym = true; c.commonWords = true; c.head = H::Person; })
            << T::Organization;
    }

    void conceptType_cues_firstRuleThatFiresWins()
    {
        QFETCH(TypeCues, cues);
        QFETCH(ConceptType, type);
        QCOMPARE(conceptTypeName(conceptType(cues)), conceptTypeName(type));
    }

    void classifyNoun_wordNetNoun_givesItsClass_data()
    {
        QTest::addColumn<QString>("noun");
        QTest::addColumn<HeadClass>("cls");
        using H = HeadClass;
        QTest::newRow("tariff") << u"tariff"_s << H::Policy;
        QTest::newRow("reform") << u"reform"_s << H::Policy;
        QTest::newRow("law") << u"law"_s << H::Policy;
        QTest::newRow("treaty") << u"treaty"_s << H::Policy;
        QTest::newRow("control (a restriction)") << u"control"_s << H::Policy;
        QTest::newRow("embargo") << u"embargo"_s << H::Policy;
        QTest::newRow("war") << u"war"_s << H::Event;
        QTest::newRow("recession") << u"recession"_s << H::Event;
        QTest::newRow("election") << u"election"_s << H::Event;
        QTest::newRow("weapon") << u"weapon"_s << H::Technology;
        QTest::newRow("machine") << u"machine"_s << H::Technology;
        QTest::newRow("corporation") << u"corporation"_s << H::Group;
        QTest::newRow("commission") << u"commission"_s << H::Group;
        QTest::newRow("court") << u"court"_s << H::Group;
        QTest::newRow("people") << u"people"_s << H::Collective;
        QTest::newRow("family") << u"family"_s << H::Collective;
        QTest::newRow("senator") << u"senator"_s << H::Person;
        QTest::newRow("city") << u"city"_s << H::Location;
        QTest::newRow("bridge") << u"bridge"_s << H::Location;
        QTest::newRow("idea") << u"idea"_s << H::Other;
        QTest::newRow("negotiation") << u"negotiation"_s << H::Policy;
        QTest::newRow("rule (no policy)") << u"rule"_s << H::Other;
        QTest::newRow("navy (a military service)") << u"navy"_s << H::Group;
        QTest::newRow("hospital (a building)") << u"hospital"_s << H::Location;
        QTest::newRow("road (a way)") << u"road"_s << H::Location;
        QTest::newRow("airport (a facility)") << u"airport"_s << H::Location;
        QTest::newRow("statue (an artifact)") << u"statue"_s << H::Artifact;
        QTest::newRow("unknown word") << u"zorblatt"_s << H::None;
    }

    void classifyNoun_wordNetNoun_givesItsClass()
    {
        QFETCH(QString, noun);
        QFETCH(HeadClass, cls);
        QCOMPARE(static_cast<int>(classifyNoun(noun.toStdString())), static_cast<int>(cls));
    }

    void classifyHeadNoun_firstSenseAnInstance_givesTheClassSense_data()
    {
        QTest::addColumn<QString>("noun");
        QTest::addColumn<HeadClass>("asName"); // classifyNoun: the first sense, here an instance
        QTest::addColumn<HeadClass>("asHead"); // classifyHeadNoun: the first class sense
        using H = HeadClass;
        QTest::newRow("id: Idaho, an identity card") << u"id"_s << H::Location << H::Other;
        QTest::newRow("china: the country, porcelain") << u"china"_s << H::Location << H::Technology;
        QTest::newRow("city: a class first") << u"city"_s << H::Location << H::Location;
    }

    void classifyHeadNoun_firstSenseAnInstance_givesTheClassSense()
    {
        QFETCH(QString, noun);
        QFETCH(HeadClass, asName);
        QFETCH(HeadClass, asHead);
        QCOMPARE(static_cast<int>(classifyNoun(noun.toStdString())), static_cast<int>(asName));
        QCOMPARE(static_cast<int>(classifyHeadNoun(noun.toStdString())), static_cast<int>(asHead));
    }

    void classifyNameHead_institutionAmongTheCommonestSenses_isAGroup_data()
    {
        QTest::addColumn<QString>("noun");
        QTest::addColumn<HeadClass>("asName"); // classifyNameHead
        using H = HeadClass;
        QTest::newRow("foundation: the institution, not the basis") << u"foundation"_s << H::Group;
        QTest::newRow("bank: the institution, not the slope") << u"bank"_s << H::Group;
        QTest::newRow("office: the administrative unit, not the room") << u"office"_s << H::Group;
        QTest::newRow("empire: a place comes first") << u"empire"_s << classifyNoun("empire");
        QTest::newRow("shoal: a school of fish is no institution") << u"shoal"_s << classifyNoun("shoal");
        QTest::newRow("right: no group among the first three") << u"right"_s << classifyNoun("right");
    }

    void classifyNameHead_institutionAmongTheCommonestSenses_isAGroup()
    {
        QFETCH(QString, noun);
        QFETCH(HeadClass, asName);
        QCOMPARE(static_cast<int>(classifyNameHead(noun.toStdString())), static_cast<int>(asName));
        if (asName == HeadClass::Group)
            QVERIFY(classifyNoun(noun.toStdString()) != HeadClass::Group); // the first sense alone says otherwise
    }

    void typeGuess_unknownName_followsWhatTheEvidenceTyped()
    {
        TypeGuess none;
        QCOMPARE(conceptTypeName(none.unknownName()), conceptTypeName(ConceptType::Organization));
        TypeGuess software;
        for (ConceptType t : {ConceptType::Technology, ConceptType::Technology, ConceptType::Organization,
                              ConceptType::Place, ConceptType::Theme})
            software.count(t);
        QCOMPARE(conceptTypeName(software.unknownName()), conceptTypeName(ConceptType::Technology));
        TypeGuess politics;
        for (ConceptType t : {ConceptType::Technology, ConceptType::Person, ConceptType::Organization,
                              ConceptType::Place, ConceptType::Place})
            politics.count(t);
        QCOMPARE(conceptTypeName(politics.unknownName()), conceptTypeName(ConceptType::Organization));
        bool guessed = false;
        QCOMPARE(conceptTypeName(conceptType(with(cues(1), [](TypeCues &) {}), &guessed)),
                 conceptTypeName(ConceptType::Organization));
        QVERIFY(guessed);
        QCOMPARE(conceptTypeName(conceptType(with(cues(1), [](TypeCues &c) { c.identifier = true; }), &guessed)),
                 conceptTypeName(ConceptType::Technology));
        QVERIFY(!guessed);
    }

    void extract_unknownName_takesTheCorpusDefault_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ConceptType>("type");
        // Zorblatt stands bare, so that only the last default can type it
        QTest::newRow("software documentation")
            << u"Call readHeader() before parseBody(). With Zorblatt, readHeader() takes bufferSize, and "
               "parseBody() reads config.json. Then writeTrailer() closes vendor.lock for Zorblatt."_s
            << ConceptType::Technology;
        QTest::newRow("public affairs")
            << u"Senator Robert Byrd met the Interstate Commerce Commission. Later Senator Robert Byrd thanked "
               "Zorblatt, and the Federal Reserve Board met with Zorblatt."_s
            << ConceptType::Organization;
    }

    void extract_unknownName_takesTheCorpusDefault()
    {
        QFETCH(QString, text);
        QFETCH(ConceptType, type);
        const Extraction x = extractFrom({text});
        const Concept *c = conceptNamed(x, u"Zorblatt"_s);
        QVERIFY2(c, qPrintable(listConcepts(x)));
        QCOMPARE(conceptTypeName(c->type), conceptTypeName(type));
    }

    void classifyNoun_collections_areNoOrganisations()
    {
        for (const char *noun : {"people", "family", "class", "crowd"}) {
            const HeadClass c = classifyNoun(noun);
            QVERIFY2(c != HeadClass::Group, noun);
            QVERIFY2(conceptType(with(cues(2, false), [&](TypeCues &t) { t.head = c; })) != ConceptType::Organization, noun);
        }
    }

    void extract_concept_getsTypeFromEvidence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name"); // label or alias
        QTest::addColumn<ConceptType>("type");
        using T = ConceptType;
        QTest::newRow("WordNet instance of a state")
            << u"Settlers moved to Kansas in spring. Farms in Kansas grew, and Kansas prospered."_s << u"Kansas"_s << T::Place;
        QTest::newRow("given name") << u"Debian was founded by Ian Murdock. Later Ian Murdock wrote a manifesto."_s
                                    << u"Ian Murdock"_s << T::Person;
        QTest::newRow("given name + common-noun surname")
            << u"The dinner was hosted by Laura Bush. Guests thanked Laura Bush warmly."_s << u"Laura Bush"_s << T::Person;
        QTest::newRow("iso-codes country") << u"Delegates from Eswatini arrived. Later Eswatini signed the treaty."_s
                                           << u"Eswatini"_s << T::Place;
        QTest::newRow("iso-codes subdivision") << u"Farmers in Tamaulipas grew maize. Rain fell on Tamaulipas."_s
                                               << u"Tamaulipas"_s << T::Place;
        QTest::newRow("title noun") << u"We thanked Senator Zorblatt today. Later Senator Zorblatt voted no."_s
                                    << u"Zorblatt"_s << T::Person;
        QTest::newRow("pronoun in the next sentence")
            << u"The board hired Zorblatt in May. He praised the plan. Later Zorblatt left the firm."_s << u"Zorblatt"_s
            << T::Person;
        QTest::newRow("no pronoun, one unknown word")
            << u"The board hired Zorblatt in May. The plan worked. Later the board thanked Zorblatt."_s << u"Zorblatt"_s
            << T::Organization;
        QTest::newRow("unknown two-word name")
            << u"The board hired Quarn Zelbix in May. Later the board thanked Quarn Zelbix."_s << u"Quarn Zelbix"_s
            << T::Person;
        QTest::newRow("unknown two-word name before a verb that is also a noun")
            << u"The board hired Quarn Zelbix in May. Later Quarn Zelbix left."_s << u"Quarn Zelbix"_s << T::Person;
        QTest::newRow("unknown word before a verb that is also a noun")
            << u"The board hired Zorblatt in May. The plan worked. Later Zorblatt left the firm."_s << u"Zorblatt"_s
            << T::Organization;
        QTest::newRow("doctrine named after a person")
            << u"The Monroe Doctrine guided policy. Later the Monroe Doctrine was cited again."_s << u"Monroe Doctrine"_s
            << T::Policy;
        QTest::newRow("file name") << u"The build reads package.json first. Later package.json lists the tools."_s
                                   << u"package.json"_s << T::Technology;
        QTest::newRow("identifier in capitals")
            << u"Set DEB_GAIN_ROOT_CMD before the build. Later DEB_GAIN_ROOT_CMD names the wrapper."_s
            << u"DEB_GAIN_ROOT_CMD"_s << T::Technology;
        QTest::newRow("quoted identifier")
            << u"The rules file reads the \"DEB_RULES_REQUIRES_ROOT\" variable."_s << u"DEB_RULES_REQUIRES_ROOT"_s
            << T::Technology;
        QTest::newRow("title-case phrase of common words")
            << u"Officials debated Universal Training in May. Later Universal Training was dropped."_s
            << u"Universal Training"_s << T::Theme;
        QTest::newRow("common noun capitalised after a determiner (\"the Nation\", not Carry Nation)")
            << u"The Nation grew strong. Our Nation trades, and the Nation builds roads."_s << u"Nation"_s
            << T::Organization;
        QTest::newRow("place WordNet lists with its article")
            << u"Delegates met at The Hague in May. The Hague conference failed, and The Hague conference met again."_s
            << u"Hague"_s << T::Place;
        QTest::newRow("protocol WordNet files under communication")
            << u"Clients speak TCP to the server. The server answers over TCP, and TCP keeps order."_s << u"TCP"_s
            << T::Technology;
        QTest::newRow("code WordNet files under communication")
            << u"The file holds ASCII text. Each ASCII letter is a byte, and ASCII has no accents."_s << u"ASCII"_s
            << T::Technology;
        QTest::newRow("doctrine WordNet files under communication")
            << u"The Constitution guides us. Judges read the Constitution, and the Constitution endures."_s
            << u"Constitution"_s << T::Policy;
        QTest::newRow("capitalised adjective before person nouns")
            << u"We met Democratic senators. Later Democratic senators spoke, and Democratic senators left."_s
            << u"Democratic"_s << T::Theme;
        QTest::newRow("surname of a WordNet person without a determiner")
            << u"Truman spoke in May. Later Truman signed the bill, and Truman left."_s << u"Truman"_s << T::Person;
        QTest::newRow("common head whose first sense is a place (Idaho)")
            << u"Type your user ID at the prompt. A user ID is kept for a year, and each user ID is unique."_s
            << u"user ID"_s << T::Theme;
        QTest::newRow("phrase headed before \"in\" (a noun too: inch, Indiana)")
            << u"Startups in Hangzhou grew fast. Later startups in Hangzhou hired more, as startups in Hangzhou do."_s
            << u"startups in Hangzhou"_s << T::Theme;
        QTest::newRow("class after \"and other\" is the head of its noun run")
            << u"Firms obey the GDPR and other privacy laws. Auditors check the GDPR and other privacy laws."_s
            << u"GDPR"_s << T::Policy;
        QTest::newRow("given name + a surname that is an institution's noun")
            << u"The board hired David House in May. Later David House left, and David House wrote."_s
            << u"David House"_s << T::Person;
        QTest::newRow("given name + a plural surname that is an institution's noun")
            << u"The board hired Maria Banks in May. Later Maria Banks left, and Maria Banks wrote."_s
            << u"Maria Banks"_s << T::Person;
        QTest::newRow("class after \"and other\" stops where the tagger's nouns stop")
            << u"Firms know that the GDPR and other laws cover exports. Courts hold that the GDPR and other laws "
               "cover imports."_s
            << u"GDPR"_s << T::Policy;
        QTest::newRow("name headed by a noun whose first sense is abstract")
            << u"The Free Software Foundation may publish new versions. Any version published by the Free "
               "Software Foundation applies."_s
            << u"Free Software Foundation"_s << T::Organization;
        QTest::newRow("institution head") << u"Rates are set by the Interstate Commerce Commission. The Interstate "
                                             "Commerce Commission met."_s
                                          << u"Interstate Commerce Commission"_s << T::Organization;
    }

    void extract_concept_getsTypeFromEvidence()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(ConceptType, type);
        const Extraction x = extractFrom({text});
        const Concept *c = conceptNamed(x, name);
        QVERIFY2(c, qPrintable(listConcepts(x)));
        QCOMPARE(conceptTypeName(c->type), conceptTypeName(type));
    }

    void extract_titledName_isAPersonLabelledWithoutItsTitle_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("titled");
        QTest::newRow("title noun, unknown surname")
            << u"We thanked Senator Zorblatt today. Later Senator Zorblatt voted no."_s << u"Zorblatt"_s
            << u"Senator Zorblatt"_s;
        QTest::newRow("title noun, full name")
            << u"We thanked Senator Robert Byrd today. Later Senator Robert Byrd voted no."_s << u"Robert Byrd"_s
            << u"Senator Robert Byrd"_s;
        QTest::newRow("several title words, full name")
            << u"We thanked Senate Majority Leader Robert Byrd today. Later Robert Byrd voted no."_s << u"Robert Byrd"_s
            << u"Senate Majority Leader Robert Byrd"_s;
    }

    void extract_titledName_isAPersonLabelledWithoutItsTitle()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, titled);
        const Extraction x = extractFrom({text});
        QStringList problems;
        const auto c = std::find_if(x.concepts.begin(), x.concepts.end(), [&](const Concept &k) { return k.label == name; });
        if (c == x.concepts.end()) {
            problems << u"no concept labelled "_s + name;
        } else {
            if (c->type != ConceptType::Person)
                problems << u"typed "_s + conceptTypeName(c->type);
            if (!c->aliases.contains(titled))
                problems << u"no alias "_s + titled + u" in "_s + c->aliases.join(u", "_s);
        }
        for (const Concept &k : x.concepts) {
            if (k.label == titled || k.label == titled.section(u' ', 0, -name.count(u' ') - 2))
                problems << u"a concept labelled "_s + k.label;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s) + u" / "_s + listConcepts(x)));
    }

    void extract_noConcept_forStageDirectionsAndShouting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word"); // no concept of this label may be an organization
        QTest::addColumn<bool>("anyType"); // and none at all when set
        QTest::newRow("stage direction")
            << u"We will cut taxes. [Laughter] And we will cut them again. [Laughter] Thank you. [Applause]"_s
            << u"Laughter"_s << true;
        QTest::newRow("run-in shouted heading")
            << u"VETERANS Fourteen million veterans need care, and the care of veterans costs money. AGRICULTURE "
               "Farm income rose, and farmers bought land."_s
            << u"VETERANS"_s << false;
        QTest::newRow("shouted heading block") << u"# NATIONAL DEFENSE\n\nThe army grew, and the navy sailed.\n"_s
                                               << u"NATIONAL DEFENSE"_s << false;
        QTest::newRow("shouted paragraph")
            << u"THE SOFTWARE IS PROVIDED AS IS WITHOUT WARRANTY OF ANY KIND.\nUsers may copy the software freely.\n"_s
            << u"SOFTWARE"_s << false;
        // RFC 2119 keywords: a modal or an adverb in capitals is emphasis
        QTest::newRow("shouted modal") << u"A client MUST send the header. The server MUST log the header, and a "
                                          "proxy MUST forward the header to the server."_s
                                       << u"MUST"_s << true;
        QTest::newRow("shouted adverb") << u"A client NEVER sends the header twice. The proxy NEVER forwards the "
                                           "header, and the server logs the header."_s
                                        << u"NEVER"_s << true;
    }

    void extract_noConcept_forStageDirectionsAndShouting()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(bool, anyType);
        const Extraction x = extractFrom({text});
        QVERIFY(!x.concepts.empty());
        for (const Concept &c : x.concepts) {
            const bool matches = c.label.compare(word, Qt::CaseInsensitive) == 0
                || c.aliases.contains(word, Qt::CaseInsensitive);
            if (!matches)
                continue;
            QVERIFY2(!anyType, qPrintable(listConcepts(x)));
            QVERIFY2(c.type != ConceptType::Organization, qPrintable(listConcepts(x)));
        }
    }
};

QTEST_GUILESS_MAIN(TyperTest)
#include "typer_test.moc"
