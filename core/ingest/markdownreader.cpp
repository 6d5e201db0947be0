#include "markdownreader.h"

#include "documentbuilder.h"
#include "foundation/yamllimits.h"
#include "inlinehtml.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <md4c.h>
#include <yaml-cpp/yaml.h>

namespace carto::ingest {

namespace {

QString toQString(const MD_CHAR *text, MD_SIZE size)
{
    return QString::fromUtf8(text, qsizetype(size));
}

QString attributeText(const MD_ATTRIBUTE &attr)
{
    return decodeHtmlEntities(toQString(attr.text, attr.size));
}

QString yamlToString(const YAML::Node &node)
{
    if (node.IsScalar())
        return QString::fromStdString(node.Scalar());
    if (node.IsSequence()) {
        QStringList parts;
        for (const YAML::Node &item : node)
            parts << yamlToString(item);
        return parts.join(QStringLiteral(", "));
    }
    if (node.IsMap()) {
        YAML::Emitter out;
        out << YAML::Flow << node;
        return QString::fromUtf8(out.c_str());
    }
    return {};
}

// Front matter is a few lines of metadata; anything far larger is not worth a YAML parse.
constexpr qsizetype kMaxFrontMatterBytes = 256 * 1024;

// Aliases in front matter may repeat this much at most (real notes use none).
constexpr YamlLimits kFrontMatterYamlLimits{10'000, 256 * 1024};

void readFrontMatter(const std::string &yaml, Document &doc, std::vector<Problem> &problems)
{
    if (const auto refused = checkYamlLimits(yaml, kFrontMatterYamlLimits)) {
        problems.push_back({Problem::Severity::Warning, doc.path,
                            QStringLiteral("YAML front matter refused at line %1, column %2: %3; dropped")
                                .arg(refused->line + 2)
                                .arg(refused->column + 1)
                                .arg(refused->message)});
        return;
    }
    try {
        const YAML::Node root = YAML::Load(yaml);
        if (root.IsMap()) {
            for (const auto &entry : root) {
                const QString key = QString::fromStdString(entry.first.as<std::string>());
                const QString value = yamlToString(entry.second);
                if (key.compare(u"title", Qt::CaseInsensitive) == 0 && doc.title.isEmpty())
                    doc.title = value.simplified();
                else
                    doc.metadata.emplace_back(key, value);
            }
        } else if (root.IsDefined() && !root.IsNull()) {
            problems.push_back({Problem::Severity::Warning, doc.path,
                                QStringLiteral("front matter is not a key: value map; dropped")});
        }
    } catch (const YAML::Exception &e) {
        // Line numbers in the file: the YAML starts on line 2.
        problems.push_back({Problem::Severity::Warning, doc.path,
                            QStringLiteral("broken YAML front matter at line %1, column %2: %3; dropped")
                                .arg(e.mark.line + 2)
                                .arg(e.mark.column + 1)
                                .arg(QString::fromStdString(e.msg))});
    }
}

// Splits off YAML front matter. Returns the body; fills metadata/title or a Problem.
QString takeFrontMatter(const QString &text, Document &doc, std::vector<Problem> &problems)
{
    if (!text.startsWith(QLatin1String("---\n")))
        return text;
    qsizetype lineStart = 4;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(lineStart, lineEnd - lineStart).trimmed();
        if (line == u"---" || line == u"...") {
            const QString yaml = text.mid(4, lineStart - 4);
            const QString body = text.mid(std::min(lineEnd + 1, text.size()));
            const std::string utf8 = yaml.toStdString();
            if (qsizetype(utf8.size()) > kMaxFrontMatterBytes) {
                problems.push_back({Problem::Severity::Warning, doc.path,
                                    QStringLiteral("YAML front matter larger than %1 KB; dropped")
                                        .arg(kMaxFrontMatterBytes / 1024)});
            } else {
                readFrontMatter(utf8, doc, problems);
            }
            return body;
        }
        lineStart = lineEnd + 1;
    }
    return text; // no closing fence: not front matter
}

struct ParseState
{
    ParseState(Document &doc, const ReadBudget &budget)
        : doc(doc)
        , builder(doc)
        , html(builder, doc)
        , budget(budget)
    {
    }

    // True once the file's budget is spent; md4c stops when a callback returns non-zero.
    bool spent()
    {
        if (!gaveUp && (++callbacks & 255u) == 0)
            gaveUp = budget.exhausted();
        return gaveUp;
    }

    Document &doc;
    DocumentBuilder builder;
    InlineHtml html;
    std::vector<MD_BLOCKTYPE> blocks;
    std::vector<int> headingLevels;
    std::vector<std::pair<int, QString>> links;
    std::vector<std::pair<int, QString>> wikiLinks;
    int imageDepth = 0;
    QString htmlBlock;
    int openLists = 0; // MD_BLOCK_UL and MD_BLOCK_OL among blocks
    const ReadBudget &budget;
    unsigned callbacks = 0;
    bool gaveUp = false;

    void updateKind()
    {
        // Counted as blocks open and close: 100,000 nested quotes made a scan here quadratic.
        const int listDepth = openLists;
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
            switch (*it) {
            case MD_BLOCK_H:
                builder.setBlockKind(Block::Kind::Heading, headingLevels.empty() ? 1 : headingLevels.back());
                return;
            case MD_BLOCK_TD:
            case MD_BLOCK_TH:
                builder.setBlockKind(Block::Kind::TableCell);
                return;
            case MD_BLOCK_CODE:
                builder.setBlockKind(Block::Kind::Code);
                return;
            case MD_BLOCK_LI:
                builder.setBlockKind(Block::Kind::ListItem, listDepth);
                return;
            case MD_BLOCK_QUOTE:
                builder.setBlockKind(Block::Kind::Quote);
                return;
            default:
                break;
            }
        }
        builder.setBlockKind(Block::Kind::Paragraph);
    }
};

int enterBlock(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    auto &s = *static_cast<ParseState *>(userdata);
    if (s.spent())
        return 1;
    s.builder.closeBlock();
    s.blocks.push_back(type);
    s.openLists += (type == MD_BLOCK_UL || type == MD_BLOCK_OL) ? 1 : 0;
    if (type == MD_BLOCK_H)
        s.headingLevels.push_back(int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level));
    if (type == MD_BLOCK_HTML)
        s.htmlBlock.clear();
    s.updateKind();
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void *, void *userdata)
{
    auto &s = *static_cast<ParseState *>(userdata);
    if (s.spent())
        return 1;
    if (type == MD_BLOCK_HTML)
        s.html.feedRaw(s.htmlBlock);
    s.builder.closeBlock();
    if (!s.blocks.empty()) {
        s.openLists -= (s.blocks.back() == MD_BLOCK_UL || s.blocks.back() == MD_BLOCK_OL) ? 1 : 0;
        s.blocks.pop_back();
    }
    if (type == MD_BLOCK_H && !s.headingLevels.empty())
        s.headingLevels.pop_back();
    s.updateKind();
    return 0;
}

int enterSpan(MD_SPANTYPE type, void *detail, void *userdata)
{
    auto &s = *static_cast<ParseState *>(userdata);
    if (s.spent())
        return 1;
    switch (type) {
    case MD_SPAN_A:
        s.links.emplace_back(s.builder.beginMark(), attributeText(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
        break;
    case MD_SPAN_WIKILINK:
        s.wikiLinks.emplace_back(s.builder.beginMark(),
                                 attributeText(static_cast<MD_SPAN_WIKILINK_DETAIL *>(detail)->target));
        break;
    case MD_SPAN_IMG:
        ++s.imageDepth; // alt text describes a picture; it is not prose
        break;
    default:
        break;
    }
    return 0;
}

int leaveSpan(MD_SPANTYPE type, void *, void *userdata)
{
    auto &s = *static_cast<ParseState *>(userdata);
    if (s.spent())
        return 1;
    if (type == MD_SPAN_A && !s.links.empty()) {
        const auto [mark, url] = s.links.back();
        s.links.pop_back();
        const TextRange range = s.builder.endMark(mark);
        if (!range.isEmpty())
            s.doc.links.push_back(Link{range, url});
    } else if (type == MD_SPAN_WIKILINK && !s.wikiLinks.empty()) {
        const auto [mark, target] = s.wikiLinks.back();
        s.wikiLinks.pop_back();
        const TextRange range = s.builder.endMark(mark);
        if (!range.isEmpty())
            s.doc.wikiLinks.push_back(WikiLink{range, target});
    } else if (type == MD_SPAN_IMG) {
        s.imageDepth = std::max(0, s.imageDepth - 1);
    }
    return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    auto &s = *static_cast<ParseState *>(userdata);
    if (s.spent())
        return 1;
    if (s.imageDepth > 0)
        return 0;
    const bool inCodeBlock = !s.blocks.empty() && s.blocks.back() == MD_BLOCK_CODE;
    switch (type) {
    case MD_TEXT_NORMAL:
    case MD_TEXT_LATEXMATH:
        s.html.text(toQString(text, size));
        break;
    case MD_TEXT_CODE:
        if (inCodeBlock)
            s.builder.appendVerbatim(toQString(text, size));
        else
            s.html.text(toQString(text, size));
        break;
    case MD_TEXT_ENTITY:
        s.html.text(decodeHtmlEntities(toQString(text, size)));
        break;
    case MD_TEXT_BR:
        if (!s.html.swallowing())
            s.builder.lineBreak();
        break;
    case MD_TEXT_SOFTBR:
        s.html.text(u" ");
        break;
    case MD_TEXT_HTML:
        if (!s.blocks.empty() && s.blocks.back() == MD_BLOCK_HTML) {
            s.htmlBlock += toQString(text, size);
        } else if (const auto tag = parseHtmlTag(toQString(text, size))) {
            s.html.tag(*tag);
        }
        break;
    case MD_TEXT_NULLCHAR:
        break;
    }
    return 0;
}

} // namespace

bool MarkdownReader::read(const QString &text, Document &document, std::vector<Problem> &problems,
                          const ReadBudget &budget)
{
    QString body = takeFrontMatter(text, document, problems);

    // Obsidian callouts: "> [!info] Title" keeps "Title" and loses the marker.
    static const QRegularExpression callout(QStringLiteral("^([ \\t]{0,3}(?:>[ \\t]?)+)\\[![A-Za-z][\\w-]*\\][+-]?[ \\t]*"),
                                            QRegularExpression::MultilineOption);
    if (body.contains(QLatin1String("[!")))
        body.replace(callout, QStringLiteral("\\1"));

    const QByteArray utf8 = body.toUtf8();
    ParseState state(document, budget);
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_WIKILINKS
                   | MD_FLAG_TASKLISTS;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = enterSpan;
    parser.leave_span = leaveSpan;
    parser.text = onText;
    const int result = md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &state);
    if (state.gaveUp) {
        problems.push_back({Problem::Severity::Error, document.path, budget.reason() + QStringLiteral(", skipped")});
        return false;
    }
    if (result != 0) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("markdown parser stopped early; text may be incomplete")});
    }
    state.builder.finish(QFileInfo(document.path).completeBaseName());
    return true;
}

} // namespace carto::ingest
