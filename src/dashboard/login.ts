/**
 * Signing in to the dashboard when the API has a token: a browser cannot send the
 * `Authorization` header on a page load, so `POST /login` (a form with the token) sets the
 * same token as an HttpOnly, SameSite=Strict cookie for the whole site, which the API accepts
 * like the header. Unauthenticated page loads get the sign-in form (401). No data is shown
 * before the token is checked.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const TOKEN_COOKIE = 'seizurewatch_token';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where to go after signing in: a path on this site only. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000 || !next.startsWith('/') || next.startsWith('//'))
    return '/';
  if (next.startsWith('/login') || /[\\\r\n]/.test(next)) return '/';
  return next;
}

export function loginPage(next: string, failed = false): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · seizurewatch</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1b1f24;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;max-width:22rem;width:90%}
h1{font-size:1.25rem;margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #6b7280;border-radius:4px}
button{margin-top:1rem;padding:.5rem 1rem;font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
p.err{color:#a4161a;font-weight:600}
</style></head>
<body><main>
<h1>seizurewatch dashboard</h1>
${failed ? '<p class="err" role="alert">That token is not right.</p>' : ''}
<form method="post" action="/login">
<label for="token">API token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(next)}">
<button type="submit">Sign in</button>
</form>
<p>The token is the value of the service's token variable (SEIZUREWATCH_API_TOKEN by default).</p>
</main></body></html>
`;
}

/**
 * `POST /login` (form: token, next). Right token: the cookie and a 303 to `next`; wrong: the
 * form again with 401. Registered in its own scope (its form parser applies to it alone).
 */
export async function registerLogin(
  app: FastifyInstance,
  check: (token: string) => boolean,
  secure: (req: FastifyRequest) => boolean = () => false,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.post('/login', async (req, reply) => {
      const form = (req.body ?? {}) as Record<string, unknown>;
      const token = typeof form.token === 'string' ? form.token : '';
      const next = safeNext(form.next);
      if (!token || !check(token)) {
        return reply.code(401).type('text/html; charset=utf-8').send(loginPage(next, true));
      }
      return reply
        .code(303)
        .header(
          'set-cookie',
          `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict${secure(req) ? '; Secure' : ''}`,
        )
        .header('location', next)
        .send();
    });
  });
}
