import * as bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** A hash to compare against when the account does not exist, so timing does not reveal which part was wrong. */
export const DUMMY_HASH = bcrypt.hashSync('nhiemvu-timing-equaliser', COST);
