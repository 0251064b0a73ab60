import type { AppEnv } from '@antoan/api';
import type { LocalAccount, LocalUserStore } from '@antoan/api/local-users';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type Provider from 'oidc-provider';
import { OIDC_MOUNT } from './oidc';

const roleNames: Record<LocalAccount['role'], { vi: string; en: string }> = {
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  zone_manager: { vi: 'Ban quản lý KCN', en: 'Zone manager' },
  inspector: { vi: 'Thanh tra', en: 'Inspector' },
  authority: { vi: 'Cơ quan quản lý', en: 'Authority' },
};

const styles = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b2430}
main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem}ul{list-style:none;padding:0;margin:0}
li{display:flex;justify-content:space-between;align-items:center;gap:.75rem;background:#fff;border:1px solid #d5dbe1;
border-radius:.5rem;padding:.75rem;margin-bottom:.5rem}.name{font-weight:600;overflow-wrap:anywhere}.role{color:#4a5563;font-size:.9rem}
button{font:inherit;padding:.5rem .9rem;border-radius:.4rem;border:0;background:#0b5cad;color:#fff;cursor:pointer;white-space:nowrap}
p{color:#4a5563}`;

/**
 * The local provider's login page: every enabled account, one click each, no password (the demo stays quick).
 * Served by the platform's Hono app under `/oidc/interaction/*`, the provider's interaction URL.
 */
export const loginRoutes = (provider: Provider, users: LocalUserStore) =>
  new Hono<AppEnv>()
    .get(`${OIDC_MOUNT}/interaction/:uid`, async (c) => {
      const { incoming, outgoing } = c.env as unknown as HttpBindings;
      const details = await provider.interactionDetails(incoming, outgoing);
      if (details.prompt.name !== 'login') {
        return c.html(
          page('Không đăng nhập được / Cannot sign in', html`<p>${details.prompt.name}</p>`),
          400,
        );
      }
      const accounts = users.accounts().filter((account) => account.enabled);
      c.header('Cache-Control', 'no-store');
      return c.html(
        page(
          'Đăng nhập antoan / Sign in to antoan',
          html`<p>Môi trường thử nghiệm: chọn một người dùng, không cần mật khẩu. /
              Local platform: pick a user, no password needed.</p>
            <ul>
              ${accounts.map(
                (account) => html`<li>
                  <div>
                    <div class="name">${account.name}</div>
                    <div class="role">${roleNames[account.role].vi} / ${roleNames[account.role].en}</div>
                  </div>
                  <form method="post" action="${OIDC_MOUNT}/interaction/${details.uid}/login">
                    <input type="hidden" name="sub" value="${account.id}" />
                    <button type="submit" data-testid="login-${account.id}" aria-label="Đăng nhập / Sign in: ${account.name}">
                      Đăng nhập / Sign in
                    </button>
                  </form>
                </li>`,
              )}
            </ul>`,
        ),
      );
    })
    .post(`${OIDC_MOUNT}/interaction/:uid/login`, async (c) => {
      const { incoming, outgoing } = c.env as unknown as HttpBindings;
      const form = await c.req.parseBody();
      const account = typeof form.sub === 'string' ? users.account(form.sub) : undefined;
      if (!account?.enabled) {
        return c.html(page('Không đăng nhập được / Cannot sign in', html`<p>No such user.</p>`), 400);
      }
      const redirectTo = await provider.interactionResult(
        incoming,
        outgoing,
        { login: { accountId: account.id } },
        { mergeWithLastSubmission: false },
      );
      return c.redirect(redirectTo, 303);
    });

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>
      ${raw(styles)}
    </style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
  </body>
</html>`;
