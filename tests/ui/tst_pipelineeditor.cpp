// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editorview/FindReplaceBar.h"
#include "editorview/KeywordCompleter.h"
#include "editorview/PipelineEditor.h"
#include "editorview/YamlHighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace gatehouse;
using pipeline::Diagnostic;
using pipeline::Severity;

class TestPipelineEditor : public QObject
{
    Q_OBJECT

    // The highlighter's format of the character at `column` (0-based) of `line` (0-based).
    static QTextCharFormat formatAt(PipelineEditor& editor, int line, int column)
    {
        const QTextBlock block = editor.document()->findBlockByNumber(line);
        for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
            if (column >= range.start && column < range.start + range.length)
                return range.format;
        }
        return {};
    }

    // The current row of a highlighting table: the character at line/column has the token's format.
    static void checkToken(pipeline::PipelineKind kind)
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, token);
        PipelineEditor editor;
        editor.setPipelineKind(kind);
        editor.setPlainText(text);
        auto* highlighter = editor.document()->findChild<YamlHighlighter*>();
        QVERIFY(highlighter);
        const QTextCharFormat expected = highlighter->format(YamlHighlighter::Token(token));
        const QTextCharFormat actual = formatAt(editor, line, column);
        QCOMPARE(actual.foreground().color(), expected.foreground().color());
        QCOMPARE(actual.fontItalic(), expected.fontItalic());
    }

private Q_SLOTS:
    void highlighting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("token");
        using T = YamlHighlighter::Token;
        QTest::newRow("key") << u"build:\n  stage: test"_qs << 1 << 3 << int(T::Key);
        QTest::newRow("comment") << u"a: b # note"_qs << 0 << 7 << int(T::Comment);
        QTest::newRow("hash in string is no comment") << u"a: \"x # y\""_qs << 0 << 6 << int(T::String);
        QTest::newRow("reference tag") << u"script: !reference [.setup, script]"_qs << 0 << 9 << int(T::Tag);
        QTest::newRow("anchor") << u".base: &base\n  x: 1"_qs << 0 << 8 << int(T::Anchor);
        QTest::newRow("alias") << u"job: *base"_qs << 0 << 6 << int(T::Anchor);
        QTest::newRow("expression") << u"if: ${{ github.ref == 'main' }}"_qs << 0 << 9 << int(T::Expression);
        QTest::newRow("variable") << u"script: echo $CI_COMMIT_SHA"_qs << 0 << 15 << int(T::Variable);
        QTest::newRow("literal") << u"allow_failure: true"_qs << 0 << 16 << int(T::Literal);
        QTest::newRow("block scalar body")
            << u"script: |\n  make: all # not a comment\nnext: 1"_qs << 1 << 4 << int(T::String);
        QTest::newRow("after block scalar") << u"script: |\n  make\nnext: 1"_qs << 2 << 1 << int(T::Key);
        QTest::newRow("sequence key") << u"jobs:\n  - name: x"_qs << 1 << 5 << int(T::Key);
    }
    void highlighting() { checkToken(pipeline::PipelineKind::GitLab); }

    void tabInsertsSpaces()
    {
        PipelineEditor editor;
        editor.setPlainText(u"a:"_qs);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), u"a:\n  "_qs);
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), u"a:\n    "_qs);
        QVERIFY(!editor.toPlainText().contains(u'\t'));
    }

    void autoIndent_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expectedIndent");
        QTest::newRow("key opens mapping") << u"build:"_qs << u"  "_qs;
        QTest::newRow("nested key") << u"  script:"_qs << u"    "_qs;
        QTest::newRow("key with comment") << u"  rules: # why"_qs << u"    "_qs;
        QTest::newRow("scalar keeps indent") << u"  stage: test"_qs << u"  "_qs;
        QTest::newRow("sequence item mapping") << u"  - if: $X"_qs << u"    "_qs;
        QTest::newRow("sequence item opens mapping") << u"  - name:"_qs << u"      "_qs;
        QTest::newRow("block scalar") << u"  script: |"_qs << u"    "_qs;
    }
    void autoIndent()
    {
        QFETCH(QString, line);
        QFETCH(QString, expectedIndent);
        PipelineEditor editor;
        editor.setPlainText(line);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), line % u'\n' % expectedIndent);
    }

    void commentToggle()
    {
        PipelineEditor editor;
        editor.setPlainText(u"build:\n  stage: test\n  script: make\n"_qs);
        QTextCursor cursor(editor.document()->findBlockByNumber(1));
        cursor.movePosition(QTextCursor::Down, QTextCursor::KeepAnchor);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        editor.setTextCursor(cursor);
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), u"build:\n  # stage: test\n  # script: make\n"_qs);
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), u"build:\n  stage: test\n  script: make\n"_qs);
        editor.undo();
        QCOMPARE(editor.toPlainText(), u"build:\n  # stage: test\n  # script: make\n"_qs);
        editor.redo();
        QCOMPARE(editor.toPlainText(), u"build:\n  stage: test\n  script: make\n"_qs);
    }

    void groovyHighlighting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("token");
        using T = YamlHighlighter::Token;
        QTest::newRow("directive") << u"pipeline {\n  agent any"_qs << 1 << 3 << int(T::Key);
        QTest::newRow("line comment") << u"agent any // where"_qs << 0 << 12 << int(T::Comment);
        QTest::newRow("hash in a string is no comment") << u"sh 'make # all'"_qs << 0 << 10 << int(T::String);
        QTest::newRow("block comment") << u"/* a\n  stage b */ steps"_qs << 1 << 4 << int(T::Comment);
        QTest::newRow("after a block comment") << u"/* a\n  b */ steps"_qs << 1 << 8 << int(T::Key);
        QTest::newRow("triple-quoted script") << u"sh '''\n  make // all\n'''"_qs << 1 << 8 << int(T::String);
        QTest::newRow("interpolation") << u"echo \"at ${env.X}\""_qs << 0 << 11 << int(T::Variable);
        QTest::newRow("literal") << u"beforeAgent true"_qs << 0 << 13 << int(T::Literal);
    }
    void groovyHighlighting() { checkToken(pipeline::PipelineKind::Jenkins); }

    void jenkinsCommentToggle()
    {
        PipelineEditor editor;
        editor.setPipelineKind(pipeline::PipelineKind::Jenkins);
        editor.setPlainText(u"steps {\n    sh 'make'\n}\n"_qs);
        editor.setTextCursor(QTextCursor(editor.document()->findBlockByNumber(1)));
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), u"steps {\n    // sh 'make'\n}\n"_qs);
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), u"steps {\n    sh 'make'\n}\n"_qs);
    }

    void diagnosticsBecomeUnderlinesAndMarkers()
    {
        PipelineEditor editor;
        editor.setPlainText(u"build:\n  stage: tset\n  script: make\n"_qs);
        Diagnostic d;
        d.line = 2;
        d.column = 10;
        d.severity = Severity::Error;
        d.rule = u"gitlab.undefined-stage"_qs;
        d.message = u"stage 'tset' is not defined"_qs;
        editor.setDiagnostics({d});
        QCOMPARE(editor.diagnosticsAt(2).size(), 1);
        QVERIFY(editor.diagnosticsAt(1).isEmpty());
        bool found = false;
        for (const QTextEdit::ExtraSelection& s : editor.extraSelections()) {
            if (s.format.underlineStyle() != QTextCharFormat::WaveUnderline)
                continue;
            found = true;
            QCOMPARE(s.cursor.block().blockNumber(), 1);
            QCOMPARE(s.cursor.selectedText(), u"tset"_qs);
            QCOMPARE(s.format.underlineColor(), severityColor(Severity::Error));
        }
        QVERIFY(found);
        editor.setDiagnostics({});
        for (const QTextEdit::ExtraSelection& s : editor.extraSelections())
            QVERIFY(s.format.underlineStyle() != QTextCharFormat::WaveUnderline);
    }

    void goToLine()
    {
        PipelineEditor editor;
        QStringList lines;
        for (int i = 1; i <= 500; ++i)
            lines << u"  key%1: v"_qs.arg(i);
        editor.setPlainText(lines.join(u'\n'));
        editor.goToLine(321);
        QCOMPARE(editor.currentLine(), 321);
        QCOMPARE(editor.textCursor().positionInBlock(), 2); // first non-blank
        editor.goToLine(10, 5);
        QCOMPARE(editor.textCursor().positionInBlock(), 4);
        editor.goToLine(100000);
        QCOMPARE(editor.currentLine(), 500);
    }

    void findAndReplace()
    {
        PipelineEditor editor;
        editor.setPlainText(u"a: foo\nb: Foo\nc: foo\n"_qs);
        FindReplaceBar bar(&editor);
        bar.activate(true);
        bar.findEdit()->setText(u"foo"_qs);
        QCOMPARE(editor.textCursor().selectedText(), u"foo"_qs);
        bar.replaceEdit()->setText(u"bar"_qs);
        bar.replaceAll();
        QCOMPARE(editor.toPlainText(), u"a: bar\nb: bar\nc: bar\n"_qs);
        editor.undo();
        QCOMPARE(editor.toPlainText(), u"a: foo\nb: Foo\nc: foo\n"_qs);
    }

    void keywordCompletion()
    {
        PipelineEditor editor;
        editor.setPipelineKind(pipeline::PipelineKind::GitLab);
        editor.resize(600, 400);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setPlainText(u"build:\n  stage: test\n  scr"_qs);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Space, Qt::ControlModifier);
        KeywordCompleter* completer = editor.keywordCompleter();
        QVERIFY(completer->isPopupVisible());
        QCOMPARE(completer->completer()->currentCompletion(), u"script"_qs);
        QTest::keyClick(completer->completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), u"build:\n  stage: test\n  script: "_qs);

        // Values of an enum key.
        editor.setPlainText(u"deploy:\n  when: ma"_qs);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(completer->isPopupVisible());
        QCOMPARE(completer->completer()->currentCompletion(), u"manual"_qs);
        QTest::keyClick(completer->completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), u"deploy:\n  when: manual"_qs);

        // Nothing to offer inside a script.
        editor.setPlainText(u"build:\n  script:\n    - mak"_qs);
        editor.moveCursor(QTextCursor::End);
        QVERIFY(!completer->complete());
    }

    void keywordHover()
    {
        PipelineEditor editor;
        editor.setPipelineKind(pipeline::PipelineKind::GitLab);
        editor.setPlainText(u"build:\n  allow_failure: true\n  bogus: 1\n"_qs);
        QTextCursor cursor(editor.document()->findBlockByNumber(1));
        cursor.setPosition(cursor.position() + 5);
        QVERIFY(editor.keywordCompleter()->helpAt(cursor).contains(u"allow_failure"_qs));
        cursor.setPosition(editor.document()->findBlockByNumber(1).position() + 18); // on the value
        QVERIFY(editor.keywordCompleter()->helpAt(cursor).isEmpty());
        QVERIFY(editor.keywordCompleter()->helpAt(QTextCursor(editor.document()->findBlockByNumber(2))).isEmpty());
    }

    void matchingBracket()
    {
        PipelineEditor editor;
        editor.setPlainText(u"needs: [a, [b]]"_qs);
        QTextCursor cursor(editor.document());
        cursor.setPosition(7); // before '['
        editor.setTextCursor(cursor);
        QList<int> bold;
        for (const QTextEdit::ExtraSelection& s : editor.extraSelections()) {
            if (s.format.fontWeight() == QFont::Bold)
                bold << s.cursor.selectionStart();
        }
        QCOMPARE(bold, (QList<int>{7, 14}));
    }
};

QTEST_MAIN(TestPipelineEditor)
#include "tst_pipelineeditor.moc"
