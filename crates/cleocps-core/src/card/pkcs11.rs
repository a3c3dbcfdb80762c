//! The card through a PKCS#11 module (`cryptoki`).
//!
//! A session is opened per operation and closed right after, so nothing stays
//! logged in. Keys and certificates are found by attributes (label, CKA_ID),
//! never by slot number or a fixed id: slot ids move (SoftHSM, readers).

use super::{
    check_pin_length, has_non_repudiation, signature_matches, CardError, PinState, Result,
    SlotEntry, Token, TokenInfo, TokenSource, SIG_KEY_LABEL,
};
use crate::secret::Secret;
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use der::Decode;
use std::path::{Path, PathBuf};
use x509_cert::Certificate;

/// A loaded, initialised module; finalised on drop when we initialised it
/// (so the next load re-reads its configuration, e.g. `SOFTHSM2_CONF`).
struct Module {
    ctx: Pkcs11,
    path: PathBuf,
    owned: bool,
}

impl Module {
    fn load(path: &Path) -> Result<Module> {
        let not_loadable = |reason: String| CardError::ModuleNotLoadable {
            module: path.to_path_buf(),
            reason,
        };
        let ctx = Pkcs11::new(path).map_err(|e| not_loadable(e.to_string()))?;
        let owned = match ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
            Ok(()) => true,
            Err(Error::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => false,
            Err(e) => return Err(not_loadable(e.to_string())),
        };
        Ok(Module {
            ctx,
            path: path.to_path_buf(),
            owned,
        })
    }

    /// Slots holding an initialised token, with their info.
    fn tokens(&self) -> Result<Vec<(Slot, cryptoki::slot::TokenInfo)>> {
        let slots = self.ctx.get_slots_with_token().map_err(p11)?;
        Ok(slots
            .into_iter()
            .filter_map(|s| {
                let info = self.ctx.get_token_info(s).ok()?;
                info.token_initialized().then_some((s, info))
            })
            .collect())
    }
}

impl Drop for Module {
    fn drop(&mut self) {
        if self.owned {
            // Nothing useful to do if finalising fails.
            let _ = self.ctx.clone().finalize();
        }
    }
}

fn p11(e: Error) -> CardError {
    match e {
        Error::Pkcs11(
            RvError::TokenNotPresent | RvError::DeviceRemoved | RvError::SessionHandleInvalid,
            _,
        ) => CardError::CardRemoved,
        other => CardError::Pkcs11(other.to_string()),
    }
}

fn token_info(module: &Path, slot: Slot, t: &cryptoki::slot::TokenInfo) -> TokenInfo {
    TokenInfo {
        label: t.label().trim().to_string(),
        serial: t.serial_number().trim().to_string(),
        manufacturer: t.manufacturer_id().trim().to_string(),
        model: t.model().trim().to_string(),
        source: TokenSource::Pkcs11 {
            module: module.to_path_buf(),
            slot: slot.id(),
        },
        pin: PinState {
            count_low: t.user_pin_count_low(),
            final_try: t.user_pin_final_try(),
            locked: t.user_pin_locked(),
            min_len: t.min_pin_length(),
            max_len: t.max_pin_length(),
        },
    }
}

/// Every slot of the module, for `card list`.
pub(super) fn list_slots(path: &Path) -> Result<Vec<SlotEntry>> {
    let module = Module::load(path)?;
    let slots = module.ctx.get_all_slots().map_err(p11)?;
    let mut out = Vec::new();
    for slot in slots {
        let si = module.ctx.get_slot_info(slot).map_err(p11)?;
        let token = if si.token_present() {
            module
                .ctx
                .get_token_info(slot)
                .ok()
                .filter(|t| t.token_initialized())
                .map(|t| token_info(path, slot, &t))
        } else {
            None
        };
        out.push(SlotEntry {
            slot: slot.id(),
            description: si.slot_description().trim().to_string(),
            token_present: si.token_present(),
            token,
        });
    }
    Ok(out)
}

pub(super) struct Pkcs11Token {
    module: Module,
    slot: Slot,
    label: String,
    /// The certificate handed out by `signature_certificate`: the signature
    /// must verify against it, or the CMS would name the wrong signer.
    certificate: Option<Certificate>,
}

impl Pkcs11Token {
    pub(super) fn open(path: &Path, label: Option<&str>) -> Result<Pkcs11Token> {
        let module = Module::load(path)?;
        let tokens = module.tokens()?;
        let labels: Vec<String> = tokens
            .iter()
            .map(|(_, t)| t.label().trim().to_string())
            .collect();
        let chosen = match label {
            Some(l) => tokens
                .iter()
                .find(|(_, t)| t.label().trim() == l.trim())
                .ok_or_else(|| CardError::TokenNotFound {
                    label: l.to_string(),
                    available: labels.clone(),
                })?,
            None => match tokens.as_slice() {
                [] => {
                    return Err(CardError::NoToken {
                        module: path.to_path_buf(),
                    })
                }
                [one] => one,
                _ => return Err(CardError::SeveralTokens { labels }),
            },
        };
        let (slot, info) = chosen;
        Ok(Pkcs11Token {
            slot: *slot,
            label: info.label().trim().to_string(),
            module,
            certificate: None,
        })
    }

    fn session(&self) -> Result<Session> {
        self.module.ctx.open_ro_session(self.slot).map_err(p11)
    }

    fn no_key(&self) -> CardError {
        CardError::NoSignatureKey {
            token: self.label.clone(),
        }
    }

    fn no_cert(&self) -> CardError {
        CardError::NoCertificate {
            token: self.label.clone(),
        }
    }
}

fn attr_bytes(session: &Session, h: ObjectHandle, ty: AttributeType) -> Option<Vec<u8>> {
    let attrs = session.get_attributes(h, &[ty]).ok()?;
    attrs.into_iter().find_map(|a| match a {
        Attribute::Id(v) | Attribute::Value(v) => Some(v),
        _ => None,
    })
}

/// The certificate whose CKA_ID is `id`.
fn certificate_by_id(session: &Session, id: &[u8]) -> Option<Certificate> {
    let found = session
        .find_objects(&[
            Attribute::Class(ObjectClass::CERTIFICATE),
            Attribute::Id(id.to_vec()),
        ])
        .ok()?;
    found.into_iter().find_map(|h| {
        let der = attr_bytes(session, h, AttributeType::Value)?;
        Certificate::from_der(&der).ok()
    })
}

/// The signature key: by label `CPS_PRIV_SIG`, else the first signing key
/// whose certificate (same CKA_ID) has nonRepudiation. Private keys are
/// usually visible only after login. Returns the key and its CKA_ID.
fn find_signature_key(session: &Session) -> Option<(ObjectHandle, Vec<u8>)> {
    let by_label = session
        .find_objects(&[
            Attribute::Class(ObjectClass::PRIVATE_KEY),
            Attribute::Label(SIG_KEY_LABEL.as_bytes().to_vec()),
        ])
        .ok()?;
    if let Some(h) = by_label.first() {
        return Some((
            *h,
            attr_bytes(session, *h, AttributeType::Id).unwrap_or_default(),
        ));
    }
    let signers = session
        .find_objects(&[
            Attribute::Class(ObjectClass::PRIVATE_KEY),
            Attribute::Sign(true),
        ])
        .ok()?;
    signers.into_iter().find_map(|h| {
        let id = attr_bytes(session, h, AttributeType::Id)?;
        let cert = certificate_by_id(session, &id)?;
        has_non_repudiation(&cert).then_some((h, id))
    })
}

impl Token for Pkcs11Token {
    fn info(&self) -> Result<TokenInfo> {
        let t = self.module.ctx.get_token_info(self.slot).map_err(p11)?;
        Ok(token_info(&self.module.path, self.slot, &t))
    }

    fn signature_certificate(&self) -> Result<Certificate> {
        let session = self.session()?;
        // Without login: the key by label when the token shows it, else the
        // certificate with nonRepudiation (the card's signature certificate).
        if let Some((_, id)) = find_signature_key(&session) {
            return certificate_by_id(&session, &id).ok_or_else(|| self.no_cert());
        }
        let certs = session
            .find_objects(&[Attribute::Class(ObjectClass::CERTIFICATE)])
            .map_err(p11)?;
        certs
            .into_iter()
            .filter_map(|h| attr_bytes(&session, h, AttributeType::Value))
            .filter_map(|der| Certificate::from_der(&der).ok())
            .find(has_non_repudiation)
            .ok_or_else(|| self.no_cert())
    }

    fn sign_sha256(&mut self, pin: &Secret, data: &[u8]) -> Result<Vec<u8>> {
        let info = self.info()?;
        if info.pin.locked {
            return Err(CardError::PinLocked);
        }
        check_pin_length(pin, &info.pin)?;
        let expected = match self.certificate.take() {
            Some(c) => c,
            None => self.signature_certificate()?,
        };
        self.certificate = Some(expected.clone());
        let session = self.session()?;
        // Exactly one login attempt: never retried, whatever the error.
        let auth = AuthPin::from(pin.expose());
        match session.login(UserType::User, Some(&auth)) {
            Ok(()) | Err(Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => {}
            Err(Error::Pkcs11(RvError::PinIncorrect, _)) => return Err(CardError::WrongPin),
            Err(Error::Pkcs11(RvError::PinLocked, _)) => return Err(CardError::PinLocked),
            Err(Error::Pkcs11(RvError::PinLenRange, _)) => {
                return Err(CardError::PinLength {
                    min: info.pin.min_len,
                    max: info.pin.max_len,
                })
            }
            Err(e) => return Err(p11(e)),
        }
        let result = find_signature_key(&session)
            .ok_or_else(|| self.no_key())
            .and_then(|(key, _)| {
                session
                    .sign(&Mechanism::Sha256RsaPkcs, key, data)
                    .map_err(p11)
            });
        // Logout even after a failure; the session closes on drop.
        let _ = session.logout();
        let signature = result?;
        if !signature_matches(&expected, data, &signature) {
            return Err(CardError::KeyCertificateMismatch);
        }
        Ok(signature)
    }
}

// The context is shared behind an Arc; cryptoki's types are Send.
#[cfg(test)]
mod tests {
    fn assert_send<T: Send>() {}
    #[test]
    fn token_is_send() {
        assert_send::<super::Pkcs11Token>();
    }
}
