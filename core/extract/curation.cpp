#include "curation.h"

#include "background.h"
#include "scorer.h"
#include "curationapplier.h"
#include "lexicon.h"
#include "tokenizer.h"

#include "foundation/yamllimits.h"

#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

namespace carto::extract {

namespace {

QString toQString(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>()).trimmed();
}

QStringList toList(const YAML::Node &node)
{
    QStringList out;
    if (!node)
        return out;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            out.append(toQString(item));
    } else if (node.IsScalar()) {
        out.append(toQString(node));
    }
    return out;
}

bool sameName(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

Concept *findConcept(std::vector<Concept> &concepts, const QString &name)
{
    const QString key = normalisedKey(name);
    for (Concept &c : concepts) {
        if (sameName(c.label, name))
            return &c;
    }
    for (Concept &c : concepts) {
        for (const QString &a : c.aliases) {
            if (sameName(a, name))
                return &c;
        }
    }
    for (Concept &c : concepts) {
        if (c.id.value() == key)
            return &c;
    }
    return nullptr;
}

void tidyMentions(Concept &c)
{
    std::sort(c.mentions.begin(), c.mentions.end(), [](const Mention &a, const Mention &b) {
        if (a.span.document != b.span.document)
            return a.span.document.value() < b.span.document.value();
        return a.span.range.start < b.span.range.start;
    });
    c.mentions.erase(std::unique(c.mentions.begin(), c.mentions.end(),
                                 [](const Mention &a, const Mention &b) { return a.span == b.span; }),
                     c.mentions.end());
    std::set<int> docs;
    for (const Mention &m : c.mentions)
        docs.insert(m.span.document.value());
    c.documentCount = static_cast<int>(docs.size());
    if (!c.aliases.contains(c.label))
        c.aliases.prepend(c.label);
    for (const Mention &m : c.mentions) {
        if (!c.aliases.contains(m.surface))
            c.aliases.append(m.surface);
    }
}

// A concept the user added is ranked as a linked name of its mentions.
double addedConceptScore(const ingest::Corpus &corpus, const Concept &c)
{
    SalienceFeatures f;
    f.mentions = static_cast<int>(c.mentions.size());
    f.documents = c.documentCount;
    f.named = true;
    f.linked = true;
    f.words = static_cast<int>(c.id.value().count(u' ') + 1);
    double tokens = 0;
    for (const ingest::Document &doc : corpus.documents)
        tokens += static_cast<double>(doc.text.split(u' ', Qt::SkipEmptyParts).size());
    f.corpusTokens = std::max(1.0, tokens);
    const Background &bg = Background::instance();
    double rarest = -1;
    for (const QString &w : c.id.value().split(u' ', Qt::SkipEmptyParts)) {
        const double n = bg.count(w);
        rarest = rarest < 0 ? n : std::min(rarest, n);
    }
    f.backgroundCount = f.words == 1 ? std::max(0.0, rarest) : kPhraseShare * std::max(0.0, rarest);
    f.backgroundTokens = bg.total();
    return conceptScore(f);
}

// After a curation changed a concept's mentions: each document's score in
// proportion to its share of the mentions, the best document at the
// concept's score.
void proportionalDocumentScores(Concept &c)
{
    std::map<int, int> perDocument;
    for (const Mention &m : c.mentions)
        ++perDocument[m.span.document.value()];
    int most = 1;
    for (const auto &[doc, n] : perDocument)
        most = std::max(most, n);
    c.documentScores.clear();
    for (const auto &[doc, n] : perDocument)
        c.documentScores.push_back({DocumentId(doc), c.score * n / most});
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

std::vector<Mention> findInTexts(const ingest::Corpus &corpus, const QStringList &forms)
{
    std::vector<Mention> out;
    for (const ingest::Document &doc : corpus.documents) {
        for (const QString &form : forms) {
            if (form.isEmpty())
                continue;
            qsizetype from = 0;
            while ((from = doc.text.indexOf(form, from, Qt::CaseInsensitive)) >= 0) {
                const qsizetype end = from + form.size();
                const bool left = from == 0 || !isWordChar(doc.text[from - 1]);
                const bool right = end >= doc.text.size() || !isWordChar(doc.text[end]);
                if (left && right) {
                    Mention m;
                    m.span = Span{doc.id, TextRange{from, end}};
                    m.surface = doc.text.mid(from, form.size());
                    m.explicitLink = true;
                    out.push_back(m);
                }
                from = end;
            }
        }
    }
    return out;
}

} // namespace

QString normalisedKey(QStringView name)
{
    FormInterner interner;
    std::vector<Token> tokens;
    tokenize(name, TextRange{0, name.size()}, false, 0, interner, tokens);
    QStringList words;
    QStringView lastForm;
    for (const Token &t : tokens) {
        if (!t.isWord())
            continue;
        lastForm = interner.forms[static_cast<size_t>(t.form)];
        QString w = lastForm.toString().toLower();
        w.remove(u'\'');
        w.remove(QChar(0x2019));
        words.append(w);
    }
    if (words.isEmpty())
        return name.toString().trimmed().toLower();
    bool hasUpper = false;
    bool allUpper = true;
    for (QChar c : lastForm) {
        if (c.isUpper())
            hasUpper = true;
        else if (c.isLetter() && c != u's')
            allUpper = false;
    }
    QString &head = words.last();
    if (hasUpper && allUpper && lastForm.size() >= 3 && lastForm.back() == u's'
        && lastForm.first(lastForm.size() - 1).toString().toUpper() == lastForm.first(lastForm.size() - 1)) {
        head.chop(1); // "LLMs"
    } else if (!hasUpper) {
        const QByteArray utf8 = head.toUtf8();
        const std::string base = Lexicon::instance().nounBase(std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())));
        if (!base.empty())
            head = QString::fromStdString(base);
    }
    return words.join(u' ');
}

Curation parseCuration(const QByteArray &yaml, const QString &pathForMessages, std::vector<Problem> &problems)
{
    const auto problemAt = [&](int line, int column, const QString &message) {
        problems.push_back({Problem::Severity::Error, pathForMessages,
                            QStringLiteral("line %1, column %2: %3").arg(line + 1).arg(column + 1).arg(message)});
    };
    const std::string text = yaml.toStdString();
    // A corpus may ship a hostile cartograph.yaml: aliases that expand to
    // gigabytes are refused before anything copies them out of the tree.
    if (const auto refused = checkYamlLimits(text)) {
        problemAt(refused->line, refused->column, refused->message + QStringLiteral("; curation ignored"));
        return {};
    }
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        problemAt(e.mark.line, e.mark.column, QString::fromStdString(e.msg));
        return {};
    } catch (const std::exception &e) {
        problems.push_back({Problem::Severity::Error, pathForMessages,
                            QStringLiteral("cannot read curation: %1").arg(QString::fromLocal8Bit(e.what()))});
        return {};
    }
    return parseCurationNode(root, pathForMessages, problems);
}

Curation parseCurationNode(const YAML::Node &root, const QString &pathForMessages, std::vector<Problem> &problems)
{
    Curation c;
    auto problem = [&](const QString &message) {
        problems.push_back({Problem::Severity::Error, pathForMessages, message});
    };
    try {
        if (!root || root.IsNull())
            return c;
        if (!root.IsMap()) {
            problem(QStringLiteral("curation file must be a mapping of operations"));
            return {};
        }
        if (const YAML::Node concepts = root["concepts"]) {
            for (const YAML::Node &item : concepts) {
                Curation::AddedConcept added;
                if (item.IsScalar()) {
                    added.name = toQString(item);
                } else {
                    added.name = toQString(item["name"]);
                    added.aliases = toList(item["aliases"]);
                    if (item["type"]) {
                        added.type = conceptTypeFromName(toQString(item["type"]));
                        if (!added.type)
                            problem(QStringLiteral("unknown concept type \"%1\" (line %2)")
                                        .arg(toQString(item["type"]))
                                        .arg(item["type"].Mark().line + 1));
                    }
                }
                if (!added.name.isEmpty())
                    c.added.push_back(added);
            }
        }
        if (const YAML::Node merges = root["merge"]) {
            for (const YAML::Node &item : merges) {
                Curation::Merge m;
                m.into = toQString(item["into"]);
                m.from = toList(item["from"]);
                if (!m.into.isEmpty())
                    c.merges.push_back(m);
            }
        }
        if (const YAML::Node renames = root["rename"]) {
            for (auto it = renames.begin(); it != renames.end(); ++it)
                c.renames[toQString(it->first)] = toQString(it->second);
        }
        c.ignored = toList(root["ignore"]);
        if (const YAML::Node types = root["types"]) {
            for (auto it = types.begin(); it != types.end(); ++it) {
                const QString typeName = toQString(it->second);
                if (auto t = conceptTypeFromName(typeName))
                    c.typeOverrides[toQString(it->first)] = *t;
                else
                    problem(QStringLiteral("unknown concept type \"%1\" (line %2)").arg(typeName).arg(it->second.Mark().line + 1));
            }
        }
        c.splits = toList(root["split"]);
    } catch (const YAML::Exception &e) {
        problem(QStringLiteral("line %1, column %2: %3")
                    .arg(e.mark.line + 1)
                    .arg(e.mark.column + 1)
                    .arg(QString::fromStdString(e.msg)));
        return {};
    }
    return c;
}

Curation readCurationFile(const QString &path, std::vector<Problem> &problems)
{
    // Curation is hand-written: a few KB. A bigger file costs a YAML tree of
    // hundreds of bytes per node before anything can look at it.
    constexpr qint64 kMaxCurationBytes = 2 * 1024 * 1024;
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        problems.push_back({Problem::Severity::Error, path, file.errorString()});
        return {};
    }
    const QByteArray bytes = file.read(kMaxCurationBytes + 1);
    if (bytes.size() > kMaxCurationBytes) {
        problems.push_back({Problem::Severity::Error, path,
                            QStringLiteral("curation file larger than %1 MB; ignored").arg(kMaxCurationBytes / (1024 * 1024))});
        return {};
    }
    return parseCuration(bytes, path, problems);
}

void sortConcepts(std::vector<Concept> &concepts)
{
    std::sort(concepts.begin(), concepts.end(), [](const Concept &a, const Concept &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.id < b.id;
    });
}

void applyCuration(const Curation &curation, const ingest::Corpus &corpus, std::vector<Concept> &concepts)
{
    if (curation.isEmpty())
        return;
    for (const Curation::AddedConcept &added : curation.added) {
        QStringList forms = added.aliases;
        forms.prepend(added.name);
        Concept *existing = findConcept(concepts, added.name);
        std::vector<Mention> found = findInTexts(corpus, forms);
        if (!existing) {
            Concept c;
            c.id = ConceptId(normalisedKey(added.name));
            c.label = added.name;
            c.type = added.type.value_or(added.name.front().isUpper() ? ConceptType::Organization : ConceptType::Theme);
            c.mentions = std::move(found);
            tidyMentions(c);
            for (const QString &a : added.aliases) {
                if (!c.aliases.contains(a))
                    c.aliases.append(a);
            }
            c.score = addedConceptScore(corpus, c);
            proportionalDocumentScores(c);
            concepts.push_back(std::move(c));
        } else {
            existing->mentions.insert(existing->mentions.end(), found.begin(), found.end());
            if (added.type)
                existing->type = *added.type;
            for (const QString &a : forms) {
                if (!existing->aliases.contains(a))
                    existing->aliases.append(a);
            }
            tidyMentions(*existing);
        }
    }
    for (const Curation::Merge &merge : curation.merges) {
        for (const QString &from : merge.from) {
            Concept *into = findConcept(concepts, merge.into);
            Concept *source = findConcept(concepts, from);
            if (!into || !source || into == source)
                continue;
            into->mentions.insert(into->mentions.end(), source->mentions.begin(), source->mentions.end());
            for (const QString &a : source->aliases) {
                if (!into->aliases.contains(a))
                    into->aliases.append(a);
            }
            into->score = std::max(into->score, source->score) + 0.5 * std::min(into->score, source->score);
            tidyMentions(*into);
            proportionalDocumentScores(*into);
            const ConceptId gone = source->id;
            concepts.erase(std::remove_if(concepts.begin(), concepts.end(),
                                          [&](const Concept &c) { return c.id == gone; }),
                           concepts.end());
        }
    }
    for (const QString &alias : curation.splits) {
        Concept *owner = nullptr;
        for (Concept &c : concepts) {
            if (!sameName(c.label, alias) && c.aliases.contains(alias, Qt::CaseInsensitive)) {
                owner = &c;
                break;
            }
        }
        if (!owner)
            continue;
        Concept split;
        split.id = ConceptId(normalisedKey(alias));
        split.type = owner->type;
        std::vector<Mention> keep;
        for (Mention &m : owner->mentions) {
            if (sameName(m.surface, alias))
                split.mentions.push_back(m);
            else
                keep.push_back(m);
        }
        const double share = owner->mentions.empty() ? 0.5
                                                     : static_cast<double>(split.mentions.size()) / owner->mentions.size();
        split.score = owner->score * std::max(0.3, share);
        split.label = split.mentions.empty() ? alias : split.mentions.front().surface;
        owner->mentions = std::move(keep);
        owner->aliases.removeIf([&](const QString &a) { return sameName(a, alias); });
        if (split.id == owner->id)
            split.id = ConceptId(split.id.value() + QStringLiteral(" (split)"));
        tidyMentions(split);
        tidyMentions(*owner);
        proportionalDocumentScores(split);
        proportionalDocumentScores(*owner);
        concepts.push_back(std::move(split));
    }
    for (const auto &[from, to] : curation.renames) {
        if (Concept *c = findConcept(concepts, from)) {
            c->label = to;
            if (!c->aliases.contains(to))
                c->aliases.prepend(to);
        }
    }
    for (const auto &[name, type] : curation.typeOverrides) {
        if (Concept *c = findConcept(concepts, name))
            c->type = type;
    }
    for (const QString &name : curation.ignored) {
        while (Concept *c = findConcept(concepts, name)) {
            const ConceptId gone = c->id;
            concepts.erase(std::remove_if(concepts.begin(), concepts.end(),
                                          [&](const Concept &x) { return x.id == gone; }),
                           concepts.end());
        }
    }
}

} // namespace carto::extract
