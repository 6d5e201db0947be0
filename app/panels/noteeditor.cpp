#include "noteeditor.h"

#include "models/inerttextdocument.h"

#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app {

namespace {
constexpr auto kConceptScheme = "cartograph-concept"_L1;

// Backslash-escapes the characters Markdown gives a meaning, so a concept's
// name reads as itself inside a link's text.
QString escapedMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (u"\\`*_{}[]<>()#+-.!|~&"_s.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}
} // namespace

QString NoteEditor::previewMarkdown(const QString &note)
{
    // The same [[link]] syntax as ProjectDocument::wikiLinks().
    static const QRegularExpression link(u"\\[\\[([^\\[\\]|]+)(?:\\|([^\\]]*))?\\]\\]"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = link.globalMatch(note); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(note).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).trimmed();
        const QString shown = m.captured(2).trimmed().isEmpty() ? name : m.captured(2).trimmed();
        // Every reserved character encoded: a bracket or parenthesis in a name
        // cannot end the link early.
        out += u"["_s + escapedMarkdown(shown) + u"]("_s + kConceptScheme + u':'
            + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u")"_s;
        last = m.capturedEnd();
    }
    out += QStringView(note).mid(last);
    return out;
}

QString NoteEditor::conceptOfLink(const QUrl &url)
{
    return url.scheme() == kConceptScheme ? QUrl::fromPercentEncoding(url.path(QUrl::FullyEncoded).toLatin1())
                                          : QString();
}

NoteEditor::NoteEditor(const QString &placeholder, CaretOnReplace caret, QWidget *parent)
    : QTabWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_caret(caret)
{
    m_edit->setPlaceholderText(placeholder);
    m_preview->setOpenLinks(false);
    m_preview->setOpenExternalLinks(false);
    connect(m_preview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const QString name = conceptOfLink(url); !name.isEmpty())
            Q_EMIT conceptLinkActivated(name);
    });
    // A note may come with a project file from anyone: its images must not read local files or the network.
    m_preview->setDocument(new InertTextDocument(m_preview));
    addTab(m_edit, tr("Note"));
    addTab(m_preview, tr("Preview"));
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingNote)
            Q_EMIT edited(m_edit->toPlainText());
    });
}

void NoteEditor::setNoteName(const QString &name)
{
    setAccessibleName(name);
    m_edit->setAccessibleName(name);
    m_edit->setAccessibleDescription(m_edit->placeholderText());
    m_preview->setAccessibleName(tr("%1, preview").arg(name));
    m_preview->setAccessibleDescription(tr("The note as formatted text; each [[Concept]] is a link that selects it."));
}

void NoteEditor::setNote(const QString &note, bool editable)
{
    if (note != m_edit->toPlainText()) {
        m_settingNote = true;
        const int caret = m_edit->textCursor().position();
        m_edit->setPlainText(note);
        if (m_caret == CaretOnReplace::KeepPosition) {
            // Undo and redo land here; keep the caret where it was when possible.
            QTextCursor c = m_edit->textCursor();
            c.setPosition(std::min(caret, int(note.size())));
            m_edit->setTextCursor(c);
        } else {
            m_edit->moveCursor(QTextCursor::End);
        }
        m_settingNote = false;
    }
    m_edit->setEnabled(editable);
    m_preview->setMarkdown(previewMarkdown(note));
}

void NoteEditor::focusEditor()
{
    setCurrentWidget(m_edit);
    m_edit->setFocus(Qt::OtherFocusReason);
}

} // namespace carto::app
