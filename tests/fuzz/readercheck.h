#pragma once

#include "ingest/backmatter.h"
#include "ingest/document.h"
#include "ingest/documentdates.h"

#include <cstdlib>

// Checks the promises every reader makes about a Document (the ranges index
// its text, sentences are sorted and inside blocks) and aborts, so libFuzzer
// reports the input, when one is broken.
inline void checkDocument(const carto::ingest::Document &doc)
{
    const qsizetype n = doc.text.size();
    const auto inside = [n](carto::TextRange r) { return r.start >= 0 && r.start <= r.end && r.end <= n; };
    qsizetype previous = 0;
    for (const carto::ingest::Block &b : doc.blocks) {
        if (!inside(b.range) || b.range.isEmpty() || b.range.start < previous)
            std::abort();
        previous = b.range.end;
    }
    previous = 0;
    for (const carto::TextRange &s : doc.sentences) {
        if (!inside(s) || s.isEmpty() || s.start < previous)
            std::abort();
        previous = s.end;
    }
    for (const carto::ingest::Section &s : doc.sections) {
        if (!inside(s.range) || !inside(s.heading))
            std::abort();
    }
    for (const carto::ingest::Timestamp &t : doc.timestamps) {
        if (!inside(t.passage) || t.seconds < 0)
            std::abort();
    }
    for (const carto::ingest::Link &l : doc.links) {
        if (!inside(l.range))
            std::abort();
    }
    for (const carto::ingest::WikiLink &w : doc.wikiLinks) {
        if (!inside(w.range))
            std::abort();
    }
}

// What CorpusReader does to every reader's document (back matter found and
// taken out, the date assigned), checked on both sides: the set-aside ranges
// index the text, in order, and what is left still keeps the promises above.
inline void finishAndCheck(carto::ingest::Document &doc)
{
    using carto::ingest::SetAside;
    checkDocument(doc);
    carto::ingest::BackMatter::find(doc);
    const qsizetype n = doc.text.size();
    qsizetype previous = 0;
    for (const SetAside &s : doc.setAside) {
        if (s.range.start < 0 || s.range.start > s.range.end || s.range.end > n)
            std::abort();
        if (s.kind == SetAside::Kind::Attachment) {
            if (!s.range.isEmpty())
                std::abort(); // attachments are named, not read
            continue;
        }
        if (s.range.isEmpty() || s.range.start < previous)
            std::abort();
        previous = s.range.end;
    }
    carto::ingest::BackMatter::apply(doc);
    checkDocument(doc);
    carto::ingest::DocumentDates::assign(doc);
}
