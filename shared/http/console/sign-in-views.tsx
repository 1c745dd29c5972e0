import type { DevStaff } from './deps.ts';
import { ROLE_LABEL } from './enum-labels.ts';
import { Layout, type PageContext } from './layout.tsx';

export function DevSignIn(props: { ctx: PageContext; staff: readonly DevStaff[]; loginCsrf: string; next: string; error?: string }) {
  const { ctx } = props;
  const byTenant = new Map<string, DevStaff[]>();
  for (const s of props.staff) byTenant.set(s.tenantId, [...(byTenant.get(s.tenantId) ?? []), s]);
  return (
    <Layout ctx={ctx} title={ctx.t('signIn')}>
      <h1>{ctx.t('devIdpTitle')}</h1>
      <p>{ctx.t('devIdpIntro')}</p>
      {props.error && <div class="alert" role="alert">{props.error}</div>}
      <div class="grid">
        {[...byTenant.entries()].map(([tenantId, staff]) => (
          <section class="card" aria-labelledby={`t-${tenantId}`}>
            <h2 id={`t-${tenantId}`}>{staff[0]?.tenantName} <span class="muted">({tenantId})</span></h2>
            <ul>
              {staff.map((s) => (
                <li>
                  <form method="post" action="/console/login/dev" class="row">
                    <input type="hidden" name="_csrf" value={props.loginCsrf} />
                    <input type="hidden" name="tenant" value={s.tenantId} />
                    <input type="hidden" name="role" value={s.role} />
                    <input type="hidden" name="next" value={props.next} />
                    <button type="submit" class="secondary" data-user={s.userId}>
                      {ctx.t('signIn')}: {s.userId} — {ROLE_LABEL[s.role][ctx.lang]}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}

export function CognitoSignIn(props: { ctx: PageContext; next: string }) {
  return (
    <Layout ctx={props.ctx} title={props.ctx.t('signIn')}>
      <h1>{props.ctx.t('signIn')}</h1>
      <p>{props.ctx.t('cognitoIntro')}</p>
      <a class="button" href={`/console/login/cognito?next=${encodeURIComponent(props.next)}`}>{props.ctx.t('signInWithCognito')}</a>
    </Layout>
  );
}
