#include "noteeditor.h"

#include "models/inerttextdocument.h"

#include <QPlainTextEdit>
#include <QTextBrowser>

#include <algorithm>

namespace carto::app {

NoteEditor::NoteEditor(const QString &placeholder, CaretOnReplace caret, QWidget *parent)
    : QTabWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_caret(caret)
{
    m_edit->setPlaceholderText(placeholder);
    m_preview->setOpenLinks(false);
    // A note may come with a project file from anyone: its images must not read local files or the network.
    m_preview->setDocument(new InertTextDocument(m_preview));
    addTab(m_edit, tr("Note"));
    addTab(m_preview, tr("Preview"));
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingNote)
            Q_EMIT edited(m_edit->toPlainText());
    });
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
    m_preview->setMarkdown(note);
}

void NoteEditor::focusEditor()
{
    setCurrentWidget(m_edit);
    m_edit->setFocus(Qt::OtherFocusReason);
}

} // namespace carto::app
