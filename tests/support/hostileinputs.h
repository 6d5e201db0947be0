#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

// Generators for hostile inputs (ported from ../shared/hostile/make-hostile-corpora.sh),
// shared by the ingest tests and the hostile-corpus test, so no big file is committed.
// Each HTML page says "Acme Corporation met Globex." somewhere inside its hostile structure.
namespace hostilehtml {

inline QByteArray repeat(const char *unit, int times)
{
    return QByteArray(unit).repeated(times);
}

inline QByteArray deepSpans()
{
    return "<html><body><p>" + repeat("<span>", 1000000) + "Acme Corporation met Globex.</p></body></html>";
}

inline QByteArray timestampAnchorAroundDeepSpans()
{
    return "<html><body><p>Acme Corporation met Globex.</p><a class=\"timestamp\" href=\"#\">" + repeat("<span>", 300000)
           + "12:00" + repeat("</span>", 300000) + "</a></body></html>";
}

inline QByteArray deepDivs()
{
    return "<html><body>" + repeat("<div>", 1000000) + "Acme Corporation met Globex." + repeat("</div>", 1000000)
           + "</body></html>";
}

inline QByteArray deepTables()
{
    return "<html><body>" + repeat("<table><tr><td>", 100000) + "Acme Corporation met Globex."
           + repeat("</td></tr></table>", 100000) + "</body></html>";
}

inline QByteArray manyAttributes()
{
    QByteArray page = "<html><body><p ";
    for (int i = 0; i < 500000; ++i)
        page += 'a' + QByteArray::number(i) + "=\"v\" ";
    return page + ">Acme Corporation met Globex.</p></body></html>";
}

// The HTML parser ignores the slash on a non-void element: each <div/> opens a div.
inline QByteArray selfClosingDivs()
{
    return "<html><body>" + repeat("<div/>", 200000) + "Acme Corporation met Globex.</body></html>";
}

// </span> cannot close past a <div>, so it closes nothing and both stay open.
inline QByteArray unmatchedEndTags()
{
    return "<html><body>" + repeat("<span><div></span>", 100000) + "Acme Corporation met Globex.</body></html>";
}

// Unclosed formatting elements nest; the parser keeps each one open.
inline QByteArray unclosedBold()
{
    return "<html><body><p>" + repeat("<b>", 200000) + "Acme Corporation met Globex.</p></body></html>";
}

// Formatting elements closed by each block are re-opened inside the next one.
inline QByteArray reopenedFormatting()
{
    QByteArray page = "<html><body><div>";
    for (int i = 0; i < 2000; ++i)
        page += "<i class=c" + QByteArray::number(i) + ">";
    page += "</div>";
    return page + repeat("<div>x</div>", 2000) + "<p>Acme Corporation met Globex.</p></body></html>";
}

// Lists nest through their items, tables through their cells.
inline QByteArray nestedLists()
{
    return "<html><body>" + repeat("<ul><li>", 100000) + "Acme Corporation met Globex.</body></html>";
}

inline QByteArray paragraphsInCells()
{
    return "<html><body>" + repeat("<table><tr><td><p>", 50000) + "Acme Corporation met Globex.</body></html>";
}

struct Case
{
    const char *name;
    std::function<QByteArray()> page;
    const char *problem; // expected in the reader's problem message
};

inline const Case cases[] = {
    {"1e6 unclosed spans", deepSpans, "nests more than"},
    {"timestamp anchor around 3e5 spans", timestampAnchorAroundDeepSpans, "nests more than"},
    {"1e6 nested divs", deepDivs, "nests more than"},
    {"1e5 nested tables", deepTables, "nests more than"},
    {"5e5 attributes", manyAttributes, "attributes"},
    {"2e5 self-closing divs", selfClosingDivs, "nests more than"},
    {"unmatched end tags", unmatchedEndTags, "nests more than"},
    {"2e5 unclosed b", unclosedBold, "nests more than"},
    {"re-opened formatting", reopenedFormatting, "formatting tags open"},
    {"1e5 nested lists", nestedLists, "nests more than"},
    {"5e4 paragraphs in cells", paragraphsInCells, "nests more than"},
};

} // namespace hostilehtml

namespace hostilepdf {

// A PDF of `pages` pages that all draw one content stream: `content` compressed
// once, read once per page. With a megabyte of text operators it takes poppler
// minutes to read 3,000 such pages from a file of a few hundred KB.
// `filter` names the stream's filter when content is already encoded (/FlateDecode).
inline QByteArray sharedContent(int pages, const QByteArray &content, const QByteArray &filter = {})
{
    QList<QByteArray> objects; // object i + 1
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    QByteArray kids;
    for (int i = 0; i < pages; ++i)
        kids += QByteArray::number(5 + i) + " 0 R ";
    objects << "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages) + " >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    objects << "<< /Length " + QByteArray::number(content.size()) + (filter.isEmpty() ? "" : " /Filter " + filter)
                   + " >>\nstream\n" + content + "\nendstream";
    for (int i = 0; i < pages; ++i) {
        objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                   " /Contents 4 0 R >>";
    }
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

// Text operators that draw `line` `times` times, each on its own line.
inline QByteArray textLines(const QByteArray &line, int times)
{
    QByteArray content = "BT /F1 11 Tf 50 750 Td 12 TL\n";
    for (int i = 0; i < times; ++i)
        content += "(" + line + ") Tj T*\n";
    return content + "ET\n";
}

} // namespace hostilepdf
