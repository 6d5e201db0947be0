#include "inerttextdocument.h"

namespace carto::app {

InertTextDocument::InertTextDocument(QObject *parent)
    : QTextDocument(parent)
{
    // resource() asks the provider when loadResource() finds nothing; an
    // application-wide default provider must not load anything for us either.
    setResourceProvider([](const QUrl &) { return QVariant(); });
}

QVariant InertTextDocument::loadResource(int, const QUrl &name)
{
    if (m_refused.size() < 1000) // a hostile note may name thousands
        m_refused.append(name);
    return {};
}

} // namespace carto::app
