import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import { StartupError, reasonOf } from '../../startup-error.js';
import { logger } from '../../shared/logger.js';

/** The Ed25519 key that signs the daily roots. */
export interface LedgerKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as PEM (SPKI), as published with every day. */
  publicPem: string;
  /** The first 16 hex digits of the SHA-256 of the public key's DER form. */
  id: string;
}

export function ledgerKeyOf(privateKey: KeyObject): LedgerKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    id: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}

/**
 * Reads the signing key from `file` (PEM, PKCS #8). A missing file is made, readable by this
 * user only, on a demo start or while no day has been signed yet; once days are signed, a
 * missing or different key stops the start-up: new roots under another key would break the
 * days' chain for everyone holding the published ones.
 */
export async function loadLedgerKey(file: string, pool: Pool, demo: boolean): Promise<LedgerKey> {
  const { rows } = await pool.query<{ keyId: string }>(`select key_id as "keyId" from ledger_day order by day desc limit 1`);
  const signedWith = rows[0]?.keyId ?? null;
  if (!existsSync(file)) {
    if (signedWith && !demo) {
      throw new StartupError(
        `The ledger signing key ${file} is missing, and the published days were signed with key ${signedWith}; restore that file or set LEDGER_KEY_FILE to it.`,
      );
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StartupError(`Jejak cannot write the ledger signing key ${file} (${reasonOf(error)}); set LEDGER_KEY_FILE to a writable path.`);
      }
      return loadLedgerKey(file, pool, demo); // made by another process starting at the same time
    }
    const key = ledgerKeyOf(privateKey);
    logger.warn({ file, keyId: key.id }, 'made a new ledger signing key: keep a copy of it; the days are signed with it');
    return key;
  }
  let key: LedgerKey;
  try {
    key = ledgerKeyOf(createPrivateKey(await readFile(file)));
  } catch (error) {
    throw new StartupError(`The ledger signing key ${file} cannot be read (${reasonOf(error)}); it must be an Ed25519 private key in PEM form.`);
  }
  if (key.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new StartupError(`The ledger signing key ${file} is a ${key.privateKey.asymmetricKeyType} key; it must be an Ed25519 key.`);
  }
  if (signedWith && signedWith !== key.id && !demo) {
    throw new StartupError(
      `The ledger signing key ${file} is key ${key.id}, but the published days were signed with key ${signedWith}; set LEDGER_KEY_FILE to that key.`,
    );
  }
  return key;
}
