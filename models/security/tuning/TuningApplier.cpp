// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TuningApplier.h"

#include "git/Repository.h"
#include "security/scan/ScannerConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace gatehouse {

namespace {

QByteArray withNewline(QByteArray text)
{
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    return text;
}

QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> list;
    for (const QByteArray& line : text.split('\n'))
        list << line.trimmed();
    return list;
}

Error already(const RuleNoise& rule, const QString& path)
{
    return makeError(QStringLiteral("tuning.already"),
                     QStringLiteral("%1 rule %2 is already excluded in %3").arg(rule.tool, rule.rule, path));
}

Result<QByteArray> semgrepConfig(const RuleNoise& rule, const QByteArray& existing)
{
    auto config = ScannerConfig::parse(existing);
    if (!config)
        return config.error();
    const ScannerSpec* semgrep = config->find(QStringLiteral("semgrep"));
    QStringList command = semgrep ? semgrep->command : QStringList();
    for (qsizetype i = 0; i + 1 < command.size(); ++i) {
        if (command.at(i) == QLatin1String("--exclude-rule") && command.at(i + 1) == rule.rule)
            return already(rule, QStringLiteral(".gatehouse/config.yml"));
    }
    static const QRegularExpression scannersKey(QStringLiteral("^scanners\\s*:"), QRegularExpression::MultilineOption);
    if (scannersKey.match(QString::fromUtf8(existing)).hasMatch())
        return makeError(QStringLiteral("tuning.unsupported"),
                         QStringLiteral(".gatehouse/config.yml already has a scanners section: add "
                                        "`--exclude-rule %1` to the semgrep command there")
                             .arg(rule.rule));
    command << QStringLiteral("--exclude-rule") << rule.rule;
    QStringList quoted;
    for (const QString& word : std::as_const(command))
        quoted << QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"');
    return QByteArray(withNewline(existing)
                      + QStringLiteral("scanners:\n  tools:\n    semgrep:\n      command: [%1]\n")
                            .arg(quoted.join(QStringLiteral(", ")))
                            .toUtf8());
}

Result<QByteArray> ignoreFile(const RuleNoise& rule, const QByteArray& existing, const QStringList& entries,
                              const QString& path)
{
    const QList<QByteArray> present = lines(existing);
    QByteArray added;
    for (const QString& entry : entries) {
        if (!present.contains(entry.toUtf8()) && !added.contains(QByteArray(entry.toUtf8() + '\n')))
            added += entry.toUtf8() + '\n';
    }
    if (added.isEmpty())
        return already(rule, path);
    return QByteArray(withNewline(existing) + "# " + rule.tool.toUtf8() + ' ' + rule.rule.toUtf8() + ": "
                      + rule.reason.toUtf8() + '\n' + added);
}

Result<QByteArray> banditConfig(const RuleNoise& rule, const QByteArray& existing)
{
    QList<QByteArray> fileLines = existing.split('\n');
    if (!existing.isEmpty() && existing.endsWith('\n'))
        fileLines.removeLast();
    qsizetype section = -1;
    for (qsizetype i = 0; i < fileLines.size(); ++i) {
        const QByteArray line = fileLines.at(i).trimmed();
        if (line.startsWith('[')) {
            if (section >= 0)
                break;
            if (line == "[bandit]")
                section = i;
            continue;
        }
        if (section < 0 || !line.startsWith("skips"))
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        QList<QByteArray> ids;
        for (const QByteArray& id : line.mid(eq + 1).split(',')) {
            if (!id.trimmed().isEmpty())
                ids << id.trimmed();
        }
        if (ids.contains(rule.rule.toUtf8()))
            return already(rule, QStringLiteral(".bandit"));
        ids << rule.rule.toUtf8();
        fileLines[i] = "skips = " + ids.join(',');
        return QByteArray(fileLines.join('\n') + '\n');
    }
    if (section < 0)
        return QByteArray(withNewline(existing) + "[bandit]\nskips = " + rule.rule.toUtf8() + '\n');
    fileLines.insert(section + 1, "skips = " + rule.rule.toUtf8());
    return QByteArray(fileLines.join('\n') + '\n');
}

Result<QByteArray> sonarConfig(const RuleNoise& rule, const QByteArray& existing)
{
    static const QRegularExpression multi(
        QStringLiteral("^\\s*sonar\\.issue\\.ignore\\.multicriteria\\s*[=:]\\s*(.*)$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression ruleKey(
        QStringLiteral("^\\s*sonar\\.issue\\.ignore\\.multicriteria\\.[^.]+\\.ruleKey\\s*[=:]\\s*(\\S+)"),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(existing);
    for (auto it = ruleKey.globalMatch(text); it.hasNext();) {
        if (it.next().captured(1) == rule.rule)
            return already(rule, QStringLiteral("sonar-project.properties"));
    }
    const auto m = multi.match(text);
    QStringList ids;
    if (m.hasMatch()) {
        for (const QString& id : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            ids << id.trimmed();
    }
    int n = 1;
    while (ids.contains(QStringLiteral("gatehouse%1").arg(n)))
        ++n;
    const QString id = QStringLiteral("gatehouse%1").arg(n);
    ids << id;
    QString updated = text;
    const QString list = QStringLiteral("sonar.issue.ignore.multicriteria=") + ids.join(QLatin1Char(','));
    if (m.hasMatch())
        updated.replace(m.capturedStart(0), m.capturedLength(0), list);
    else
        updated = QString::fromUtf8(withNewline(existing)) + list + QLatin1Char('\n');
    updated = QString::fromUtf8(withNewline(updated.toUtf8()));
    updated += QStringLiteral("# %1: %2\nsonar.issue.ignore.multicriteria.%3.ruleKey=%1\n"
                              "sonar.issue.ignore.multicriteria.%3.resourceKey=**/*\n")
                   .arg(rule.rule, rule.reason, id);
    return updated.toUtf8();
}

Status checkState(const git::Repository& repository, const git::HeadInfo& head)
{
    if (repository.isBare())
        return makeError(QStringLiteral("commit.bare"), QStringLiteral("the repository is bare"));
    if (head.detached || head.unborn)
        return makeError(QStringLiteral("commit.detached"),
                         QStringLiteral("no branch with commits is checked out; check one out first"));
    const QDir git(repository.gitDir());
    for (const char* marker : {"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply"}) {
        if (git.exists(QString::fromLatin1(marker)))
            return makeError(
                QStringLiteral("commit.in-progress"),
                QStringLiteral("a merge, rebase or cherry-pick is in progress (%1)").arg(QString::fromLatin1(marker)));
    }
    return Success{};
}

} // namespace

QString TuningApplier::configPath(const QString& tool)
{
    const QString t = tool.toLower();
    if (t == QLatin1String("semgrep"))
        return QStringLiteral(".gatehouse/config.yml");
    if (t == QLatin1String("gitleaks"))
        return QStringLiteral(".gitleaksignore");
    if (t == QLatin1String("trivy"))
        return QStringLiteral(".trivyignore");
    if (t == QLatin1String("bandit"))
        return QStringLiteral(".bandit");
    if (t == QLatin1String("sonarqube"))
        return QStringLiteral("sonar-project.properties");
    return {};
}

Result<TuningChange> TuningApplier::change(const RuleNoise& rule, const QByteArray& existing)
{
    const QString path = configPath(rule.tool);
    if (path.isEmpty())
        return makeError(QStringLiteral("tuning.unsupported"),
                         QStringLiteral("%1 has no configuration Gatehouse can write; exclude %2 in its own settings")
                             .arg(rule.tool, rule.rule));
    if (rule.rule.isEmpty() || rule.rule.contains(QLatin1Char('\n')))
        return makeError(QStringLiteral("tuning.unsupported"), QStringLiteral("the rule has no usable id"));
    Result<QByteArray> content = QByteArray();
    const QString tool = rule.tool.toLower();
    if (tool == QLatin1String("semgrep"))
        content = semgrepConfig(rule, existing);
    else if (tool == QLatin1String("gitleaks"))
        content = ignoreFile(rule, existing, rule.fingerprints, path);
    else if (tool == QLatin1String("trivy"))
        content = ignoreFile(rule, existing, {rule.rule}, path);
    else if (tool == QLatin1String("bandit"))
        content = banditConfig(rule, existing);
    else
        content = sonarConfig(rule, existing);
    if (!content)
        return content.error();
    TuningChange change;
    change.path = path;
    change.content = *content;
    const QString verb = rule.advice == TuningAdvice::Disable ? QStringLiteral("disable") : QStringLiteral("silence");
    change.message = QStringLiteral("chore(security): %1 %2 rule %3\n\n%4.\nRecommendation: %5 (false-positive rate "
                                    "%6, %7 of %8 fixed). Written to %9 so the tool itself stops raising it; revert "
                                    "this commit to turn the rule back on.\n")
                         .arg(verb, rule.tool, rule.rule, rule.reason, tuningAdviceName(rule.advice))
                         .arg(rule.fpRate, 0, 'f', 2)
                         .arg(rule.fixed)
                         .arg(rule.raised)
                         .arg(path);
    return change;
}

Result<git::ObjectId> TuningApplier::apply(const QString& repositoryPath, const RuleNoise& rule)
{
    auto opened = git::Repository::open(repositoryPath);
    if (!opened)
        return opened.error();
    git::Repository& repository = opened.value();
    const auto head = repository.head();
    if (!head)
        return head.error();
    if (const Status state = checkState(repository, *head); !state)
        return state.error();
    const QString path = configPath(rule.tool);
    QByteArray committed;
    if (!path.isEmpty()) {
        auto content = repository.readFile(head->commit, path, 4 << 20);
        if (content)
            committed = *content;
        else if (!content.error().code.endsWith(QLatin1String("not-found")))
            return content.error();
    }
    auto change = TuningApplier::change(rule, committed);
    if (!change)
        return change.error();
    const QString file = repository.workDir() + change->path;
    QByteArray working;
    bool inWorkTree = false;
    if (QFile f(file); f.open(QIODevice::ReadOnly)) {
        working = f.readAll();
        inWorkTree = true;
    }
    if (inWorkTree && working != committed)
        return makeError(QStringLiteral("tuning.dirty"),
                         QStringLiteral("%1 has uncommitted changes; commit or stash them first").arg(change->path));
    const auto signature = repository.defaultSignature();
    if (!signature || !signature->isValid())
        return makeError(QStringLiteral("commit.identity"),
                         QStringLiteral("no git identity: set user.name and user.email (git config --global)"));
    const auto id = repository.createCommit(QStringLiteral("HEAD"), {head->commit}, {{change->path, change->content}},
                                            *signature, *signature, change->message);
    if (!id)
        return id;
    // The work tree and the index follow the commit for this file only, as if the user had committed it.
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(change->content);
        out.commit();
    }
    if (const Status synced = repository.syncIndexEntry(change->path, *id); !synced)
        qWarning("tuning commit %s made, but the index entry was not updated: %s", qPrintable(id->shortString()),
                 qPrintable(synced.error().toString()));
    return id;
}

} // namespace gatehouse
