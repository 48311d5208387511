// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

DocumentFile::DocumentFile(const QString& absolutePath, QObject* parent)
    : QObject(parent)
    , m_path(absolutePath)
{
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentFile::onFileChanged);
    m_rewatch.setSingleShot(true);
    m_rewatch.setInterval(200);
    connect(&m_rewatch, &QTimer::timeout, this, [this] {
        if (QFileInfo::exists(m_path)) {
            m_watcher.addPath(m_path);
            onFileChanged();
        } else if (++m_rewatchAttempts < 25) {
            m_rewatch.start();
        }
    });
}

QByteArray DocumentFile::diskHash() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(file.read(MaxSize));
    return hash.result();
}

Result<QString> DocumentFile::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("io.read"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    if (file.size() > MaxSize)
        return makeError(QStringLiteral("io.too-large"),
                         QStringLiteral("%1 is %2 MB; the editor opens files up to %3 MB")
                             .arg(m_path)
                             .arg(file.size() >> 20)
                             .arg(MaxSize >> 20));
    const QByteArray data = file.readAll();
    if (data.contains('\0'))
        return makeError(QStringLiteral("io.binary"), QStringLiteral("%1 is a binary file").arg(m_path));
    m_knownHash = QCryptographicHash::hash(data, QCryptographicHash::Sha1);
    m_reportedHash = m_knownHash;
    m_missingReported = false;
    if (!m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    return QString::fromUtf8(data);
}

Status DocumentFile::save(const QString& text)
{
    const QByteArray data = text.toUtf8();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("io.write"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return makeError(QStringLiteral("io.write"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    }
    if (!file.commit())
        return makeError(QStringLiteral("io.write"), QStringLiteral("%1: %2").arg(m_path, file.errorString()));
    m_knownHash = QCryptographicHash::hash(data, QCryptographicHash::Sha1);
    m_reportedHash = m_knownHash;
    m_missingReported = false;
    // QSaveFile renames a new file over the old one, which drops the watch on some platforms.
    if (!m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    return Success{};
}

bool DocumentFile::changedOnDisk() const
{
    return diskHash() != m_knownHash;
}

void DocumentFile::acknowledgeDiskState()
{
    m_knownHash = diskHash();
    m_reportedHash = m_knownHash;
    m_missingReported = false;
    if (QFileInfo::exists(m_path) && !m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
}

void DocumentFile::onFileChanged()
{
    if (!QFileInfo::exists(m_path)) {
        // Editors that save by rename make the file vanish for an instant: report the removal once and
        // watch for it to come back.
        m_rewatchAttempts = 0;
        m_rewatch.start();
        if (!m_missingReported) {
            m_missingReported = true;
            Q_EMIT externallyRemoved();
        }
        return;
    }
    if (!m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    const QByteArray hash = diskHash();
    if (hash == m_knownHash || hash == m_reportedHash)
        return;
    m_reportedHash = hash;
    m_missingReported = false;
    Q_EMIT externallyChanged();
}

} // namespace gatehouse
