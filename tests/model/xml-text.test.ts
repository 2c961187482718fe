import { describe, expect, it } from 'vitest';
import { xmlEscaped, xmlSafeText } from '../../src/model/xml-text.ts';

describe('xmlSafeText', () => {
  it('keeps every character XML allows, markup characters included (the serializer escapes those)', () => {
    const text = 'Asa’ib <script>alert("x")</script> & \'q\' \t\n\r é 中 😀 \uE000 \uFFFD';
    expect(xmlSafeText(text)).toBe(text);
  });

  it('replaces control characters, lone surrogates and non-characters that XML forbids', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000bd\u001fe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlSafeText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(xmlSafeText('\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD');
    // The edges of the allowed ranges.
    expect(xmlSafeText('\u0020\uD7FF\u{10FFFF}')).toBe('\u0020\uD7FF\u{10FFFF}');
    expect(xmlSafeText('\u007f')).toBe('\u007f');
  });
});

describe('xmlEscaped', () => {
  it('writes markup as entities and tabs and line breaks as references, so attribute values keep them', () => {
    expect(xmlEscaped(`a & <b> "c" 'd'\t\n\r\u0000`)).toBe(
      'a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;&#9;&#10;&#13;\uFFFD',
    );
  });
});
