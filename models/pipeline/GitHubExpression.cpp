// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GitHubExpression.h"

#include "github/ContextAvailability.h"
#include "github/ExpressionChecker.h"
#include "github/ExpressionSyntax.h"

#include <vector>

namespace gatehouse::pipeline {

const QStringList& GitHubExpression::contexts()
{
    return github::ContextAvailability::allContexts();
}

const QStringList& GitHubExpression::functions()
{
    return github::ExpressionChecker::functionNames();
}

QList<std::pair<int, QString>> GitHubExpression::embedded(const QString& value)
{
    QList<std::pair<int, QString>> result;
    qsizetype from = 0;
    while (true) {
        const qsizetype start = value.indexOf(u"${{", from);
        if (start < 0)
            break;
        // The closing `}}` that is not inside a string literal.
        qsizetype i = start + 3;
        bool inString = false;
        qsizetype end = -1;
        for (; i + 1 < value.size(); ++i) {
            if (value[i] == u'\'')
                inString = !inString;
            else if (!inString && value[i] == u'}' && value[i + 1] == u'}') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            result.append({-1, value.mid(start + 3)});
            break;
        }
        result.append({int(start + 3), value.mid(start + 3, end - start - 3)});
        from = end + 2;
    }
    return result;
}

namespace {

using github::ExpressionNode;
using github::ExpressionSyntax;

/// Collects the context reads, unknown contexts and unknown functions of a parsed expression, in reading order.
class AccessCollector
{
public:
    AccessCollector(const ExpressionSyntax& syntax, GitHubExpression& result)
        : m_syntax(syntax)
        , m_result(result)
    { }

    /// Iterative, so a deep chain of operators cannot exhaust the stack.
    void collect(int root)
    {
        std::vector<int> pending{root};
        while (!pending.empty()) {
            const int index = pending.back();
            pending.pop_back();
            const ExpressionNode& node = m_syntax.node(index);
            std::vector<int> next;
            if (isChain(node.kind)) {
                QString path;
                int offset = 0;
                if (chainPath(index, &path, &offset, &next))
                    m_result.accesses.append({path, offset});
            } else {
                if (node.kind == ExpressionNode::Kind::Call
                    && !GitHubExpression::functions().contains(node.text.toLower()))
                    m_result.unknownFunctions.append(node.text);
                next.assign(node.children.begin(), node.children.end());
            }
            pending.insert(pending.end(), next.rbegin(), next.rend());
        }
    }

private:
    static bool isChain(ExpressionNode::Kind kind)
    {
        return kind == ExpressionNode::Kind::Context || kind == ExpressionNode::Kind::Property
            || kind == ExpressionNode::Kind::Index || kind == ExpressionNode::Kind::Filter;
    }

    /// The dotted path of a property chain when it starts at a context; index expressions go to `inner`.
    bool chainPath(int index, QString* path, int* offset, std::vector<int>* inner)
    {
        QStringList parts;
        std::vector<int> indexes;
        int at = index;
        while (true) {
            const ExpressionNode& node = m_syntax.node(at);
            if (node.kind == ExpressionNode::Kind::Property) {
                parts.prepend(node.text);
            } else if (node.kind == ExpressionNode::Kind::Filter) {
                parts.prepend(QStringLiteral("*"));
            } else if (node.kind == ExpressionNode::Kind::Index) {
                const ExpressionNode& key = m_syntax.node(node.children[1]);
                parts.prepend(key.kind == ExpressionNode::Kind::String ? key.text : QStringLiteral("*"));
                indexes.insert(indexes.begin(), node.children[1]);
            } else if (node.kind == ExpressionNode::Kind::Context) {
                const QString lower = node.text.toLower();
                if (!GitHubExpression::contexts().contains(lower)) {
                    m_result.unknownContexts.append(node.text);
                    m_result.unknownContextOffsets.append(node.offset);
                }
                parts.prepend(lower);
                *offset = node.offset;
                break;
            } else {
                // A chain on a call or literal: `fromJSON(x).a` reads no context itself.
                inner->push_back(at);
                inner->insert(inner->end(), indexes.begin(), indexes.end());
                return false;
            }
            at = node.children[0];
        }
        inner->insert(inner->end(), indexes.begin(), indexes.end());
        *path = parts.join(u'.');
        return true;
    }

    const ExpressionSyntax& m_syntax;
    GitHubExpression& m_result;
};

} // namespace

GitHubExpression GitHubExpression::parse(QStringView text)
{
    GitHubExpression result;
    const ExpressionSyntax syntax = ExpressionSyntax::parse(text);
    result.ok = syntax.ok;
    result.error = syntax.error;
    result.errorOffset = syntax.errorOffset;
    if (syntax.ok)
        AccessCollector(syntax, result).collect(syntax.root);
    return result;
}

} // namespace gatehouse::pipeline
