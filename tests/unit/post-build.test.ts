import { describe, expect, it } from 'vitest';
import { builtFile } from '../../src/integrations/post-build';

describe('builtFile', () => {
  it.each([
    ['/entries/x/', '/', 'entries/x/index.html'],
    ['/', '/', 'index.html'],
    ['/some-path/entries/x/', '/some-path/', 'entries/x/index.html'],
    ['/some-path/entries/x/', '/some-path', 'entries/x/index.html'],
    ['/some-path/', '/some-path/', 'index.html'],
    ['/some-path/404', '/some-path/', '404.html'],
    ['/actors/zelenskyy/index.html', '/', 'actors/zelenskyy/index.html'],
    ['/actors/erdo%C4%9Fan/', '/', 'actors/erdoğan/index.html'],
  ])('%s under base %s is dist/%s', (pathname, base, file) => {
    expect(builtFile(pathname, base)).toBe(file);
  });
});
