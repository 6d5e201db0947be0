#pragma once

#include "tagger.h"

#include <QStringView>

#include <cstdint>
#include <functional>
#include <string_view>

namespace carto::extract {

// The unknown-word classes of Lingua::EN::Tagger's unknown.yml, in file-name
// order, and the rules that pick one for a word the lexicon lacks. The file
// gives only each class's tag distribution; the rules are ours, read off the
// class names. The first that fits wins:
//   numbers: digits with , . : / -> *NUM*; digits + st/nd/rd/th -> *ORD*;
//            digits + s ("1990s") -> -s-; other digit-led words: -cap- when
//            they hold a capital ("5G"), else -unknown-
//   -hyp-:   hyphenated. -hyp-adj- instead when the last part is mostly an
//            adjective or participle in the lexicon, has an adjective suffix
//            (-ed -ing -al -ic -ous -ful -less -ive -able -ible -ish), the
//            first part is a number ("30-year") or, before a noun, an adjective
//            ("open-source"); -s- when the last part is a plural noun
//            ("e-mails"); *NUM* when every part is a number; -cap- when
//            capitalised mid-sentence ("Coca-Cola", "COVID-19")
//   -abr-:   holds a dot ("e.g.", "Ph.D")
//   -sym-:   no letter or digit
//   -cap-:   a capital first letter mid-sentence (a name: NNP 90%). At a
//            sentence start or in a heading case is no evidence, so the row
//            is half -cap-, half the lower-case form's suffix class.
//   suffix:  -ing- (-ing), -ed- (-ed), -ly- (-ly), -tion- (-tion, -sion),
//            -s- (-s but not -ss -us -is), else -unknown-
enum class WordClass : std::uint8_t { Abr, Cap, Ed, Hyp, HypAdj, Ing, Ly, S, Sym, Tion, Unknown };
inline constexpr int kWordClassCount = 11;

struct WordShape
{
    enum Kind : std::uint8_t {
        ClassRow, // the distribution of cls
        Number,   // the lexicon's *NUM*
        Ordinal,  // the lexicon's *ORD*
        Fixed,    // punctuation, *NUM*-style entries, clitics: never smoothed
    } kind = ClassRow;
    WordClass cls = WordClass::Unknown;
    bool capitalMix = false; // capitalised where case says nothing: half -cap-
};

// The lexicon's most frequent tag of a lower-case ASCII word, or None.
using MajorityTag = std::function<PosTag(std::string_view lower)>;

// flags are Tagger::LookupFlag bits. The UTF-16 form takes any text; the
// ASCII one is for the lexicon's own spellings.
[[nodiscard]] WordShape wordShape(QStringView word, std::uint8_t flags, const MajorityTag &majority);
[[nodiscard]] WordShape wordShape(std::string_view word, std::uint8_t flags, const MajorityTag &majority);

} // namespace carto::extract
