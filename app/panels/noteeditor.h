#pragma once

#include <QTabWidget>

class QPlainTextEdit;
class QTextBrowser;
class QUrl;

namespace carto::app {

// The Markdown note block shared by the concept and link panels: a "Note" tab
// to type in and a "Preview" tab that renders it, where each [[Concept]] is a
// link (conceptLinkActivated). It only shows text; the owning panel turns
// edited() into an undoable NoteCommand and calls setNote() when the project's
// notes or the shown item change.
class NoteEditor final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteEditor)

public:
    // Where the caret goes when setNote() replaces the text (undo, redo,
    // another item shown).
    enum class CaretOnReplace { KeepPosition, MoveToEnd };

    explicit NoteEditor(const QString &placeholder, CaretOnReplace caret, QWidget *parent = nullptr);

    [[nodiscard]] QPlainTextEdit *editor() const { return m_edit; }
    [[nodiscard]] QTextBrowser *preview() const { return m_preview; }
    // What assistive technology calls the note ("Concept note"), its editor
    // and its preview.
    void setNoteName(const QString &name);
    // Shows note in the editor and preview without emitting edited().
    void setNote(const QString &note, bool editable);
    // Brings the editor tab forward and gives it the keyboard.
    void focusEditor();
    // The Markdown the preview renders: each [[Name]] (or [[Name|shown]])
    // becomes a link to the concept, its text escaped so it stays plain.
    [[nodiscard]] static QString previewMarkdown(const QString &note);
    // The concept a preview link names; empty for other links.
    [[nodiscard]] static QString conceptOfLink(const QUrl &url);

Q_SIGNALS:
    // The user changed the text (never emitted for setNote()).
    void edited(const QString &text);
    // A [[link]] in the preview was clicked.
    void conceptLinkActivated(const QString &name);

private:
    QPlainTextEdit *m_edit;
    QTextBrowser *m_preview;
    CaretOnReplace m_caret;
    bool m_settingNote = false;
};

} // namespace carto::app
