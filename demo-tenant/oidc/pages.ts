// The provider's own small pages: a plain, accessible sign-in form, and the sign-out step.

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Contoso demo tenant</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { width: min(24rem, 92vw); padding: 2rem; border: 1px solid #8886; border-radius: 0.75rem; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { display: block; width: 100%; box-sizing: border-box; margin-top: 0.25rem; padding: 0.5rem; font: inherit; }
  button { margin-top: 1.5rem; width: 100%; padding: 0.6rem; font: inherit; font-weight: 600; background: #1d4ed8; color: #fff; border: 0; border-radius: 0.4rem; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { color: #b91c1c; background: #fee2e2; padding: 0.5rem; border-radius: 0.4rem; }
  @media (prefers-color-scheme: dark) { .error { color: #fecaca; background: #7f1d1d; } }
  .hint { font-size: 0.875rem; opacity: 0.8; }
</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(
  action: string,
  options: { error?: string; email?: string; clientName: string },
): string {
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to <strong>${escapeHtml(options.clientName)}</strong> in the Contoso demo tenant.</p>
${error}
<form method="post" action="${escapeHtml(action)}" autocomplete="off">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" required autofocus value="${escapeHtml(options.email ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Demo accounts: admin@contoso.demo / Admin-Demo-1 (can write), reader@contoso.demo / Reader-Demo-1 (read only).</p>`,
  );
}

export function logoutPage(form: string): string {
  // oidc-provider hands us the confirmation form; confirm at once, as Entra does for a signed-in app.
  return page(
    'Signing out',
    `<h1>Signing out…</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script>`,
  );
}

export function signedOutPage(): string {
  return page(
    'Signed out',
    '<h1>Signed out</h1><p>You have signed out of the Contoso demo tenant.</p>',
  );
}

export function errorPage(error: string, description?: string): string {
  return page(
    'Sign-in error',
    `<h1>Sign-in error</h1><p class="error" role="alert">${escapeHtml(error)}${description ? `: ${escapeHtml(description)}` : ''}</p>`,
  );
}

// The device code pages (Entra's microsoft.com/devicelogin): enter the code, confirm the app, done.
// oidc-provider hands over its forms (with their anti-forgery field); the sign-in between them is
// the login page above.
export function deviceCodePage(form: string, error?: string): string {
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return page(
    'Enter code',
    `<h1>Enter code</h1>
<p>Enter the code displayed on your device or in your terminal to sign in to the Contoso demo tenant.</p>
${alert}
${form.replace('type="text" name="user_code"', 'type="text" name="user_code" aria-label="Code"')}
<button type="submit" form="op.deviceInputForm">Next</button>`,
  );
}

export function deviceConfirmPage(form: string, clientName: string, userCode: string): string {
  return page(
    'Confirm sign-in',
    `<h1>Are you trying to sign in to ${escapeHtml(clientName)}?</h1>
<p>Only continue if you started this sign-in yourself and your terminal shows the code <strong>${escapeHtml(userCode)}</strong>.</p>
${form}
<button type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes">Cancel</button>`,
  );
}

export function deviceSignedInPage(clientName: string): string {
  return page(
    'Signed in',
    `<h1>Signed in</h1><p>You have signed in to ${escapeHtml(clientName)} on your device. You may now close this window.</p>`,
  );
}
