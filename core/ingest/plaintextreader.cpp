#include "plaintextreader.h"

#include "documentbuilder.h"

#include <QFileInfo>

namespace carto::ingest {

void PlainTextReader::read(QString text, Document &document)
{
    document.text = std::move(text);
    const QString &t = document.text;
    const qsizetype n = t.size();
    qsizetype lineStart = 0;
    while (lineStart < n) {
        qsizetype lineEnd = t.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = n;
        qsizetype s = lineStart;
        qsizetype e = lineEnd;
        while (s < e && t[s].isSpace())
            ++s;
        while (e > s && t[e - 1].isSpace())
            --e;
        if (e > s) {
            Block block;
            block.kind = Block::Kind::Paragraph;
            block.range = TextRange{s, e};
            document.blocks.push_back(block);
        }
        lineStart = lineEnd + 1;
    }
    DocumentBuilder::finalize(document, QFileInfo(document.path).completeBaseName());
}

} // namespace carto::ingest
