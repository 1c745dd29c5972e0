// A module of its own so that its hash is computed when the bundle is built (csp-policies.ts)
// without building the form's code.

/** The form's only style, inline; its hash is in the Content-Security-Policy. */
export const FORM_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input[type=text],input[type=email],textarea,select{width:100%;padding:.5rem;font:inherit;border:1px solid #555;border-radius:4px}
fieldset{margin-top:1rem;border:1px solid #999;border-radius:4px}fieldset label{font-weight:400;margin:.25rem 0}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit;background:#0b5394;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #f6b26b;outline-offset:2px}.error{color:#a00000}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}`;
