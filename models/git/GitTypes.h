// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::git {

/// A git object id (SHA-1, 20 raw bytes). Value type.
class ObjectId
{
public:
    ObjectId() = default;
    static ObjectId fromRaw(const QByteArray& raw) { return ObjectId(raw); }
    /// Parses 40 hex digits; returns a null id for anything else.
    static ObjectId fromHex(const QString& hex);

    bool isNull() const { return m_raw.isEmpty(); }
    const QByteArray& raw() const { return m_raw; }
    QString toString() const { return QString::fromLatin1(m_raw.toHex()); }
    QString shortString(int length = 8) const { return toString().left(length); }

    friend bool operator==(const ObjectId& a, const ObjectId& b) { return a.m_raw == b.m_raw; }
    friend bool operator!=(const ObjectId& a, const ObjectId& b) { return a.m_raw != b.m_raw; }
    friend bool operator<(const ObjectId& a, const ObjectId& b) { return a.m_raw < b.m_raw; }
    friend size_t qHash(const ObjectId& id, size_t seed = 0) { return qHash(id.m_raw, seed); }

private:
    explicit ObjectId(QByteArray raw)
        : m_raw(std::move(raw))
    { }
    QByteArray m_raw;
};

/// Who and when: author, committer or tagger. `time` keeps the original UTC offset.
struct Signature
{
    QString name;
    QString email;
    QDateTime time;

    bool isValid() const { return !name.isEmpty(); }
};

struct CommitInfo
{
    ObjectId id;
    QList<ObjectId> parents;
    Signature author;
    Signature committer;
    QString summary; ///< first line of the message
    QString message; ///< whole message
    ObjectId tree;
};

struct TagInfo
{
    QString name; ///< short name, e.g. "v1.2.0"
    ObjectId tagObject; ///< the tag object for annotated tags, null for lightweight ones
    ObjectId target; ///< peeled commit; null when the tag does not point at a commit
    bool annotated = false;
    bool pointsAtCommit = false;
    Signature tagger; ///< annotated tags only
    QString message; ///< annotated tags only
};

struct BranchInfo
{
    QString name; ///< short name, e.g. "main" or "origin/main"
    ObjectId target;
    bool remote = false;
    bool isHead = false;
};

/// A reference as stored: its full name and the object it points at, unpeeled (the tag object of an annotated tag).
struct RefTarget
{
    QString name; ///< full name, e.g. "refs/tags/v1.2.0"
    ObjectId target; ///< null for a symbolic reference that points nowhere
};

struct HeadInfo
{
    QString branch; ///< short branch name; empty when detached
    ObjectId commit; ///< null when the branch is unborn (empty repository)
    bool detached = false;
    bool unborn = false;
};

struct TreeEntry
{
    QString path; ///< full path from the tree's root, '/'-separated
    ObjectId blob;
    qint64 size = 0;
    bool executable = false;
};

struct FileChange
{
    enum class Status
    {
        Added,
        Deleted,
        Modified,
        Renamed,
        Copied,
        TypeChange,
        Other
    };
    Status status = Status::Other;
    QString oldPath;
    QString newPath;
    int additions = 0;
    int deletions = 0;
    bool binary = false;
};

/// One path of `git status --porcelain`: `index` and `workTree` are its two status letters (' ', 'M', 'A', 'D',
/// 'R', 'T', '?', 'U').
struct StatusEntry
{
    QString path;
    char index = ' ';
    char workTree = ' ';

    QString code() const { return QString(QChar::fromLatin1(index)) + QChar::fromLatin1(workTree); }
};

struct NoteEntry
{
    ObjectId annotated; ///< the commit the note is attached to
    ObjectId blob; ///< the note's blob
};

/// Options for Repository::log().
struct LogOptions
{
    QString start = QStringLiteral("HEAD"); ///< any revision
    bool firstParent = false;
    QDateTime since; ///< committer time, inclusive; invalid = unbounded
    QDateTime until; ///< committer time, inclusive; invalid = unbounded
    QStringList paths; ///< only commits touching these paths (prefixes, relative to the root); empty = all
    int maxCount = -1; ///< -1 = unlimited
    QStringList hide; ///< revisions whose history is excluded (like `git log A ^B`)
    /// Parents before children, newest first (git log --topo-order): every commit is read before the first comes
    /// out. Off: newest committer time first, streamed (git log's default order), for walks that stop early.
    bool topological = true;
};

} // namespace gatehouse::git

Q_DECLARE_METATYPE(gatehouse::git::ObjectId)
