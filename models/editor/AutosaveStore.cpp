// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AutosaveStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace gatehouse {

namespace {
// First line of an autosave file: the marker, the ISO time and the original path.
constexpr QByteArrayView Marker = "gatehouse-autosave 1\t";
} // namespace

AutosaveStore::AutosaveStore(QString directory)
    : m_directory(std::move(directory))
{ }

QString AutosaveStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

QString AutosaveStore::fileFor(const QString& originalPath) const
{
    const QByteArray hash
        = QCryptographicHash::hash(QDir::cleanPath(originalPath).toUtf8(), QCryptographicHash::Sha1).toHex().left(20);
    return m_directory + u'/' + QString::fromLatin1(hash) + QStringLiteral(".autosave");
}

Status AutosaveStore::store(const QString& originalPath, const QString& text)
{
    if (!QDir().mkpath(m_directory))
        return makeError(QStringLiteral("io.mkdir"), QStringLiteral("cannot create %1").arg(m_directory));
    QSaveFile file(fileFor(originalPath));
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("io.write"), file.errorString());
    QByteArray header(Marker.data(), Marker.size());
    header += QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\t'
        + QDir::cleanPath(originalPath).toUtf8() + '\n';
    file.write(header);
    file.write(text.toUtf8());
    if (!file.commit())
        return makeError(QStringLiteral("io.write"), file.errorString());
    return Success{};
}

std::optional<AutosaveStore::Entry> AutosaveStore::readEntry(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = file.readLine(64 * 1024);
    if (!header.startsWith(QByteArray(Marker.data(), Marker.size())))
        return std::nullopt;
    const QList<QByteArray> fields = header.mid(Marker.size()).trimmed().split('\t');
    if (fields.size() != 2)
        return std::nullopt;
    Entry entry;
    entry.savedAt = QDateTime::fromString(QString::fromUtf8(fields.at(0)), Qt::ISODate);
    entry.originalPath = QString::fromUtf8(fields.at(1));
    entry.text = QString::fromUtf8(file.readAll());
    return entry;
}

std::optional<AutosaveStore::Entry> AutosaveStore::find(const QString& originalPath) const
{
    auto entry = readEntry(fileFor(originalPath));
    // A hash collision would hand over another file's text: check the recorded path.
    if (entry && entry->originalPath != QDir::cleanPath(originalPath))
        return std::nullopt;
    return entry;
}

void AutosaveStore::remove(const QString& originalPath)
{
    QFile::remove(fileFor(originalPath));
}

QList<AutosaveStore::Entry> AutosaveStore::entries() const
{
    QList<Entry> result;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.autosave")}, QDir::Files, QDir::Name)) {
        if (auto entry = readEntry(dir.filePath(name)))
            result.append(*entry);
    }
    return result;
}

} // namespace gatehouse
