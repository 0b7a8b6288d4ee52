#include "core/io/SecureFileWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using certdesk::io::SecureFileWriter;

class TestSecureFileWriter : public QObject
{
    Q_OBJECT
private slots:
    void writesAllFilesOwnerOnly();
    void refusesExistingWithoutOverwrite();
    void failureLeavesNothing();
};

void TestSecureFileWriter::writesAllFilesOwnerOnly()
{
    QTemporaryDir dir;
    SecureFileWriter w;
    w.add(dir.filePath(QStringLiteral("a.crt")), "cert");
    w.add(dir.filePath(QStringLiteral("a.key")), "key");
    QVERIFY(w.commit().ok());
    QFile key(dir.filePath(QStringLiteral("a.key")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), QByteArray("key"));
    QCOMPARE(key.permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QVERIFY(key.permissions() & QFile::ReadOwner);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporaries left
}

void TestSecureFileWriter::refusesExistingWithoutOverwrite()
{
    QTemporaryDir dir;
    QFile existing(dir.filePath(QStringLiteral("key_csr.pem")));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("old");
    existing.close();
    SecureFileWriter w;
    w.add(dir.filePath(QStringLiteral("new.csr")), "csr");
    w.add(dir.filePath(QStringLiteral("key_csr.pem")), "new");
    const auto status = w.commit();
    QVERIFY(!status.ok());
    QVERIFY(status.error().message.contains(QStringLiteral("already exists")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.csr"))));
    QFile check(existing.fileName());
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("old"));

    SecureFileWriter overwrite;
    overwrite.setOverwrite(true);
    overwrite.add(existing.fileName(), "new");
    QVERIFY(overwrite.commit().ok());
    QFile replaced(existing.fileName());
    QVERIFY(replaced.open(QIODevice::ReadOnly));
    QCOMPARE(replaced.readAll(), QByteArray("new"));
}

void TestSecureFileWriter::failureLeavesNothing()
{
    QTemporaryDir dir;
    SecureFileWriter w;
    w.add(dir.filePath(QStringLiteral("ok.crt")), "cert");
    w.add(dir.filePath(QStringLiteral("missing-folder/x.key")), "key");
    QVERIFY(!w.commit().ok());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 0);
}

QTEST_GUILESS_MAIN(TestSecureFileWriter)
#include "TestSecureFileWriter.moc"
