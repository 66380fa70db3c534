import bcrypt from "bcryptjs";

// bcryptjs: pure JavaScript, so nothing more to compile on install; cost 12 takes about a quarter
// of a second here, slow enough to make guessing expensive.
const COST = 12;

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
