#include "gazetteer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <zlib.h>

namespace carto::extract {

namespace {

// The file's bytes, gunzipped when it is gzip (zlib's gz* functions read
// plain files unchanged).
QByteArray readMaybeGzip(const QString &path)
{
    QByteArray out;
    gzFile f = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!f)
        return out;
    char buffer[16384];
    for (int n = gzread(f, buffer, sizeof buffer); n > 0; n = gzread(f, buffer, sizeof buffer))
        out.append(buffer, n);
    gzclose(f);
    return out;
}

// "Korea, Democratic People's Republic of" -> "democratic people's republic of korea"
QString naturalOrder(const QString &name)
{
    const qsizetype comma = name.indexOf(QStringLiteral(", "));
    if (comma < 0)
        return name.toLower();
    return (name.mid(comma + 2) + u' ' + name.left(comma)).toLower();
}

} // namespace

const Gazetteer &Gazetteer::instance()
{
    // never destroyed: a worker the job runner abandoned may still read it
    // while the process exits, and freeing its tables would only cost time
    static const Gazetteer *const gazetteer = new Gazetteer;
    return *gazetteer;
}

Gazetteer::Gazetteer()
{
    loadGivenNames(QStringLiteral(CARTO_GIVEN_NAMES_FILE));
    loadIsoCodes(QStringLiteral(CARTO_ISO_CODES_DIR));
}

void Gazetteer::loadGivenNames(const QString &path)
{
    for (const QByteArray &line : readMaybeGzip(path).split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed().toLower();
        if (name.size() >= 2)
            m_givenNames.insert(name);
    }
}

void Gazetteer::loadIsoCodes(const QString &dir)
{
    auto entries = [&](const QString &file, const QString &key) {
        QFile f(dir + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            return QJsonArray();
        return QJsonDocument::fromJson(f.readAll()).object().value(key).toArray();
    };
    for (const QJsonValue &v : entries(QStringLiteral("iso_3166-1.json"), QStringLiteral("3166-1"))) {
        const QJsonObject o = v.toObject();
        for (const QString &field : {QStringLiteral("name"), QStringLiteral("official_name"), QStringLiteral("common_name")}) {
            const QString name = o.value(field).toString();
            if (name.isEmpty())
                continue;
            m_countries.insert(name.toLower());
            m_countries.insert(naturalOrder(name));
        }
    }
    // Former countries (iso_3166-3) are places too; their names list the
    // short and the long form: "USSR, Union of Soviet Socialist Republics".
    // A name of more parts is one name in ISO's order ("Yemen, Democratic,
    // People's Democratic Republic of"): its parts are no places
    // ("Democratic").
    for (const QJsonValue &v : entries(QStringLiteral("iso_3166-3.json"), QStringLiteral("3166-3"))) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const QStringList parts = name.split(QStringLiteral(", "));
        if (parts.size() > 2) {
            m_countries.insert(name.toLower());
            continue;
        }
        for (const QString &part : parts) {
            if (part.size() > 3)
                m_countries.insert(part.toLower());
        }
    }
    for (const QJsonValue &v : entries(QStringLiteral("iso_3166-2.json"), QStringLiteral("3166-2"))) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        // some entries carry their local name after a slash or in brackets
        const QString primary = name.section(u'[', 0, 0).section(u'(', 0, 0).trimmed();
        if (primary.size() >= 3)
            m_subdivisions.insert(primary.toLower());
    }
}

} // namespace carto::extract
