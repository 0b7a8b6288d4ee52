#include "ui/SignatureFields.h"

#include <QComboBox>
#include <QFormLayout>

namespace certdesk::ui {

SignatureFields::SignatureFields(QFormLayout* form, QWidget* owner)
    : QObject(owner)
{
    m_algorithm = new QComboBox(owner);
    m_algorithm->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_algorithm->setObjectName(QStringLiteral("signatureAlgorithmCombo"));
    for (crypto::SignatureDigest d :
         {crypto::SignatureDigest::Sha256, crypto::SignatureDigest::Sha384,
          crypto::SignatureDigest::Sha512})
        m_algorithm->addItem(crypto::adminPortalSignatureName(d), int(d));
    m_keyLength = new QComboBox(owner);
    m_keyLength->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_keyLength->setObjectName(QStringLiteral("keyLengthCombo"));
    m_keyLength->addItem(QStringLiteral("2048"));
    m_keyLength->setToolTip(
        tr("RSA 2048 is the only public key length OpenScape Business accepts."));
    form->addRow(tr("Type of Signature Algorithm:"), m_algorithm);
    form->addRow(tr("Public Key Length:"), m_keyLength);
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, &SignatureFields::changed);
}

crypto::SignatureDigest SignatureFields::digest() const
{
    return static_cast<crypto::SignatureDigest>(m_algorithm->currentData().toInt());
}

} // namespace certdesk::ui
