// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitLabAnalyzer.h"

#include "SchemaValidator.h"
#include "YamlReader.h"

#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace gatehouse::pipeline {

using namespace gitlabdetail;

QStringList GitLabAnalyzer::matchLocal(const QString& pattern, const YamlNode& at)
{
    if (!pattern.contains(u'*'))
        return {pattern};
    const QStringList all = m_files.list ? m_files.list() : QStringList();
    if (all.isEmpty()) {
        report(
            at, Severity::Warning, Category::Semantic, QStringLiteral("include-not-checked"),
            QStringLiteral("cannot expand the wildcard include '%1' without the repository's file list").arg(pattern));
        return {};
    }
    QString regex;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.mid(i, 3) == u"**/") {
            regex += QStringLiteral("(.*/)?");
            i += 2;
        } else if (pattern.mid(i, 2) == u"**") {
            regex += QStringLiteral(".*");
            ++i;
        } else if (pattern[i] == u'*') {
            regex += QStringLiteral("[^/]*");
        } else {
            regex += QRegularExpression::escape(QString(pattern[i]));
        }
    }
    const QRegularExpression re(QRegularExpression::anchoredPattern(regex));
    QStringList matches;
    for (const QString& file : all) {
        if (re.match(file).hasMatch())
            matches.append(file);
    }
    matches.sort();
    if (matches.isEmpty())
        report(at, Severity::Warning, Category::Semantic, QStringLiteral("include-no-match"),
               QStringLiteral("the wildcard include '%1' matches no file").arg(pattern));
    return matches;
}

YamlNode GitLabAnalyzer::expandIncludes(YamlNode config, int fileIndex, QStringList chain)
{
    const YamlNode* include = config.get(u"include");
    if (!include)
        return config;
    SchemaValidator(KeywordTables::gitlab(), m_model.files, m_diagnostics)
        .validateValue(*include, KeywordTables::gitlab().map(QStringLiteral("root"))->key(u"include")->value,
                       QStringLiteral("include"));
    YamlNodeList entries;
    if (include->isSequence())
        entries = include->items;
    else if (!include->isNull())
        entries.push_back(*include);

    YamlNode merged = YamlNode::map(config.line, config.column);
    merged.file = fileIndex;
    for (const YamlNode& entry : entries) {
        QString local;
        QString otherKind;
        QString otherWhat;
        if (entry.isScalar()) {
            if (entry.value.startsWith(u"http://") || entry.value.startsWith(u"https://")) {
                otherKind = QStringLiteral("remote");
                otherWhat = entry.value;
            } else {
                local = entry.value;
            }
        } else if (entry.isMap()) {
            if (const YamlNode* l = entry.get(u"local"))
                local = l->value;
            for (const char* kind : {"project", "remote", "template", "component"}) {
                if (const YamlNode* v = entry.get(QString::fromLatin1(kind)); v && otherKind.isEmpty()) {
                    otherKind = QString::fromLatin1(kind);
                    otherWhat = v->value;
                }
            }
        } else {
            continue;
        }
        if (!otherKind.isEmpty()) {
            m_partial = true;
            m_model.unresolvedIncludes.append(otherKind + u':' + otherWhat);
            report(entry, Severity::Info, Category::Semantic, QStringLiteral("include-unresolved"),
                   QStringLiteral("include:%1 '%2' is not resolved (no network access); the jobs and templates it "
                                  "defines are not checked")
                       .arg(otherKind, otherWhat));
            continue;
        }
        // Not a YAML file: refused by the keyword rules already, GitLab does not read it.
        if (local.isEmpty() || !SchemaValidator::checkFormat(QStringLiteral("yaml-file"), local).isEmpty())
            continue;
        if (local.contains(u'$')) {
            m_partial = true;
            report(entry, Severity::Info, Category::Semantic, QStringLiteral("include-unresolved"),
                   QStringLiteral("include '%1' uses variables and is not resolved").arg(local));
            continue;
        }
        if (local.startsWith(u'/'))
            local.remove(0, 1);
        for (const QString& path : matchLocal(local, entry)) {
            if (chain.contains(path)) {
                report(entry, Severity::Error, Category::Semantic, QStringLiteral("include-cycle"),
                       QStringLiteral("include cycle: %1; expected each file to be included once")
                           .arg(joinChain(chain + QStringList{path})));
                continue;
            }
            if (chain.size() > GitLabPipeline::MaxIncludeDepth) {
                report(entry, Severity::Error, Category::Semantic, QStringLiteral("include-too-deep"),
                       QStringLiteral("includes are nested more than %1 levels deep (GitLab's limit)")
                           .arg(GitLabPipeline::MaxIncludeDepth));
                continue;
            }
            if (++m_includeCount > GitLabPipeline::MaxIncludes) {
                report(entry, Severity::Error, Category::Semantic, QStringLiteral("too-many-includes"),
                       QStringLiteral("more than %1 included files (GitLab's limit)").arg(GitLabPipeline::MaxIncludes));
                return config;
            }
            Result<QByteArray> content = m_files.read
                ? m_files.read(path)
                : Result<QByteArray>(makeError(QStringLiteral("io.unavailable"), QString()));
            if (!content.ok()) {
                if (m_files.complete) {
                    report(entry, Severity::Error, Category::Semantic, QStringLiteral("include-not-found"),
                           QStringLiteral("the included file '%1' does not exist in the repository").arg(path));
                } else {
                    m_partial = true;
                    report(entry, Severity::Warning, Category::Semantic, QStringLiteral("include-not-checked"),
                           QStringLiteral("the included file '%1' is not available here, so its jobs are not "
                                          "checked")
                               .arg(path));
                }
                continue;
            }
            const int index = int(m_model.files.size());
            m_model.files.append(path);
            YamlNode child;
            if (!readConfig(content.value(), index, &child, entry.isMap() ? &entry : nullptr))
                continue;
            child = expandIncludes(std::move(child), index, chain + QStringList{path});
            merged = GitLabPipeline::deepMerge(merged, child);
        }
    }
    config.remove(u"include");
    return GitLabPipeline::deepMerge(merged, config);
}

YamlNode GitLabAnalyzer::resolveJob(const QString& name, QStringList chain)
{
    if (const auto it = m_resolved.constFind(name); it != m_resolved.constEnd())
        return *it;
    const YamlNode* own = top(name);
    if (!own)
        return {};
    const YamlNode* extends = own->get(u"extends");
    if (!own->isMap() || !extends) {
        m_resolved.insert(name, *own);
        return *own;
    }
    chain.append(name);
    std::vector<const YamlNode*> parents;
    if (extends->isScalar())
        parents.push_back(extends);
    for (const YamlNode& item : extends->items)
        parents.push_back(&item);

    YamlNode result = YamlNode::map(own->line, own->column);
    result.file = own->file;
    for (const YamlNode* parentNode : parents) {
        const QString parent = parentNode->value;
        if (chain.contains(parent)) {
            report(*parentNode, Severity::Error, Category::Semantic, QStringLiteral("extends-cycle"),
                   QStringLiteral("extends loop: %1; expected a chain that ends")
                       .arg(joinChain(chain + QStringList{parent})));
            m_extendsFailed.insert(chain.first(), true);
            continue;
        }
        if (chain.size() > GitLabPipeline::MaxExtendsDepth) {
            report(*parentNode, Severity::Error, Category::Semantic, QStringLiteral("extends-too-deep"),
                   QStringLiteral("extends is nested more than %1 levels (%2); GitLab allows %1")
                       .arg(GitLabPipeline::MaxExtendsDepth)
                       .arg(joinChain(chain + QStringList{parent})));
            m_extendsFailed.insert(chain.first(), true);
            continue;
        }
        const YamlNode* parentConfig = top(parent);
        if (!parentConfig || !parentConfig->isMap()) {
            QStringList candidates;
            for (const YamlNode& key : m_config.keys) {
                if (!GitLabPipeline::isGlobalKeyword(key.value))
                    candidates.append(key.value);
            }
            report(*parentNode, parentConfig ? Severity::Error : unlessPartial(), Category::Semantic,
                   QStringLiteral("extends-unknown"),
                   parentConfig ? QStringLiteral("'%1' extends '%2', which is not a mapping").arg(name, parent)
                                : QStringLiteral("'%1' extends '%2', which is not defined%3%4")
                                      .arg(name, parent, didYouMean(parent, candidates), partialNote()));
            m_extendsFailed.insert(name, true);
            continue;
        }
        const YamlNode parentResolved = resolveJob(parent, chain);
        if (m_extendsFailed.value(parent))
            m_extendsFailed.insert(name, true);
        result = GitLabPipeline::deepMerge(result, parentResolved);
    }
    YamlNode ownCopy = *own;
    ownCopy.remove(u"extends");
    result = GitLabPipeline::deepMerge(result, ownCopy);
    result.line = own->line;
    result.column = own->column;
    result.file = own->file;
    result.remove(u"extends");
    m_resolved.insert(name, result);
    return result;
}

void GitLabAnalyzer::resolveExtends()
{
    for (const YamlNode& key : m_config.keys) {
        if (!GitLabPipeline::isGlobalKeyword(key.value))
            resolveJob(key.value, {});
    }
    for (size_t i = 0; i < m_config.keys.size(); ++i) {
        const QString& name = m_config.keys[i].value;
        if (m_resolved.contains(name))
            m_config.items[i] = m_resolved.take(name);
    }
}

void GitLabAnalyzer::resolveReferences(YamlNode& node, int depth)
{
    if (node.tag == u"!reference") {
        const QStringList path = node.toStringList();
        if (!node.isSequence() || path.isEmpty() || path.size() != node.size()) {
            report(node, Severity::Error, Category::Syntax, QStringLiteral("invalid-reference"),
                   QStringLiteral("!reference takes a sequence of names, such as !reference [.setup, script]"));
            node = YamlNode();
            return;
        }
        if (depth >= GitLabPipeline::MaxReferenceDepth) {
            report(node, Severity::Error, Category::Semantic, QStringLiteral("reference-too-deep"),
                   QStringLiteral("!reference tags are nested more than %1 levels deep")
                       .arg(GitLabPipeline::MaxReferenceDepth));
            node = YamlNode();
            return;
        }
        const YamlNode* target = &m_config;
        for (qsizetype i = 0; i < path.size(); ++i) {
            const YamlNode* next = target->get(path[i]);
            if (!next) {
                const bool missingTop = i == 0;
                report(node, missingTop ? unlessPartial() : Severity::Error, Category::Semantic,
                       QStringLiteral("reference-not-found"),
                       QStringLiteral("!reference [%1]: '%2' has no key '%3'%4%5")
                           .arg(path.join(QStringLiteral(", ")),
                                i == 0 ? QStringLiteral("the configuration") : path[i - 1], path[i],
                                didYouMean(path[i], target->keyNames()), missingTop ? partialNote() : QString()));
                node = YamlNode();
                return;
            }
            target = next;
        }
        YamlNode copy = *target;
        resolveReferences(copy, depth + 1);
        node = std::move(copy);
        return;
    }
    // Only the branches that hold a reference are touched, so subtrees shared by extends stay shared.
    const YamlNodeList& children = node.items;
    for (size_t i = 0; i < children.size(); ++i) {
        if (containsReference(children[i]))
            resolveReferences(node.items[i], depth);
    }
}

} // namespace gatehouse::pipeline
