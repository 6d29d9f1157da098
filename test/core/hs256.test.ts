import { SignJWT, jwtVerify } from 'jose';
import { signHs256, verifyHs256, Hs256Refused } from '../../services/core/hs256';
import { signPrincipal, verifyPrincipal, ReplayGuard } from '../../services/core/principal';
import { internalSecret } from '../../services/core/secrets';

const SECRET = 'an internal secret of the tests, long enough: 0123456789abcdef';
const EXPECTED = { issuer: 'gov-hub-gateway', audience: 'gov-hub-subgraphs' };
const now = () => Math.floor(Date.now() / 1000);
const key = new TextEncoder().encode(SECRET);

/** The forwarded principal's HS256 tokens (core/hs256.ts) are plain JWS: jose reads ours and we read jose's. */
describe('HS256 tokens of forwarded principals', () => {
  it('round-trips, and agrees with jose both ways', async () => {
    const token = signHs256({ ...{ iss: EXPECTED.issuer, aud: EXPECTED.audience }, sub: 'a', exp: now() + 60, iat: now(), roles: ['VIEWER'] }, SECRET);
    expect(verifyHs256(token, SECRET, EXPECTED)).toMatchObject({ sub: 'a', roles: ['VIEWER'] });
    expect((await jwtVerify(token, key, { algorithms: ['HS256'], ...EXPECTED })).payload).toMatchObject({ sub: 'a', roles: ['VIEWER'] });
    const byJose = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('b')
      .setIssuer(EXPECTED.issuer)
      .setAudience(EXPECTED.audience)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(key);
    expect(verifyHs256(byJose, SECRET, EXPECTED)).toMatchObject({ sub: 'b', roles: ['ADMIN'] });
  });

  it('refuses a changed signature or body, another key, issuer or audience, an expired or not-yet-valid token, another header, a malformed token', () => {
    const claims = { iss: EXPECTED.issuer, aud: EXPECTED.audience, sub: 'a', exp: now() + 60 };
    const token = signHs256(claims, SECRET);
    const [header, body, signature] = token.split('.');
    const otherBody = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    const refused = [
      `${header}.${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      `${header}.${otherBody}.${signature}`,
      signHs256(claims, `${SECRET}!`),
      signHs256({ ...claims, iss: 'someone' }, SECRET),
      signHs256({ ...claims, aud: 'gov-hub-internal:audit' }, SECRET),
      signHs256({ ...claims, exp: now() - 1 }, SECRET),
      signHs256({ ...claims, exp: undefined }, SECRET),
      signHs256({ ...claims, nbf: now() + 60 }, SECRET),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`,
      `${Buffer.from('{"alg":"HS256","crit":["b64"]}').toString('base64url')}.${body}.${signature}`,
      `${header}.${body}`,
      '',
    ];
    for (const bad of refused) expect(() => verifyHs256(bad, SECRET, EXPECTED)).toThrow(Hs256Refused);
  });

  it('a forwarded principal verifies once, for its query only', async () => {
    const principal = { subject: 's', name: 'S', kind: 'USER' as const, roles: ['OFFICER' as const], scopes: [], unitCode: '91', unitPath: 'VN/91', territory: ['VN/91'] };
    const replays = new ReplayGuard('hs256-test');
    const token = await signPrincipal(principal, '{ a }');
    await expect(verifyPrincipal(token, '{ b }', replays)).rejects.toThrow(/another query/);
    await expect(verifyPrincipal(token, '{ a }', replays)).resolves.toEqual(principal);
    await expect(verifyPrincipal(token, '{ a }', replays)).rejects.toThrow(/used before/);
    // Signed with the internal secret as jose would read it.
    await expect(jwtVerify(await signPrincipal(principal, '{ a }'), new TextEncoder().encode(internalSecret()), { algorithms: ['HS256'], ...EXPECTED })).resolves.toBeTruthy();
  });
});
