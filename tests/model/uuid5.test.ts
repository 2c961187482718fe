import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha1, uuidV5 } from '../../src/model/uuid5.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('sha1', () => {
  it('gives the FIPS 180 test digests', () => {
    expect(hex(sha1(new TextEncoder().encode('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(new Uint8Array()))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    const twoBlocks = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
    expect(hex(sha1(new TextEncoder().encode(twoBlocks)))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it("agrees with Node's SHA-1 on any bytes, across block boundaries", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
    );
  });
});

describe('uuidV5', () => {
  it('gives the well-known version-5 UUID of www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is the same for the same name and differs for another, with version 5 and the RFC variant', () => {
    expect(uuidV5('actor:kadhimi', DNS_NAMESPACE)).toBe(uuidV5('actor:kadhimi', DNS_NAMESPACE));
    expect(uuidV5('actor:kadhimi', DNS_NAMESPACE)).not.toBe(uuidV5('actor:kadhimí', DNS_NAMESPACE));
    expect(uuidV5('Asa’ib 中 😀', DNS_NAMESPACE)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
