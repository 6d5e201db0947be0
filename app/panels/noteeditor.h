#pragma once

#include <QTabWidget>

class QPlainTextEdit;
class QTextBrowser;

namespace carto::app {

// The Markdown note block shared by the concept and link panels: a "Note" tab
// to type in and a "Preview" tab that renders it. It only shows text; the
// owning panel turns edited() into an undoable NoteCommand and calls setNote()
// when the project's notes or the shown item change.
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
    // Shows note in the editor and preview without emitting edited().
    void setNote(const QString &note, bool editable);
    // Brings the editor tab forward and gives it the keyboard.
    void focusEditor();

Q_SIGNALS:
    // The user changed the text (never emitted for setNote()).
    void edited(const QString &text);

private:
    QPlainTextEdit *m_edit;
    QTextBrowser *m_preview;
    CaretOnReplace m_caret;
    bool m_settingNote = false;
};

} // namespace carto::app
