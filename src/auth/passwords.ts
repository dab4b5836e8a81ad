import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id (a const enum, which isolatedModules cannot read).
const ARGON2ID = 2;

// argon2id with the OWASP minimum (19 MiB, t=2, p=1): ~12 ms on this machine kind.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spend the same time as a real verification when the account does not exist. */
export async function verifyDummy(password: string): Promise<void> {
  dummy ??= hashPassword('gongkai-timing-equaliser');
  await verifyPassword(await dummy, password);
}

/** Password rule: 8–64 characters with at least one letter and one digit, not the user name. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 64) return '密码不能超过 64 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
