import { redactCredentials, redactUrl } from './redact-credentials.js';

describe('redactUrl', () => {
  it.each([
    ['http://user:password@prom.example:9090/', 'http://prom.example:9090'],
    ['https://user@prom.example/api', 'https://prom.example/api'],
    ['http://prom.example/?token=abc&step=15', 'http://prom.example/?token=REDACTED&step=15'],
    ['http://prom.example/x?Access-Token=abc', 'http://prom.example/x?Access-Token=REDACTED'],
    ['http://127.0.0.1:9090', 'http://127.0.0.1:9090'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('redacts what it cannot parse as text', () => {
    expect(redactUrl('http://u:p@[bad/?token=x')).toBe('http://[bad/?token=REDACTED');
  });
});

describe('redactCredentials', () => {
  it('redacts URLs inside a command line, whatever surrounds them', () => {
    const argv = ['report', 't.yaml', '--prometheus=https://ops:hunter2@p:9090/?access_token=abc&api_key=k&q=up', 'http://a:b@c@d/'];
    expect(argv.map(redactCredentials)).toEqual(['report', 't.yaml', '--prometheus=https://p:9090/?access_token=REDACTED&api_key=REDACTED&q=up', 'http://d/']);
  });

  it('leaves text without credentials unchanged', () => {
    for (const s of ['trees/x.yaml', '--since', '-30m', 'a=b', 'http://host/path?query=rate(x[5m])']) expect(redactCredentials(s)).toBe(s);
  });
});
