#include "htmllimiter.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace carto::ingest {

namespace {

using Names = std::unordered_set<std::string_view>;

// Never have children.
const Names &voidElements()
{
    static const Names names = {"area",  "base",   "basefont", "bgsound", "br",   "col",   "embed",
                                "frame", "hr",     "image",    "img",     "input", "keygen", "link",
                                "meta",  "param",  "source",   "track",   "wbr"};
    return names;
}

// Exist once per page, or only hold void elements: they never stack up.
const Names &unnestedElements()
{
    static const Names names = {"html", "head", "body", "colgroup", "rb", "rt", "rtc", "rp"};
    return names;
}

// Start tags that first close an open <p> (in button scope). Not <table>: it
// does only with a doctype, and pages without one are the common case.
const Names &closesParagraph()
{
    static const Names names = {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
                                "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main",
                                "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3",
                                "h4", "h5", "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext",
                                "hr", "xmp"};
    return names;
}

// The elements that decide where a table part goes.
const Names &tableContext()
{
    static const Names names = {"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "template", "html"};
    return names;
}

// Kept in the list of active formatting elements and re-opened after blocks.
const Names &formattingElements()
{
    static const Names names = {"a", "b",     "big",    "code", "em", "font", "i",
                                "nobr", "s",  "small",  "strike", "strong", "tt", "u"};
    return names;
}

// The HTML standard's "special" category: an end tag for another element never
// closes past one of these.
const Names &specialElements()
{
    static const Names names = {
        "address",  "applet",  "area",    "article", "aside",    "base",     "basefont", "bgsound",  "blockquote",
        "body",     "br",      "button",  "caption", "center",   "col",      "colgroup", "dd",       "details",
        "dir",      "div",     "dl",      "dt",      "embed",    "fieldset", "figcaption", "figure", "footer",
        "form",     "frame",   "frameset", "h1",     "h2",       "h3",       "h4",       "h5",       "h6",
        "head",     "header",  "hgroup",  "hr",      "html",     "iframe",   "img",      "input",    "keygen",
        "li",       "link",    "listing", "main",    "marquee",  "menu",     "meta",     "nav",      "noembed",
        "noframes", "noscript", "object", "ol",      "p",        "param",    "plaintext", "pre",     "script",
        "search",   "section", "select",  "source",  "style",    "summary",  "table",    "tbody",    "td",
        "template", "textarea", "tfoot",  "th",      "thead",    "title",    "tr",       "track",    "ul",
        "wbr",      "xmp"};
    return names;
}

// Elements that bound the default scope: an end tag never closes past them.
const Names &scopeBoundaries()
{
    static const Names names = {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"};
    return names;
}

// Their content is text up to the matching end tag.
const Names &rawTextElements()
{
    static const Names names = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
    return names;
}

// What the model needs to know of an element, looked up once per tag.
enum Kind : unsigned {
    kVoid = 1u << 0,
    kUnnested = 1u << 1,
    kFormatting = 1u << 2,
    kSpecial = 1u << 3,
    kScopeBoundary = 1u << 4,
    kRawText = 1u << 5,
    kClosesParagraph = 1u << 6,
    kTableContext = 1u << 7,
};

unsigned kindOf(std::string_view name)
{
    // One table of every named element (well past the size where libstdc++
    // scans small sets linearly), so a tag costs one hash lookup.
    static const std::unordered_map<std::string_view, unsigned> table = [] {
        std::unordered_map<std::string_view, unsigned> t;
        const std::pair<const Names *, unsigned> sets[] = {
            {&voidElements(), kVoid},           {&unnestedElements(), kUnnested}, {&formattingElements(), kFormatting},
            {&specialElements(), kSpecial},     {&scopeBoundaries(), kScopeBoundary}, {&rawTextElements(), kRawText},
            {&closesParagraph(), kClosesParagraph}, {&tableContext(), kTableContext},
        };
        for (const auto &[names, kind] : sets) {
            for (const std::string_view name : *names)
                t[name] |= kind;
        }
        return t;
    }();
    const auto it = table.find(name);
    return it == table.end() ? 0u : it->second;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

class Scanner final
{
public:
    Scanner(QByteArrayView html, const HtmlLimiter::Limits &limits)
        : m_s(html.data(), size_t(html.size()))
        , m_limits(limits)
    {
    }

    HtmlLimiter::Result run()
    {
        while (m_i < m_s.size()) {
            const size_t lt = m_s.find('<', m_i);
            if (lt == std::string_view::npos)
                break;
            m_i = lt + 1;
            if (m_i >= m_s.size())
                break;
            const char c = m_s[m_i];
            if (c == '!') {
                skipPast(m_s.substr(m_i, 3) == "!--" ? std::string_view("-->") : std::string_view(">"),
                         m_s.substr(m_i, 3) == "!--" ? m_i + 3 : m_i);
                continue;
            }
            if (c == '?') {
                skipPast(">", m_i);
                continue;
            }
            const bool closing = c == '/';
            if (closing)
                ++m_i;
            if (m_i >= m_s.size() || !isAsciiLetter(m_s[m_i]))
                continue; // a '<' in text
            tag(lt, closing);
            if (m_plaintext)
                break;
        }
        if (m_result.changed())
            m_result.html.append(m_s.data() + m_copied, qsizetype(m_s.size() - m_copied));
        return std::move(m_result);
    }

private:
    struct Open
    {
        std::string name;
        unsigned kind;        // kindOf(name)
        quint64 formattingId; // its entry in m_formatting, 0 for other elements
    };

    struct Formatting
    {
        std::string name;
        size_t attributesHash;
        quint64 id;
        bool onStack; // false once a block closed it: the parser re-opens it
    };

    void skipPast(std::string_view terminator, size_t from)
    {
        const size_t at = m_s.find(terminator, from);
        m_i = at == std::string_view::npos ? m_s.size() : at + terminator.size();
    }

    // Reads the tag that opened at lt; m_i is just past "<" or "</".
    void tag(size_t lt, bool closing)
    {
        // Lower-cased into a buffer: most tags are dropped or looked up, never stored.
        char buffer[32];
        size_t length = 0;
        while (m_i < m_s.size() && !isSpace(m_s[m_i]) && m_s[m_i] != '/' && m_s[m_i] != '>') {
            if (length < sizeof buffer)
                buffer[length++] = asciiLower(m_s[m_i]);
            ++m_i;
        }
        const std::string_view name(buffer, length);
        const size_t attributesStart = m_i;
        int attributes = 0;
        size_t cutAt = 0; // where the first attribute past the limit starts
        bool selfClosing = false;
        for (;;) {
            while (m_i < m_s.size() && (isSpace(m_s[m_i]) || (m_s[m_i] == '/' && m_s.substr(m_i, 2) != "/>")))
                ++m_i;
            if (m_i >= m_s.size())
                return; // end of input inside a tag: nothing more to nest
            if (m_s[m_i] == '>') {
                ++m_i;
                break;
            }
            if (m_s.substr(m_i, 2) == "/>") {
                selfClosing = true;
                m_i += 2;
                break;
            }
            if (++attributes == m_limits.maxAttributes + 1)
                cutAt = m_i;
            skipAttribute();
        }
        const std::string_view attributesText = m_s.substr(attributesStart, m_i - attributesStart);
        const unsigned kind = kindOf(name);
        const bool rawText = !closing && !inForeignContent() && (kind & kRawText);
        const qsizetype formattingBefore = m_result.droppedFormatting;
        const bool kept = closing ? endTag(name, kind) : startTag(name, kind, selfClosing, attributesText);
        if (!kept) {
            if (rawText)
                skipRawText(name); // a dropped <script> takes its code with it
            drop(lt, m_i, {});
            if (formattingBefore == m_result.droppedFormatting)
                ++m_result.droppedTags;
            return;
        }
        if (cutAt > 0) {
            drop(cutAt, m_i, selfClosing ? std::string_view("/>") : std::string_view(">"));
            m_result.droppedAttributes += attributes - m_limits.maxAttributes;
        }
        if (rawText)
            skipRawText(name);
        else if (!closing && name == "plaintext")
            m_plaintext = true;
    }

    // Leaves [from, to) out of the output, writing replacement instead.
    void drop(size_t from, size_t to, std::string_view replacement)
    {
        m_result.html.append(m_s.data() + m_copied, qsizetype(from - m_copied));
        m_result.html.append(replacement.data(), qsizetype(replacement.size()));
        m_copied = to;
    }

    void skipAttribute()
    {
        // The name: a leading '=' belongs to it, as the tokenizer reads it.
        if (m_s[m_i] == '=')
            ++m_i;
        while (m_i < m_s.size() && !isSpace(m_s[m_i]) && m_s[m_i] != '/' && m_s[m_i] != '>' && m_s[m_i] != '=')
            ++m_i;
        size_t j = m_i;
        while (j < m_s.size() && isSpace(m_s[j]))
            ++j;
        if (j >= m_s.size() || m_s[j] != '=')
            return;
        m_i = j + 1;
        while (m_i < m_s.size() && isSpace(m_s[m_i]))
            ++m_i;
        if (m_i < m_s.size() && (m_s[m_i] == '"' || m_s[m_i] == '\'')) {
            const size_t close = m_s.find(m_s[m_i], m_i + 1);
            m_i = close == std::string_view::npos ? m_s.size() : close + 1;
            return;
        }
        while (m_i < m_s.size() && !isSpace(m_s[m_i]) && m_s[m_i] != '>')
            ++m_i;
    }

    // Open elements, plus formatting elements that a block closed and the
    // parser re-opens (clones) at the next text.
    [[nodiscard]] qsizetype depth() const { return qsizetype(m_open.size()) + m_reopened; }

    // False when the element would nest past the limit: then it is not opened.
    bool startTag(std::string_view name, unsigned kind, bool selfClosing, std::string_view attributesText)
    {
        if (kind & (kVoid | kUnnested))
            return true;
        if (selfClosing && inForeignContent())
            return true; // <path/> inside <svg> closes itself; in HTML the slash is ignored
        // Checked before the tag's implied closes: a dropped tag closes nothing
        // in gumbo either, and the scans below would cost depth per dropped tag.
        if (depth() >= m_limits.maxDepth)
            return false;
        if (!inForeignContent() && !closeImplied(name, kind))
            return true; // the parser ignores it (a table cell outside any table)
        const bool formatting = kind & kFormatting;
        if (formatting && (name == "a" || name == "nobr"))
            closeFormatting(name); // a new <a> closes the open one first
        if (formatting && qsizetype(m_formatting.size()) >= m_limits.maxFormatting) {
            // The parser re-opens every listed element in each block that follows:
            // a long list multiplies the page's nodes.
            ++m_result.droppedFormatting;
            return false;
        }
        Open open{std::string(name), kind, 0};
        if (formatting)
            open.formattingId = addFormatting(name, attributesText);
        m_open.push_back(std::move(open));
        if (name == "svg" || name == "math")
            ++m_foreign;
        return true;
    }

    // What a start tag closes before it opens (optional end tags: <p>, <li>,
    // table parts), and the table parts it implies. False when the parser
    // ignores the tag. Implied elements are pushed without a depth check: if
    // the tag is then dropped the model only over-estimates.
    bool closeImplied(std::string_view name, unsigned kind)
    {
        if (name == "li" || name == "dd" || name == "dt") {
            for (size_t k = m_open.size(); k-- > 0;) {
                const std::string &open = m_open[k].name;
                if (open == name || (name != "li" && (open == "dd" || open == "dt"))) {
                    popTo(k);
                    break;
                }
                if ((m_open[k].kind & kSpecial) && open != "address" && open != "div" && open != "p")
                    break;
            }
        }
        if (kind & kClosesParagraph)
            closeParagraph();
        if (name == "option" || name == "optgroup") {
            if (!m_open.empty() && m_open.back().name == "option")
                popTo(m_open.size() - 1);
            if (name == "optgroup" && !m_open.empty() && m_open.back().name == "optgroup")
                popTo(m_open.size() - 1);
        }
        if (name == "td" || name == "th" || name == "tr" || name == "tbody" || name == "thead" || name == "tfoot"
            || name == "caption")
            return placeTablePart(name);
        if (name == "table") {
            // <table> directly in a table closes that table; in a cell it nests.
            const size_t k = nearestTableContext();
            if (k < m_open.size() && m_open[k].name != "td" && m_open[k].name != "th" && m_open[k].name != "caption") {
                for (size_t t = k + 1; t-- > 0;) {
                    if (m_open[t].name == "table") {
                        popTo(t);
                        break;
                    }
                }
            }
        }
        return true;
    }

    void closeParagraph()
    {
        for (size_t k = m_open.size(); k-- > 0;) {
            if (m_open[k].name == "p") {
                popTo(k);
                return;
            }
            if ((m_open[k].kind & kScopeBoundary) || m_open[k].name == "button")
                return;
        }
    }

    // Index of the innermost element that decides where table parts go, or m_open.size().
    [[nodiscard]] size_t nearestTableContext() const
    {
        for (size_t k = m_open.size(); k-- > 0;) {
            if (m_open[k].kind & kTableContext)
                return k;
        }
        return m_open.size();
    }

    void pushImplied(const char *name) { m_open.push_back({name, kindOf(name), 0}); }

    // Closes the cells, rows and sections a table part ends, and adds the
    // tbody and tr it implies. False when it is not inside a table at all.
    bool placeTablePart(std::string_view name)
    {
        const bool cell = name == "td" || name == "th";
        for (;;) {
            const size_t k = nearestTableContext();
            if (k == m_open.size())
                return false;
            const std::string &context = m_open[k].name;
            if (context == "template" || context == "html" || context == "caption")
                return false;
            if (context == "td" || context == "th") {
                popTo(k); // a new cell, row or section closes the open cell
                continue;
            }
            if (context == "tr") {
                if (cell) {
                    popTo(k + 1);
                    return true;
                }
                popTo(k);
                continue;
            }
            if (context == "tbody" || context == "thead" || context == "tfoot") {
                if (cell || name == "tr") {
                    popTo(k + 1);
                    if (cell)
                        pushImplied("tr");
                    return true;
                }
                popTo(k);
                continue;
            }
            // context == "table"
            popTo(k + 1);
            if (cell || name == "tr")
                pushImplied("tbody");
            if (cell)
                pushImplied("tr");
            return true;
        }
    }

    // Adds an entry to the list of active formatting elements; returns its id.
    quint64 addFormatting(std::string_view name, std::string_view attributesText)
    {
        const size_t hash = std::hash<std::string_view>{}(attributesText);
        // Noah's ark: at most three identical entries stay in the list.
        int same = 0;
        size_t earliest = m_formatting.size();
        for (size_t k = m_formatting.size(); k-- > 0;) {
            if (m_formatting[k].name == name && m_formatting[k].attributesHash == hash) {
                ++same;
                earliest = k;
            }
        }
        if (same >= 3)
            eraseFormatting(earliest);
        m_formatting.push_back({std::string(name), hash, ++m_lastId, true});
        return m_lastId;
    }

    void eraseFormatting(size_t k)
    {
        m_reopened -= m_formatting[k].onStack ? 0 : 1;
        m_formatting.erase(m_formatting.begin() + qsizetype(k));
    }

    // </b> and friends: the last such entry leaves the list, and its element
    // (with what it holds, when nothing special lies above it) leaves the stack.
    bool closeFormatting(std::string_view name)
    {
        for (size_t k = m_formatting.size(); k-- > 0;) {
            if (m_formatting[k].name != name)
                continue;
            const quint64 id = m_formatting[k].id;
            eraseFormatting(k);
            for (size_t j = m_open.size(); j-- > 0;) {
                if (m_open[j].formattingId != id)
                    continue;
                bool specialAbove = false;
                for (size_t i = j + 1; i < m_open.size(); ++i)
                    specialAbove = specialAbove || (m_open[i].kind & kSpecial);
                if (specialAbove)
                    m_open.erase(m_open.begin() + qsizetype(j));
                else
                    popTo(j);
                break;
            }
            return true;
        }
        return false;
    }

    // Pops m_open[k] and everything above it; formatting elements among them
    // stay in the list, to be re-opened.
    void popTo(size_t k)
    {
        for (size_t j = k; j < m_open.size(); ++j) {
            m_foreign -= (m_open[j].name == "svg" || m_open[j].name == "math") ? 1 : 0;
            if (m_open[j].formattingId == 0)
                continue;
            // Ids grow as entries are added, so the list is sorted by id.
            const auto f = std::lower_bound(m_formatting.begin(), m_formatting.end(), m_open[j].formattingId,
                                            [](const Formatting &e, quint64 id) { return e.id < id; });
            if (f != m_formatting.end() && f->id == m_open[j].formattingId && f->onStack) {
                f->onStack = false;
                ++m_reopened;
            }
        }
        m_open.resize(k);
    }

    // False for an end tag that closes nothing the model has open (typically
    // one whose start tag was dropped): gumbo would close some other element.
    bool endTag(std::string_view name, unsigned kind)
    {
        if (kind & (kVoid | kUnnested))
            return true;
        if ((kind & kFormatting) && closeFormatting(name))
            return true;
        const bool special = kind & kSpecial;
        const bool tablePart = name == "tr" || name == "tbody" || name == "thead" || name == "tfoot" || name == "td"
                               || name == "th" || name == "caption";
        for (size_t k = m_open.size(); k-- > 0;) {
            if (m_open[k].name == name) {
                popTo(k);
                return true;
            }
            // The end tag is ignored when it would have to close past these.
            const std::string &open = m_open[k].name;
            if (tablePart ? (open == "table" || open == "template" || open == "html")
                          : (m_open[k].kind & (special ? kScopeBoundary : kSpecial)))
                break;
        }
        return !m_result.changed(); // unmatched end tags are gumbo's business until a tag was dropped
    }

    [[nodiscard]] bool inForeignContent() const { return m_foreign > 0; }

    void skipRawText(std::string_view name)
    {
        // Up to "</name", in any case; the end tag itself is read as a tag.
        while (m_i < m_s.size()) {
            const size_t lt = m_s.find("</", m_i);
            if (lt == std::string_view::npos) {
                m_i = m_s.size();
                return;
            }
            const std::string_view candidate = m_s.substr(lt + 2, name.size());
            const bool same = candidate.size() == name.size()
                              && std::equal(candidate.begin(), candidate.end(), name.begin(),
                                            [](char a, char b) { return asciiLower(a) == b; });
            if (same) {
                m_i = lt;
                return;
            }
            m_i = lt + 2;
        }
    }

    std::string_view m_s;
    const HtmlLimiter::Limits &m_limits;
    size_t m_i = 0;
    size_t m_copied = 0; // input before this is in m_result.html (once anything was dropped)
    HtmlLimiter::Result m_result;
    std::vector<Open> m_open;
    std::vector<Formatting> m_formatting; // the parser's list of active formatting elements
    qsizetype m_reopened = 0;             // entries of m_formatting not on m_open
    quint64 m_lastId = 0;
    int m_foreign = 0;
    bool m_plaintext = false;
};

} // namespace

HtmlLimiter::Result HtmlLimiter::limit(QByteArrayView html, const Limits &limits)
{
    return Scanner(html, limits).run();
}

} // namespace carto::ingest
