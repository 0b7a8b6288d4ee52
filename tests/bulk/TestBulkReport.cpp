// The bulk report's three forms (escaping in HTML and CSV, a JSON round trip) and the rule
// files that assign store entries to sites.

#include "core/bulk/BulkReport.h"
#include "core/bulk/CertificateAssignment.h"
#include "core/remote/SiteInventory.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace certdesk::bulk;

class TestBulkReport : public QObject
{
    Q_OBJECT

private slots:
    void htmlEscapesEveryText();
    void csvQuotesAndDefusesFormulas();
    void jsonRoundTripAndHistory();
    void assignmentFromCsvAndJson();
    void assignmentErrors();
    void inventoryRoundTrip();

private:
    static BulkReport sample();
};

BulkReport TestBulkReport::sample()
{
    BulkReport r;
    r.system = QStringLiteral("telephony");
    r.started = QDateTime::currentDateTimeUtc().addSecs(-10);
    r.ended = QDateTime::currentDateTimeUtc();
    r.parallel = 32;
    BulkSiteResult a;
    a.site = QStringLiteral("berlin-1");
    a.host = QStringLiteral("127.0.0.1");
    a.port = 4443;
    a.entry = QStringLiteral("wild\"card");
    a.state = BulkSiteResult::State::Failed;
    a.failure = QStringLiteral("verify:unexpected-certificate");
    a.message = QStringLiteral("<script>alert('x')</script> & \"more\"\nline two, with comma");
    a.started = r.started;
    a.ended = r.ended;
    a.attempts = 2;
    a.addStepTime(QStringLiteral("login"), 120);
    a.addStepTime(QStringLiteral("wait"), 3000);
    a.addStepTime(QStringLiteral("login"), 30);
    BulkSiteResult b;
    b.site = QStringLiteral("munich-2");
    b.entry = QStringLiteral("=cmd|' /C calc'!A0");
    b.state = BulkSiteResult::State::Succeeded;
    b.attempts = 1;
    r.sites = {a, b};
    return r;
}

void TestBulkReport::htmlEscapesEveryText()
{
    const QString html = QString::fromUtf8(sample().toHtml());
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                         "&quot;more&quot;")));
    QVERIFY(html.contains(QStringLiteral("wild&quot;card")));
    QVERIFY(!html.contains(QStringLiteral("http"))); // self-contained: nothing fetched
    QCOMPARE(sample().sites.at(0).stepTime(QStringLiteral("login")), 150);
}

void TestBulkReport::csvQuotesAndDefusesFormulas()
{
    const QString csv = QString::fromUtf8(sample().toCsv());
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    QVERIFY(lines.first().startsWith(QStringLiteral("site,host,port,entry,state,failure")));
    QVERIFY(csv.contains(QStringLiteral("\"wild\"\"card\"")));
    QVERIFY(csv.contains(QStringLiteral("\"<script>alert('x')</script> & \"\"more\"\"\nline two, "
                                        "with comma\"")));
    QVERIFY(csv.contains(QStringLiteral("'=cmd|")));
    QVERIFY(csv.contains(QStringLiteral("login=150;wait=3000")));
}

void TestBulkReport::jsonRoundTripAndHistory()
{
    const BulkReport r = sample();
    auto back = BulkReport::fromJson(r.toJson());
    QVERIFY(back);
    QCOMPARE(back->sites.size(), 2);
    QCOMPARE(back->sites.at(0).message, r.sites.at(0).message);
    QCOMPARE(back->sites.at(0).state, BulkSiteResult::State::Failed);
    QCOMPARE(back->sites.at(0).stepTime(QStringLiteral("wait")), 3000);
    QCOMPARE(back->toJson()
                 .value(QStringLiteral("counts"))
                 .toObject()
                 .value(QStringLiteral("failed"))
                 .toInt(),
             1);
    QVERIFY(!BulkReport::fromJson(QJsonObject{}));

    QTemporaryDir root;
    auto first = r.saveToHistory(root.path());
    auto second = r.saveToHistory(root.path());
    QVERIFY(first && second);
    QVERIFY(*first != *second); // never overwrites an earlier report
    QVERIFY(first->startsWith(BulkReport::historyFolder(root.path()) + QStringLiteral("/bulk-")));
    QVERIFY(first->endsWith(QStringLiteral(".json")));
    QCOMPARE(QFile::permissions(*first) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
}

void TestBulkReport::assignmentFromCsvAndJson()
{
    auto csv = CertificateAssignment::parse("# rules\nsite,entry\n*, wildcard 2026\n"
                                            "berlin-1,berlin own\n\"munich-2\",\"m \"\"q\"\"\"\n",
                                            false);
    QVERIFY2(csv, csv ? "" : qPrintable(csv.error().message));
    QCOMPARE(csv->entryFor(QStringLiteral("berlin-1")).value(), QStringLiteral("berlin own"));
    QCOMPARE(csv->entryFor(QStringLiteral("munich-2")).value(), QStringLiteral("m \"q\""));
    QCOMPARE(csv->entryFor(QStringLiteral("other")).value(), QStringLiteral("wildcard 2026"));
    QCOMPARE(csv->entries().size(), 3);

    auto json = CertificateAssignment::parse(R"({"berlin-1": "a", "munich-2": "b"})", true);
    QVERIFY(json);
    QCOMPARE(json->entryFor(QStringLiteral("munich-2")).value(), QStringLiteral("b"));
    QVERIFY(!json->entryFor(QStringLiteral("hamburg"))); // no rule and no "*"
    auto list = CertificateAssignment::parse(R"([{"site": "*", "entry": "all"}])", true);
    QVERIFY(list);
    QCOMPARE(list->entryFor(QStringLiteral("x")).value(), QStringLiteral("all"));
    QVERIFY(CertificateAssignment::single(QStringLiteral("e")).isSingle());

    // "{site}": each site's own entry, alone or beside explicit rules.
    QCOMPARE(CertificateAssignment::perSite().entryFor(QStringLiteral("pbx-7")).value(),
             QStringLiteral("pbx-7"));
    auto own = CertificateAssignment::parse("*,{site} 2027\nberlin-1,shared\n", false);
    QVERIFY(own);
    QCOMPARE(own->entryFor(QStringLiteral("munich-2")).value(), QStringLiteral("munich-2 2027"));
    QCOMPARE(own->entryFor(QStringLiteral("berlin-1")).value(), QStringLiteral("shared"));
}

void TestBulkReport::assignmentErrors()
{
    QVERIFY(!CertificateAssignment::parse("a,b\na,c\n", false));    // a site twice
    QVERIFY(!CertificateAssignment::parse("just-a-name\n", false)); // no comma
    QVERIFY(!CertificateAssignment::parse("", false));              // nothing assigned
    QVERIFY(!CertificateAssignment::parse("{not json", true));
    QVERIFY(!CertificateAssignment::parse(R"({"a": 3})", true));
}

// The inventory file: CSV and JSON carry every field but secrets, and read back the same.
void TestBulkReport::inventoryRoundTrip()
{
    using certdesk::remote::Site;
    using certdesk::remote::SiteInventory;
    Site a;
    a.name = QStringLiteral("pbx-a");
    a.host = QStringLiteral("192.0.2.10");
    a.port = 8443;
    a.user = QStringLiteral("administrator");
    a.boosterPort = 8444;
    a.tags = {QStringLiteral("=north"), QStringLiteral("cust-a")}; // looks like a formula
    a.credential = QStringLiteral("grp");
    a.pin.certificateSha256 = QByteArray(32, '\x5a');
    Site b;
    b.name = QStringLiteral("pbx-b");
    b.host = QStringLiteral("osbiz.example.com");
    b.user = QStringLiteral("admin,with comma");
    for (const bool json : {false, true}) {
        const QByteArray text = json ? SiteInventory::toJson({a, b}) : SiteInventory::toCsv({a, b});
        QVERIFY(!text.contains("password"));
        QVERIFY(!json || SiteInventory::looksLikeJson(QStringLiteral("x.txt"), text));
        QVERIFY(json || !SiteInventory::looksLikeJson(QStringLiteral("x.csv"), text));
        if (!json)
            QVERIFY(text.contains("'=north")); // defused for spreadsheets
        auto back = SiteInventory::parse(text, json);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->size(), 2);
        const Site& ra = back->at(0);
        QCOMPARE(ra.name, a.name);
        QCOMPARE(ra.port, a.port);
        QCOMPARE(ra.boosterPort, a.boosterPort);
        QCOMPARE(ra.tags, a.tags);
        QCOMPARE(ra.credential, a.credential);
        QCOMPARE(ra.pin.certificateSha256, a.pin.certificateSha256);
        QCOMPARE(back->at(1).user, b.user);
        QVERIFY(back->at(1).pin.isNull());
    }
    auto bad = SiteInventory::parse("host,port\n192.0.2.1,443\n", false); // no name column
    QVERIFY(!bad);
    bad = SiteInventory::parse("name,host,port\npbx,192.0.2.1,99999\n", false);
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.contains(QStringLiteral("Line 2")),
             qPrintable(bad.error().message));
}

QTEST_GUILESS_MAIN(TestBulkReport)
#include "TestBulkReport.moc"
