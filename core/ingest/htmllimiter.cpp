#include "htmllimiter.h"

#include <algorithm>
#include <string>
#include <string_view>
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

// Closed implicitly by a sibling (or exist once per page): they never stack up.
const Names &optionalEndElements()
{
    static const Names names = {"html", "head",  "body",  "p",     "li",    "dt",  "dd", "option",
                                "optgroup", "tr", "td",   "th",    "thead", "tbody", "tfoot", "rb",
                                "rt",   "rtc",   "rp",    "colgroup", "caption"};
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
    struct Formatting
    {
        std::string name;
        size_t attributesHash;
    };

    void skipPast(std::string_view terminator, size_t from)
    {
        const size_t at = m_s.find(terminator, from);
        m_i = at == std::string_view::npos ? m_s.size() : at + terminator.size();
    }

    // Reads the tag that opened at lt; m_i is just past "<" or "</".
    void tag(size_t lt, bool closing)
    {
        std::string name;
        while (m_i < m_s.size() && !isSpace(m_s[m_i]) && m_s[m_i] != '/' && m_s[m_i] != '>') {
            if (name.size() < 32)
                name.push_back(asciiLower(m_s[m_i]));
            ++m_i;
        }
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
        const bool rawText = !closing && !inForeignContent() && rawTextElements().contains(name);
        const bool kept = closing ? endTag(name) : startTag(name, selfClosing, attributesText);
        if (!kept) {
            if (rawText)
                skipRawText(name); // a dropped <script> takes its code with it
            drop(lt, m_i, {});
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

    [[nodiscard]] qsizetype depth() const { return qsizetype(m_open.size() + m_formatting.size()); }

    // False when the element would nest past the limit: then it is not opened.
    bool startTag(const std::string &name, bool selfClosing, std::string_view attributesText)
    {
        if (voidElements().contains(name) || optionalEndElements().contains(name))
            return true;
        if (selfClosing && inForeignContent())
            return true; // <path/> inside <svg> closes itself; in HTML the slash is ignored
        if (depth() >= m_limits.maxDepth)
            return false;
        if (formattingElements().contains(name)) {
            addFormatting(name, attributesText);
        } else {
            m_open.push_back(name);
            if (name == "svg" || name == "math")
                ++m_foreign;
        }
        return true;
    }

    void addFormatting(const std::string &name, std::string_view attributesText)
    {
        if (name == "a" || name == "nobr") {
            // A new <a> closes the open one first.
            removeLastFormatting(name);
        }
        const size_t hash = std::hash<std::string_view>{}(attributesText);
        // Noah's ark: at most three identical entries stay active.
        int same = 0;
        size_t earliest = m_formatting.size();
        for (size_t k = m_formatting.size(); k-- > 0;) {
            if (m_formatting[k].name == name && m_formatting[k].attributesHash == hash) {
                ++same;
                earliest = k;
            }
        }
        if (same >= 3)
            m_formatting.erase(m_formatting.begin() + qsizetype(earliest));
        m_formatting.push_back({name, hash});
    }

    bool removeLastFormatting(const std::string &name)
    {
        for (size_t k = m_formatting.size(); k-- > 0;) {
            if (m_formatting[k].name == name) {
                m_formatting.erase(m_formatting.begin() + qsizetype(k));
                return true;
            }
        }
        return false;
    }

    // False for an end tag that closes nothing the model has open (typically
    // one whose start tag was dropped): gumbo would close some other element.
    bool endTag(const std::string &name)
    {
        if (voidElements().contains(name) || optionalEndElements().contains(name))
            return true;
        if (formattingElements().contains(name))
            return removeLastFormatting(name) || !m_result.changed();
        const bool special = specialElements().contains(name);
        for (size_t k = m_open.size(); k-- > 0;) {
            if (m_open[k] == name) {
                for (size_t j = k; j < m_open.size(); ++j)
                    m_foreign -= (m_open[j] == "svg" || m_open[j] == "math") ? 1 : 0;
                m_open.resize(k);
                return true;
            }
            // The end tag is ignored when it would have to close past these.
            if (special ? scopeBoundaries().contains(m_open[k]) : specialElements().contains(m_open[k]))
                break;
        }
        return !m_result.changed(); // unmatched end tags are gumbo's business until a tag was dropped
    }

    [[nodiscard]] bool inForeignContent() const { return m_foreign > 0; }

    void skipRawText(const std::string &name)
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
    std::vector<std::string> m_open;
    std::vector<Formatting> m_formatting;
    int m_foreign = 0;
    bool m_plaintext = false;
};

} // namespace

HtmlLimiter::Result HtmlLimiter::limit(QByteArrayView html, const Limits &limits)
{
    return Scanner(html, limits).run();
}

} // namespace carto::ingest
