#pragma once

#include <QString>

#include <vector>

namespace carto::ingest {

class DocumentBuilder;

// One line of a PDF page as poppler's text boxes give it: its words joined,
// its box in points (y grows down the page) and its font.
struct PdfLine
{
    QString text;
    double left = 0;
    double right = 0;
    double top = 0;
    double bottom = 0;
    double fontSize = 0;
    bool bold = false;
};

struct PdfPage
{
    double width = 612;
    double height = 792;
    std::vector<PdfLine> lines; // in poppler's reading order
};

// An entry of the PDF's outline (bookmarks), depth 1 at the top.
struct PdfOutlineEntry
{
    QString title;
    int level = 1;
};

// Turns the lines of a PDF's pages into the document's paragraphs and
// headings, as a reader sees the page: running headers and footers (lines
// repeated at the top or bottom of pages, with their page numbers) and bare
// page numbers are dropped, and so are lines of glyph debris ("h h h h");
// lines are joined into paragraphs by spacing, indentation and line length,
// also across page breaks; words hyphenated at line ends are joined or kept
// by Hyphenation; headings come from the outline or a larger or bold font.
// Private to carto_ingest; PdfReader calls it.
class PdfLayout final
{
public:
    static void build(std::vector<PdfPage> pages, const std::vector<PdfOutlineEntry> &outline,
                      DocumentBuilder &builder);

    // Removes running headers, footers, page numbers and glyph debris in place.
    static void dropFurniture(std::vector<PdfPage> &pages);
};

} // namespace carto::ingest
