#pragma once

#include "core/crypto/KeyAlgorithm.h"

#include <QObject>

class QComboBox;
class QFormLayout;

namespace certdesk::ui {

// "Type of Signature Algorithm" (sha256RSA, sha384RSA, sha512RSA) and "Public Key Length"
// (2048, the only length the PBX accepts), as two rows of a form.
class SignatureFields : public QObject
{
    Q_OBJECT
public:
    SignatureFields(QFormLayout* form, QWidget* owner);

    crypto::SignatureDigest digest() const;

signals:
    void changed();

private:
    QComboBox* m_algorithm = nullptr;
    QComboBox* m_keyLength = nullptr;
};

} // namespace certdesk::ui
