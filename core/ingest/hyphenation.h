#pragma once

#include <QSet>
#include <QString>
#include <QStringView>

#include <mutex>

namespace carto::ingest {

// Decides whether a word broken across a line end ("writ-" / "ing") is one word
// that the typesetter hyphenated, to be joined ("writing"), or a hyphenated
// compound whose hyphen stays ("hand-" / "written"). Evidence comes first from
// the document itself (the joined form or the hyphenated form written elsewhere
// in it, mid-line), then from the system word list (miscfiles' web2, with
// regular English inflections): the joined form is a known word -> join; both
// halves are words of their own -> a compound; otherwise join (a syllable
// break such as "-ing" or "-tion"). Used by PlainTextReader and PdfLayout.
class Hyphenation final
{
public:
    // documentText: the text whose own spellings are the first evidence; it
    // must outlive this object. The word sets are built on the first question.
    explicit Hyphenation(QStringView documentText);

    // left: the letters before the hyphen; right: the word after the line end.
    [[nodiscard]] bool joins(QStringView left, QStringView right) const;

    // Whether a lower-case word (or a regular inflection of one) is in the
    // system word list. False for everything when the list is missing.
    [[nodiscard]] static bool isKnownWord(QStringView lowerWord);

private:
    void buildEvidence() const;

    QStringView m_text;
    mutable std::once_flag m_built;
    mutable QSet<QString> m_words;    // lower-case words written whole in the document
    mutable QSet<QString> m_compounds; // lower-case "a-b" compounds written mid-line
};

} // namespace carto::ingest
