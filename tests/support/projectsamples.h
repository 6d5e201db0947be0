#pragma once
// Projects for the project-file, recovery and session tests: one with every
// field set (text YAML would misread if written carelessly), a generated
// 300-note one, and a field-by-field comparison that says what differs.

#include "project/project.h"

#include <QDir>
#include <QTest>

namespace carto::testsupport {

inline project::Project fullProject(const QString &base)
{
    project::Project p;
    p.corpusFolders = {QDir::cleanPath(base + QStringLiteral("/corpus")),
                       QDir::cleanPath(base + QStringLiteral("/../elsewhere/docs"))};
    extract::Curation::AddedConcept added;
    added.name = QStringLiteral("Spring Rental");
    added.aliases = {QStringLiteral("rent bee hives"), QStringLiteral("hives, rented")};
    added.type = extract::ConceptType::Event;
    p.curation.added.push_back(added);
    extract::Curation::AddedConcept bare;
    bare.name = QStringLiteral("null");
    p.curation.added.push_back(bare);
    p.curation.merges.push_back({QStringLiteral("AI"), {QStringLiteral("artificial intelligence"), QStringLiteral("A.I.")}});
    p.curation.renames[QStringLiteral("usa")] = QStringLiteral("United States");
    p.curation.renames[QStringLiteral("key: value")] = QStringLiteral("# not a comment");
    p.curation.ignored = {QStringLiteral("page"), QStringLiteral("true")};
    p.curation.typeOverrides[QStringLiteral("Apple")] = extract::ConceptType::Organization;
    p.curation.splits = {QStringLiteral("Jordan")};
    p.conceptNotes.push_back({ConceptId(QStringLiteral("apple")), QStringLiteral("Apple"),
                              QStringLiteral("# Heading\n\nLine with \"quotes\", a colon: and 'ticks'.\n")});
    p.conceptNotes.push_back({ConceptId(QStringLiteral("bee")), QStringLiteral("Bees"),
                              QStringLiteral("  indented first line\nno final newline")});
    p.conceptNotes.push_back({ConceptId(QStringLiteral("é ü")), QStringLiteral("Ümlaut — dash"), QStringLiteral("one line")});
    p.conceptNotes.push_back({ConceptId(QStringLiteral("empty")), QString(), QString()});
    p.linkNotes.push_back({ConceptId(QStringLiteral("apple")), ConceptId(QStringLiteral("bee")),
                           QStringLiteral("Bees pollinate apples.\nSee [[orchard]].\n\n")});
    p.positions[ConceptId(QStringLiteral("apple"))] = {12.25, -3.5};
    p.positions[ConceptId(QStringLiteral("bee"))] = {0.0, 1e6};
    p.positions[ConceptId(QStringLiteral("- dash"))] = {-0.01, 99.99};
    p.pinned = {ConceptId(QStringLiteral("apple")), ConceptId(QStringLiteral("- dash"))};
    p.view.zoom = 0.1;
    p.view.centre = {-40.5, 7.75};
    p.view.topN = 400;
    p.view.minLinkWeight = 0.333;
    p.view.hiddenTypes = {QStringLiteral("theme"), QStringLiteral("place")};
    p.view.hiddenCommunities = {3, 0, 12};
    p.view.hiddenDocuments = {QStringLiteral("a, b.md"), QStringLiteral("notes/c.md")};
    p.view.colourByType = true;
    return p;
}

// 300 concept notes in every style the writer uses (one line, literal blocks,
// double-quoted text without a final newline), link notes, a position for
// every concept, pins and curation: what a study of a real corpus looks like.
inline project::Project manyNotesProject(const QString &base, int notes = 300)
{
    project::Project p;
    p.corpusFolders = {QDir::cleanPath(base + QStringLiteral("/corpus"))};
    p.curation.renames[QStringLiteral("usa")] = QStringLiteral("United States");
    p.curation.ignored = {QStringLiteral("page")};
    p.curation.merges.push_back({QStringLiteral("AI"), {QStringLiteral("A.I.")}});
    for (int i = 0; i < notes; ++i) {
        const ConceptId id(QStringLiteral("concept %1").arg(i));
        QString text;
        switch (i % 4) {
        case 0: text = QStringLiteral("Short note %1.").arg(i); break;
        case 1: text = QStringLiteral("# Note %1\n\nTwo paragraphs, see [[concept %2]].\n").arg(i).arg(i + 1); break;
        case 2: text = QStringLiteral("No final newline\nline two of %1").arg(i); break;
        default: text = QStringLiteral("  indented %1\r\nwith CRLF \n").arg(i); break;
        }
        p.conceptNotes.push_back({id, QStringLiteral("Concept %1").arg(i), text});
        p.positions[id] = {double(i) * 1.5, -double(i) / 4.0};
        if (i % 10 == 0)
            p.pinned.insert(id);
        if (i % 15 == 0)
            p.linkNotes.push_back({id, ConceptId(QStringLiteral("concept %1").arg(i + 1)),
                                   QStringLiteral("Link %1\nwhy they meet").arg(i)});
    }
    p.view.topN = 200;
    return p;
}

inline void compareCuration(const extract::Curation &a, const extract::Curation &b)
{
    QCOMPARE(a.added.size(), b.added.size());
    for (size_t i = 0; i < a.added.size(); ++i) {
        QCOMPARE(a.added[i].name, b.added[i].name);
        QCOMPARE(a.added[i].aliases, b.added[i].aliases);
        QCOMPARE(a.added[i].type, b.added[i].type);
    }
    QCOMPARE(a.merges.size(), b.merges.size());
    for (size_t i = 0; i < a.merges.size(); ++i) {
        QCOMPARE(a.merges[i].into, b.merges[i].into);
        QCOMPARE(a.merges[i].from, b.merges[i].from);
    }
    QVERIFY(a.renames == b.renames);
    QCOMPARE(a.ignored, b.ignored);
    QVERIFY(a.typeOverrides == b.typeOverrides);
    QCOMPARE(a.splits, b.splits);
}

inline void compareProjects(const project::Project &a, const project::Project &b)
{
    QCOMPARE(a.corpusFolders, b.corpusFolders);
    compareCuration(a.curation, b.curation);
    QCOMPARE(a.conceptNotes.size(), b.conceptNotes.size());
    for (size_t i = 0; i < a.conceptNotes.size(); ++i) {
        QCOMPARE(a.conceptNotes[i].conceptId.value(), b.conceptNotes[i].conceptId.value());
        QCOMPARE(a.conceptNotes[i].label, b.conceptNotes[i].label);
        QCOMPARE(a.conceptNotes[i].markdown, b.conceptNotes[i].markdown);
    }
    QVERIFY(a.linkNotes == b.linkNotes);
    QCOMPARE(a.positions.size(), b.positions.size());
    for (const auto &[id, p] : a.positions) {
        QVERIFY2(b.positions.contains(id), qPrintable(id.value()));
        QCOMPARE(b.positions.at(id).x, p.x);
        QCOMPARE(b.positions.at(id).y, p.y);
    }
    QVERIFY(a.pinned == b.pinned);
    QCOMPARE(a.view.zoom, b.view.zoom);
    QCOMPARE(a.view.centre.x, b.view.centre.x);
    QCOMPARE(a.view.centre.y, b.view.centre.y);
    QCOMPARE(a.view.topN, b.view.topN);
    QCOMPARE(a.view.minLinkWeight, b.view.minLinkWeight);
    QCOMPARE(a.view.hiddenTypes, b.view.hiddenTypes);
    QVERIFY(a.view.hiddenCommunities == b.view.hiddenCommunities);
    QCOMPARE(a.view.hiddenDocuments, b.view.hiddenDocuments);
    QCOMPARE(a.view.colourByType, b.view.colourByType);
}

} // namespace carto::testsupport
